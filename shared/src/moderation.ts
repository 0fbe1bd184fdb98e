import { z } from 'zod';
import { noControlCharacters } from './auth.js';
import { noticeText } from './text-fields.js';

// ---- Flags: members tell KOMBIT's moderators that something is wrong ----

export const FLAG_REASONS = ['outdated', 'off_topic', 'personal_data', 'abusive', 'other'] as const;
export const FlagReason = z.enum(FLAG_REASONS, {
  error: 'Vælg en grund: forkert eller forældet, uden for emnet, personoplysninger, krænkende eller andet',
});
export type FlagReason = z.infer<typeof FlagReason>;
export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  outdated: 'Forkert eller forældet',
  off_topic: 'Uden for emnet',
  personal_data: 'Indeholder personoplysninger',
  abusive: 'Krænkende eller stødende',
  other: 'Andet',
};

export const CreateFlagSchema = z
  .strictObject({
    reason: FlagReason,
    /** What is wrong; required for "other". */
    text: noticeText('beskrivelsen', 1_000)
      .transform((value) => value || undefined)
      .optional(),
  })
  .refine((flag) => flag.reason !== 'other' || flag.text !== undefined, {
    error: 'Beskriv hvad der er galt, når du vælger "Andet"',
    path: ['text'],
  });
export type CreateFlagInput = z.input<typeof CreateFlagSchema>;

export const FlagResultSchema = z.object({
  /** The caller's open flag on the item. */
  id: z.number().int(),
  reason: FlagReason,
  /** The item is now hidden until a moderator has looked at it (the threshold was reached). */
  hiddenPendingReview: z.boolean(),
});
export type FlagResult = z.infer<typeof FlagResultSchema>;

// ---- The moderators' review ----

export const FLAG_RESOLUTIONS = ['dismiss', 'edit', 'hide', 'lock', 'delete'] as const;
export const FlagResolution = z.enum(FLAG_RESOLUTIONS, { error: 'Vælg en handling: afvis, redigeret, skjul, lås eller slet' });
export type FlagResolution = z.infer<typeof FlagResolution>;
export const FLAG_RESOLUTION_LABELS: Record<FlagResolution, string> = {
  dismiss: 'Afvist – intet galt',
  edit: 'Rettet',
  hide: 'Skjult',
  lock: 'Låst',
  delete: 'Slettet',
};

export const ResolveFlagSchema = z
  .strictObject({
    action: FlagResolution,
    /** Shown to the author when the item is hidden; kept in the audit log. Required except for a dismissal or an edit. */
    reason: z
      .string({ error: 'Skriv en begrundelse' })
      .trim()
      .max(500, { error: 'Begrundelsen må højst være på 500 tegn' })
      .refine(noControlCharacters, { error: 'Begrundelsen må ikke indeholde linjeskift eller kontroltegn' })
      .transform((value) => value || undefined)
      .optional(),
  })
  .refine((input) => input.action === 'dismiss' || input.action === 'edit' || (input.reason !== undefined && input.reason.length >= 3), {
    error: 'Skriv en begrundelse på mindst 3 tegn – forfatteren får den at se',
    path: ['reason'],
  });
export type ResolveFlagInput = z.input<typeof ResolveFlagSchema>;

export const ModerationQueueQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved'], { error: 'status er open eller resolved' }).optional(),
  page: z
    .string()
    .regex(/^\d{1,5}$/, { error: 'Siden skal være et positivt heltal' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'Siden skal være mindst 1' }))
    .optional(),
});

const PersonSchema = z.object({ name: z.string(), organization: z.object({ code: z.string(), name: z.string() }) });

export const QueueFlagSchema = z.object({
  id: z.number().int(),
  reason: FlagReason,
  text: z.string().nullable(),
  /** Null when the flagger's account is gone. */
  flaggedBy: PersonSchema.nullable(),
  createdAt: z.string(),
  resolution: FlagResolution.nullable(),
  resolutionReason: z.string().nullable(),
  resolvedBy: PersonSchema.nullable(),
  resolvedAt: z.string().nullable(),
});
export type QueueFlag = z.infer<typeof QueueFlagSchema>;

export const ModerationQueueItemSchema = z.object({
  target: z.object({
    type: z.enum(['content', 'reply']),
    contentId: z.number().int(),
    replyId: z.number().int().nullable(),
    kind: z.string(),
    /** The thread's title (for a reply: the thread it is in). */
    title: z.string(),
    /** The page, with #svar-<id> for a reply. */
    path: z.string(),
    /** The flagged text in context: the item's summary or the reply's text. */
    excerpt: z.string(),
    author: PersonSchema.nullable(),
    status: z.enum(['published', 'hidden', 'draft', 'in_review', 'scheduled', 'deleted']),
    hiddenByFlags: z.boolean(),
    locked: z.boolean(),
  }),
  /** Open flags (status=open) or the flags of the decision (status=resolved), newest first. */
  flags: z.array(QueueFlagSchema),
  /** Municipalities behind the open flags: the threshold counts these. */
  organizationCount: z.number().int(),
  /** Earlier decisions about the same item, newest first. */
  history: z.array(QueueFlagSchema),
});
export type ModerationQueueItem = z.infer<typeof ModerationQueueItemSchema>;

export const ModerationQueueSchema = z.object({
  items: z.array(ModerationQueueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Municipalities needed to hide an item pending review. */
  threshold: z.number().int(),
});
export type ModerationQueue = z.infer<typeof ModerationQueueSchema>;

export const ResolveFlagResultSchema = z.object({
  resolved: z.number().int(),
  action: FlagResolution,
});
