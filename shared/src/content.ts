import { z } from 'zod';
import { noControlCharacters } from './auth.js';
import { AttachmentSchema } from './attachments.js';
import { CaseAttributesSchema, CaseDetailsSchema, type CaseAttributes } from './cases.js';
import { ToolboxPlacementSchema } from './toolbox.js';
import { FlagReason } from './moderation.js';
import { PublishingStateSchema } from './publishing.js';
import { markdownText, noticeText, singleLine } from './text-fields.js';
import {
  ContentRefSchema,
  SuggestionAttributesSchema,
  TimelineEntrySchema,
  WebinarAttributesSchema,
  WebinarDetailsSchema,
  type SuggestionAttributes,
  type WebinarAttributes,
} from './webinars.js';

/** Every kind shares one `content` table; kinds after `guide` arrive with later issues and add only their attribute schema. */
export const CONTENT_KINDS = ['question', 'guide', 'case', 'webinar', 'suggestion'] as const;
export const ContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKind>;

/** The kinds that can be written (webinars only by KOMBIT's moderators). */
export const WRITABLE_KINDS = ['question', 'guide', 'suggestion', 'webinar', 'case'] as const;
export const WritableKind = z.enum(WRITABLE_KINDS, { error: 'Vælg en gyldig indholdstype' });
export type WritableKind = z.infer<typeof WritableKind>;

/** In review and scheduled: KOMBIT material on its way through the publishing workflow (see publishing.ts). */
export const CONTENT_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'hidden'] as const;
export const ContentStatus = z.enum(CONTENT_STATUSES, { error: 'Vælg en gyldig status' });
export type ContentStatus = z.infer<typeof ContentStatus>;

export const VISIBILITIES = ['public', 'members', 'organization'] as const;
export const Visibility = z.enum(VISIBILITIES, { error: 'Vælg hvem der må se indholdet' });
export type Visibility = z.infer<typeof Visibility>;

export const SEVERITIES = ['kritisk', 'medium', 'ingen'] as const;
export const Severity = z.enum(SEVERITIES, { error: 'Vælg hvor kritisk det er, hvis komponenten er nede' });
export type Severity = z.infer<typeof Severity>;

/** Danish labels shown in the UI. */
export const KIND_LABELS: Record<ContentKind, string> = {
  question: 'Spørgsmål',
  guide: 'Vejledning',
  case: 'Case',
  webinar: 'Webinar',
  suggestion: 'Emneforslag',
};
export const STATUS_LABELS_CONTENT: Record<ContentStatus, string> = {
  draft: 'Kladde',
  in_review: 'Til godkendelse',
  scheduled: 'Planlagt udgivelse',
  published: 'Offentliggjort',
  hidden: 'Skjult',
};
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Alle, også uden login',
  members: 'Alle med login',
  organization: 'Kun min kommune',
};
export const SEVERITY_LABELS: Record<Severity, string> = { kritisk: 'Kritisk', medium: 'Medium', ingen: 'Ingen handling påkrævet' };

/** Where each kind lives in the web, so ids and slugs make stable URLs: /spoergsmaal/123-context-handler-er-nede. */
export const KIND_PATHS: Record<ContentKind, string> = {
  question: '/spoergsmaal',
  guide: '/vejledninger',
  case: '/cases',
  webinar: '/webinarer',
  suggestion: '/emneforslag',
};
export const contentPath = (item: { kind: ContentKind; id: number; slug: string }): string =>
  `${KIND_PATHS[item.kind]}/${item.id}-${item.slug}`;

export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const REPLY_MAX = 30_000;
export const TAGS_MAX = 5;
export const COMPONENTS_MAX = 10;

export const ContentTitle = singleLine('en titel', 8, TITLE_MAX);
export const ContentBody = markdownText('en tekst', 1, BODY_MAX);
export const ReplyBody = markdownText('et svar', 2, REPLY_MAX);

/** Lower-case words with Danish letters, digits and hyphens: "context-handler", "sf1601", "beskedfordeler". */
export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9æøå][a-z0-9æøå-]{0,29}$/, {
    error: 'Et emneord må kun indeholde små bogstaver (også æ, ø, å), tal og bindestreg, højst 30 tegn',
  });
