import { z } from 'zod';
import { noticeText } from './text-fields.js';
import { ToolboxSlug } from './toolbox.js';
import { ContentRefSchema, InstantWithOffset } from './webinars.js';

// ---- Publishing workflow for KOMBIT material ----
// A KOMBIT draft goes to review ("Send til godkendelse"), a moderator approves it (publish now or at a time) or sends
// it back with a reason. Material meant for Værktøjskassen needs a second moderator: neither its author nor whoever
// submitted it may approve it. Anyone who may publish an item directly may also schedule it.

export const PUBLISHING_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'schedule', 'unschedule'] as const;
export type PublishingAction = (typeof PUBLISHING_ACTIONS)[number];

/** The kinds that are KOMBIT material when KOMBIT writes them (questions and suggestions are just posted). */
export const PUBLISHING_KINDS = ['guide', 'case', 'webinar'] as const;

export const PUBLISHING_ACTION_LABELS: Record<PublishingAction, string> = {
  submit: 'Send til godkendelse',
  withdraw: 'Træk tilbage',
  approve: 'Godkend',
  return: 'Send retur',
  schedule: 'Planlæg udgivelse',
  unschedule: 'Annullér planlagt udgivelse',
};

export const PublishingRequestSchema = z
  .strictObject({
    action: z.enum(PUBLISHING_ACTIONS, { error: 'Vælg en gyldig handling' }),
    /** submit: the Værktøjskassen section the material is for (approval places it there). */
    toolboxSection: ToolboxSlug.nullable().optional(),
    /** submit (a wish), approve (overrides the wish), schedule (required): when it goes live; left out means now. */
    publishAt: InstantWithOffset('hvornår det skal udgives').nullable().optional(),
    /** submit: a note to the reviewer. */
    note: noticeText('en note til godkenderen', 1000).optional(),
    /** return: why it goes back (shown to the author). */
    reason: noticeText('en begrundelse', 1000).optional(),
    /** The version the caller looked at: approving or returning text that changed since is a conflict (409). */
    expectedVersion: z.number({ error: 'Angiv versionen som et tal' }).int().positive().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.action === 'return' && !input.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Skriv, hvorfor det sendes retur' });
    }
    if (input.action === 'schedule' && !input.publishAt) {
      ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Angiv hvornår det skal udgives' });
    }
  });
export type PublishingRequest = z.infer<typeof PublishingRequestSchema>;

const PersonNameSchema = z.object({ id: z.string(), name: z.string() });

/** Where an unpublished item stands in the workflow, and what the caller may do with it now. */
export const PublishingStateSchema = z.object({
  toolboxSection: z.object({ slug: z.string(), title: z.string() }).nullable(),
  publishAt: z.string().nullable(),
  note: z.string().nullable(),
  submittedBy: PersonNameSchema.nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: PersonNameSchema.nullable(),
  returnedBy: PersonNameSchema.nullable(),
  returnedReason: z.string().nullable(),
  /** Toolbox material: the approval must come from a moderator who neither wrote nor submitted it. */
  needsSecondModerator: z.boolean(),
  /** Publishing it directly is not allowed (KOMBIT material by someone who is not a moderator): it goes to review. */
  reviewRequired: z.boolean(),
  actions: z.object({
    submit: z.boolean(),
    withdraw: z.boolean(),
    approve: z.boolean(),
    return: z.boolean(),
    schedule: z.boolean(),
    unschedule: z.boolean(),
  }),
});
export type PublishingState = z.infer<typeof PublishingStateSchema>;

export const PublishingQueueQuerySchema = z.strictObject({
  status: z.enum(['in_review', 'scheduled'], { error: 'Vælg til godkendelse eller planlagt' }).optional(),
});

export const PublishingQueueItemSchema = z.object({
  content: ContentRefSchema,
  status: z.enum(['in_review', 'scheduled']),
  author: z.object({ name: z.string(), organization: z.string() }),
  updatedAt: z.string(),
  publishing: PublishingStateSchema,
});
export type PublishingQueueItem = z.infer<typeof PublishingQueueItemSchema>;

export const PublishingQueueSchema = z.object({
  items: z.array(PublishingQueueItemSchema),
  counts: z.object({ inReview: z.number().int(), scheduled: z.number().int() }),
});
export type PublishingQueue = z.infer<typeof PublishingQueueSchema>;
