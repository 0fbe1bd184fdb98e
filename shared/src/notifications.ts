import { z } from 'zod';
import { ContentRefSchema } from './webinars.js';

export const NOTIFICATION_TYPES = [
  'suggestion.status',
  'suggestion.merged',
  'webinar.status',
  'content.reply',
  'case.working_on',
  'toolbox.accepted',
  'toolbox.declined',
  'moderation.hidden_by_flags',
  'moderation.action',
  'reply.accepted',
  'follow.new_content',
  'case.status',
  'publishing.submitted',
  'publishing.returned',
  'publishing.approved',
  'publishing.published',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NotificationSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  /** One Danish sentence, written by the server: "Emneforslaget … er nu planlagt". */
  text: z.string(),
  content: ContentRefSchema.nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const MarkNotificationsReadSchema = z.union(
  [z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(200) }), z.strictObject({ all: z.literal(true) })],
  { error: 'Angiv ids (en liste) eller all: true' },
);
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsReadSchema>;