export const Tags = z
  .array(Tag, { error: 'Emneord skal være en liste' })
  .max(TAGS_MAX, { error: `Højst ${TAGS_MAX} emneord` })
  .transform((tags) => [...new Set(tags)]);

/** Catalog component slugs; the server checks that each exists. */
export const ComponentSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,100}$/, { error: 'Ukendt komponent' });
export const ComponentSlugs = z
  .array(ComponentSlug, { error: 'Komponenter skal være en liste' })
  .max(COMPONENTS_MAX, { error: `Højst ${COMPONENTS_MAX} komponenter` })
  .transform((slugs) => [...new Set(slugs)]);

// ---- Attributes per kind (the names are the contract) ----

export const QuestionAttributesSchema = z.strictObject({
  /** A follow-up question to this webinar ("Stil et opfølgende spørgsmål"); the server checks that it exists. */
  webinarId: z.number({ error: 'Angiv et gyldigt webinar' }).int().positive().optional(),
});
export type QuestionAttributes = z.infer<typeof QuestionAttributesSchema>;

export const AffectedSystem = singleLine('et it-system', 1, 100);

export const GuideAttributesSchema = z.strictObject(
  {
    /** The catalog component the guide is about, e.g. "context-handler". */
    component: ComponentSlug,
    /** What the component is, in one line. */
    purpose: singleLine('hvad komponenten er', 3, 300).optional(),
    severity: Severity,
    /** IT systems affected when it is down: catalog names or free text. */
    affectedSystems: z
      .array(AffectedSystem, { error: 'Påvirkede systemer skal være en liste' })
      .max(60, { error: 'Højst 60 påvirkede systemer' })
      .transform((systems) => [...new Set(systems)]),
    /** What the hotline does (plain text; line breaks kept). */
    action: noticeText('hvad hotline gør').pipe(z.string().min(3, { error: 'Skriv hvad hotline gør' })),
    /** Text to post on the intranet; blank → written from the component and the affected systems. */
    intranetNotice: z.strictObject(
      { outage: noticeText('teksten ved nedbrud'), maintenance: noticeText('teksten ved planlagt vedligehold') },
      { error: 'Skriv teksterne til intranettet' },
    ),
  },
  { error: 'Udfyld vejledningens felter: komponent, alvor, berørte systemer, hvad hotline gør og teksterne til intranettet' },
);
export type GuideAttributes = z.infer<typeof GuideAttributesSchema>;
export type GuideAttributesInput = z.input<typeof GuideAttributesSchema>;

/** Validates `attributes` for a kind; the discriminated union of the create schema uses the same schemas. */
export const ATTRIBUTE_SCHEMAS = {
  question: QuestionAttributesSchema,
  guide: GuideAttributesSchema,
  suggestion: SuggestionAttributesSchema,
  webinar: WebinarAttributesSchema,
  case: CaseAttributesSchema,
} as const satisfies Record<WritableKind, z.ZodType>;

export type ContentAttributes = QuestionAttributes | GuideAttributes | SuggestionAttributes | WebinarAttributes | CaseAttributes;

// ---- Write ----

const commonCreateFields = {
  title: ContentTitle,
  body: ContentBody,
  tags: Tags.default([]),
  components: ComponentSlugs.default([]),
  visibility: Visibility.default('members'),
  status: z.enum(['draft', 'published'], { error: 'Vælg kladde eller offentliggjort' }).default('published'),
};

export const CreateQuestionSchema = z.strictObject({
  kind: z.literal('question'),
  ...commonCreateFields,
  attributes: QuestionAttributesSchema.default({}),
});
export const CreateGuideSchema = z.strictObject({
  kind: z.literal('guide'),
  ...commonCreateFields,
  attributes: GuideAttributesSchema,
});
export const CreateSuggestionSchema = z.strictObject({
  kind: z.literal('suggestion'),
  ...commonCreateFields,
  attributes: SuggestionAttributesSchema,
});
export const CreateWebinarSchema = z.strictObject({
  kind: z.literal('webinar'),
  ...commonCreateFields,
  visibility: Visibility.default('public'),
  attributes: WebinarAttributesSchema,
});
export const CreateCaseSchema = z.strictObject({
  kind: z.literal('case'),
  ...commonCreateFields,
  attributes: CaseAttributesSchema,
});
export const CreateContentSchema = z.discriminatedUnion(
  'kind',
  [CreateQuestionSchema, CreateGuideSchema, CreateSuggestionSchema, CreateWebinarSchema, CreateCaseSchema],
  { error: 'Vælg en gyldig indholdstype (question, guide, suggestion, webinar eller case)' },
);
export type CreateContentInput = z.input<typeof CreateContentSchema>;
export type CreateContent = z.output<typeof CreateContentSchema>;

/** Why a moderator acted on someone else's content: kept in the audit log. */
export const ModeratorReason = z
  .string({ error: 'Skriv en begrundelse' })
  .trim()
  .min(3, { error: 'Skriv en begrundelse på mindst 3 tegn' })
  .max(500, { error: 'Begrundelsen må højst være på 500 tegn' })
  .refine(noControlCharacters, { error: 'Begrundelsen må ikke indeholde linjeskift eller kontroltegn' });

export const UpdateContentSchema = z.strictObject({
  title: ContentTitle.optional(),
  body: ContentBody.optional(),
  tags: Tags.optional(),
  components: ComponentSlugs.optional(),
  visibility: Visibility.optional(),
  status: z.enum(['draft', 'published'], { error: 'Vælg kladde eller offentliggjort' }).optional(),
  /** Validated against the item's kind by the server (the kind itself never changes). */
  attributes: z.record(z.string(), z.unknown(), { error: 'Egenskaber skal være et objekt' }).optional(),
  /** "Same question as": another question's id, or null to remove the link. */
  duplicateOfId: z.number({ error: 'Angiv et gyldigt id' }).int().positive().nullable().optional(),
  /** The version the editor started from; a newer stored version gives 409 instead of overwriting it. */
  expectedVersion: z.number().int().positive().optional(),
  /** Required when a moderator or org admin edits someone else's content. */
  reason: ModeratorReason.optional(),
});
export type UpdateContentInput = z.input<typeof UpdateContentSchema>;
export type UpdateContent = z.output<typeof UpdateContentSchema>;

export const DeleteReasonSchema = z.strictObject({ reason: ModeratorReason.optional() });

export const MODERATION_ACTIONS = ['hide', 'unhide', 'lock', 'unlock'] as const;
export const ModerationActionSchema = z.strictObject({
  action: z.enum(MODERATION_ACTIONS, { error: 'Vælg en handling: hide, unhide, lock eller unlock' }),
  reason: ModeratorReason,
});
export type ModerationAction = z.output<typeof ModerationActionSchema>;

export const CreateReplySchema = z.strictObject({ body: ReplyBody });
export const UpdateReplySchema = z.strictObject({
  body: ReplyBody,
  expectedVersion: z.number().int().positive().optional(),
  reason: ModeratorReason.optional(),
});
export const MoveReplySchema = z.strictObject({
  contentId: z.number({ error: 'Angiv id på den tråd svaret skal flyttes til' }).int().positive(),
  reason: ModeratorReason,
});

/** Suggestions take 1 or 0 only (a vote for the topic, or none). */
export const VoteSchema = z.strictObject({
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: 'En stemme er 1, -1 eller 0 (fjern stemmen)' }),
});
export type VoteValue = 1 | -1 | 0;

export const MarkdownPreviewSchema = z.strictObject({ body: markdownText('en tekst', 0, BODY_MAX) });
export const MarkdownPreviewResultSchema = z.object({ html: z.string() });

// ---- Read ----

export const CONTENT_SORTS = ['newest', 'active', 'votes', 'unanswered', 'solved', 'status', 'upcoming', 'recent'] as const;
export const ContentSort = z.enum(CONTENT_SORTS, { error: 'Ukendt sortering' });
export type ContentSort = z.infer<typeof ContentSort>;
export const SORT_LABELS: Record<ContentSort, string> = {
  newest: 'Nyeste',
  active: 'Seneste aktivitet',
  votes: 'Flest stemmer',
  unanswered: 'Ubesvarede',
  solved: 'Løste',
  status: 'Status',
  upcoming: 'Første dato først',
  recent: 'Seneste dato først',
};

export const positiveIntFromQuery = (label: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: `${label} skal være et positivt heltal` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: `${label} skal være mindst 1` })
        .max(max, { error: `${label} må højst være ${max}` }),
    );

/** Municipality code ("0159") or "KOMBIT", as a query parameter. */
export const OrganizationCodeQuery = z
  .string()
  .trim()
  .regex(/^(\d{1,4}|KOMBIT)$/i, { error: 'Ukendt kommunekode' })
  .transform((code) => (/^\d+$/.test(code) ? code.padStart(4, '0') : code.toUpperCase()));

export const ListContentQuerySchema = z.strictObject({
  kind: ContentKind.optional(),
  tag: Tag.optional(),
  component: ComponentSlug.optional(),
  organization: OrganizationCodeQuery.optional(),
  status: ContentStatus.optional(),
  /** Only the caller's own items (drafts included). */
  mine: z.enum(['true', 'false'], { error: 'mine er true eller false' }).optional(),
  sort: ContentSort.optional(),
  /** A suggestion's or webinar's lifecycle status ("planned"). */
  state: z
    .string()
    .regex(/^[a-z_]{1,20}$/, { error: 'Ukendt status' })
    .optional(),
  /** Cases: the IT system and the supplier (any case; "KMD Nexus" finds "kmd nexus"). */
  system: singleLine('it-systemet', 1, 100).optional(),
  supplier: singleLine('leverandøren', 1, 100).optional(),
  /** Follow-up questions and suggestions linked to this webinar. */
  webinar: positiveIntFromQuery('Webinaret', 1_000_000_000).optional(),
  page: positiveIntFromQuery('Siden', 10_000).optional(),
  pageSize: positiveIntFromQuery('Sidestørrelsen', 100).optional(),
});
export type ListContentQuery = z.output<typeof ListContentQuerySchema>;

export const PersonRefSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  organization: z.object({ code: z.string(), name: z.string() }),
});

export const ComponentRefSchema = z.object({ slug: z.string(), name: z.string() });

export const ContentSummarySchema = z.object({
  id: z.number().int(),
  kind: ContentKind,
  slug: z.string(),
  /** Where the item lives in the web: /spoergsmaal/123-slug. */
  path: z.string(),
  title: z.string(),
  summary: z.string(),
  status: ContentStatus,
  visibility: Visibility,
  tags: z.array(z.string()),
  components: z.array(ComponentRefSchema),
  author: PersonRefSchema.nullable(),
  organization: z.object({ code: z.string(), name: z.string() }),
  attributes: z.record(z.string(), z.unknown()),
  score: z.number().int(),
  replyCount: z.number().int(),
  solved: z.boolean(),
  locked: z.boolean(),
  /** The caller's vote on it (0: none), so a list can show vote buttons without reading each item. */
  myVote: z.number().int(),
  /** The caller may vote on it (logged in, not their own, published, unlocked, a kind that takes votes). */
  canVote: z.boolean(),
  /** Webinars: how many signed up (null for other kinds). */
  registrationCount: z.number().int().nullable(),
  /** Webinars: the hosting municipalities, named (empty for other kinds). */
  hostOrganizations: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Cases: how many other municipalities marked "jeg er i gang med det samme" (null for other kinds). */
  workingOnCount: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastActivityAt: z.string(),
});
export type ContentSummary = z.infer<typeof ContentSummarySchema>;

export const ContentListSchema = z.object({
  items: z.array(ContentSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ContentList = z.infer<typeof ContentListSchema>;

export const ReplySchema = z.object({
  id: z.number().int(),
  contentId: z.number().int(),
  body: z.string(),
  bodyHtml: z.string(),
  author: PersonRefSchema.nullable(),
  score: z.number().int(),
  myVote: z.number().int(),
  accepted: z.boolean(),
  hidden: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  edited: z.boolean(),
  /** Written by the caller: editing someone else's needs a reason. */
  mine: z.boolean(),
  /** Why a moderator hid it (its author and moderators only). */
  hiddenReason: z.string().nullable(),
  /** The caller's open flag on it. */
  myFlag: FlagReason.nullable(),
  permissions: z.object({ edit: z.boolean(), delete: z.boolean(), vote: z.boolean(), accept: z.boolean(), flag: z.boolean() }),
});
export type Reply = z.infer<typeof ReplySchema>;

// ---- Possibly outdated content ----

export const REVIEW_INTERVAL_MONTHS = 12;
/** Kinds that carry a "last checked" date and fall due for review. */
export const REVIEWED_KINDS = ['guide', 'case'] as const;

export const PhasedOutRefSchema = z.object({
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  since: z.string(),
  replacedBy: z.object({ slug: z.string(), name: z.string() }).nullable(),
});

export const ReviewStateSchema = z.object({
  checkedAt: z.string(),
  /** Not checked for 12 months (guides and cases). */
  due: z.boolean(),
  /** Phased-out components it is about or mentions (SF1600). */
  phasedOut: z.array(PhasedOutRefSchema),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const ReviewListQuerySchema = z.strictObject({
  /** mine: what the caller wrote (an org admin: the municipality's); all: everything (moderators). */
  scope: z.enum(['mine', 'all'], { error: 'scope er mine eller all' }).optional(),
  page: positiveIntFromQuery('Siden', 10_000).optional(),
});

export const ReviewListSchema = z.object({
  items: z.array(z.object({ item: ContentSummarySchema, review: ReviewStateSchema })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReviewList = z.infer<typeof ReviewListSchema>;

export const ContentDetailSchema = ContentSummarySchema.extend({
  body: z.string(),
  bodyHtml: z.string(),
  acceptedReplyId: z.number().int().nullable(),
  duplicateOf: z.object({ id: z.number().int(), title: z.string(), path: z.string() }).nullable(),
  version: z.number().int(),
  edited: z.boolean(),
  /** Written by the caller: editing someone else's needs a reason. */
  mine: z.boolean(),
  /** The first replies in thread order: the accepted answer, then by votes, then oldest. */
  replies: z.array(ReplySchema),
  /** Status changes of a suggestion or webinar, oldest first; empty for other kinds. */
  timeline: z.array(TimelineEntrySchema),
  attachments: z.array(AttachmentSchema),
  /** Webinars only. */
  webinar: WebinarDetailsSchema.nullable(),
  /** Cases only: contact, "jeg er i gang" and the target component. */
  case: CaseDetailsSchema.nullable(),
  /** The toolbox sections it is in, with KOMBIT's mark. */
  toolbox: z.array(ToolboxPlacementSchema),
  /** While hidden, for its author and moderators: why, and whether flags hid it pending review. */
  moderation: z.object({ hiddenReason: z.string().nullable(), hiddenByFlags: z.boolean() }).nullable(),
  /** The caller's open flag on it. */
  myFlag: FlagReason.nullable(),
  /** The caller follows it (replies and changes in the bell and the digest). */
  following: z.boolean(),
  /** Whether it may be outdated: not checked for 12 months (guides and cases), or about phased-out components. */
  review: ReviewStateSchema,
  /** The webinar a suggestion was planned for, or a follow-up question belongs to. */
  linkedWebinar: ContentRefSchema.nullable(),
  /** Drafts, items in review and scheduled ones: where they stand in the publishing workflow (null once published). */
  publishing: PublishingStateSchema.nullable(),
  permissions: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    vote: z.boolean(),
    reply: z.boolean(),
    accept: z.boolean(),
    moderate: z.boolean(),
    /** Move a suggestion or webinar on (moderators). */
    changeStatus: z.boolean(),
    /** Sign up for (or off) this webinar. */
    register: z.boolean(),
    /** Upload material. */
    attach: z.boolean(),
    /** Merge this suggestion into another (moderators). */
    merge: z.boolean(),
    /** Flag it for the moderators (signed-in readers, not its author). */
    flag: z.boolean(),
    /** Confirm it is still right ("Markér som gennemgået"): guides and cases, by whoever may edit them. */
    markChecked: z.boolean(),
  }),
});
export type ContentDetail = z.infer<typeof ContentDetailSchema>;

export const ReplyListSchema = z.object({ items: z.array(ReplySchema), total: z.number().int() });

export const VoteResultSchema = z.object({ score: z.number().int(), myVote: z.number().int() });
export type VoteResult = z.infer<typeof VoteResultSchema>;

export const RevisionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
  editor: PersonRefSchema.nullable(),
  editedAt: z.string(),
  reason: z.string().nullable(),
  current: z.boolean(),
});
export type Revision = z.infer<typeof RevisionSchema>;
export const RevisionListSchema = z.object({ items: z.array(RevisionSchema) });
