import { z } from 'zod';
import { markdownText, noticeText, singleLine } from './text-fields.js';
import { WebUrl } from './webinars.js';

// ---- Værktøjskassen: KOMBIT's curated sections of content and links ----

/** Pages of the web under /vaerktoejskassen/ that a section's address must not hide. */
export const RESERVED_TOOLBOX_SLUGS: readonly string[] = ['foreslaa', 'forslag'];

export const ToolboxSlug = z
  .string({ error: 'Angiv en kort adresse' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, { error: 'Den korte adresse må kun indeholde små bogstaver a-z, tal og bindestreg' })
  .refine((slug) => !RESERVED_TOOLBOX_SLUGS.includes(slug), {
    error: 'Den korte adresse er optaget af en side i Værktøjskassen; vælg en anden',
  });

export const CreateToolboxSectionSchema = z.strictObject({
  /** Made from the title when left out. */
  slug: ToolboxSlug.optional(),
  title: singleLine('en titel', 3, 150),
  intro: markdownText('en introduktion', 0, 10_000).default(''),
  /** 1-based; last when left out. */
  position: z.number({ error: 'Angiv en placering som et tal' }).int().min(1, { error: 'Placeringen skal være mindst 1' }).optional(),
});
export type CreateToolboxSectionInput = z.input<typeof CreateToolboxSectionSchema>;

export const UpdateToolboxSectionSchema = z.strictObject({
  title: singleLine('en titel', 3, 150).optional(),
  intro: markdownText('en introduktion', 0, 10_000).optional(),
  position: z.number({ error: 'Angiv en placering som et tal' }).int().min(1, { error: 'Placeringen skal være mindst 1' }).optional(),
});
export type UpdateToolboxSectionInput = z.input<typeof UpdateToolboxSectionSchema>;

const ItemDescription = noticeText('beskrivelsen', 1_000)
  .transform((value) => value || undefined)
  .optional();
const ItemPosition = z.number({ error: 'Angiv en placering som et tal' }).int().min(1, { error: 'Placeringen skal være mindst 1' });

/** Either an item of the forum (contentId) or an external link (url + title). */
export const CreateToolboxItemSchema = z.union(
  [
    z.strictObject({
      contentId: z.number({ error: 'Angiv et gyldigt id' }).int().positive(),
      description: ItemDescription,
      position: ItemPosition.optional(),
    }),
    z.strictObject({
      url: WebUrl('linket'),
      title: singleLine('en titel', 3, 200),
      description: ItemDescription,
      position: ItemPosition.optional(),
    }),
  ],
  { error: 'Angiv enten contentId (indhold i forummet) eller url og title (et eksternt link)' },
);
export type CreateToolboxItemInput = z.input<typeof CreateToolboxItemSchema>;

export const UpdateToolboxItemSchema = z.strictObject({
  /** External links only (an item of the forum keeps its own title). */
  title: singleLine('en titel', 3, 200).optional(),
  url: WebUrl('linket').optional(),
  description: noticeText('beskrivelsen', 1_000).optional(),
  position: ItemPosition.optional(),
});
export type UpdateToolboxItemInput = z.input<typeof UpdateToolboxItemSchema>;

/** KOMBIT's own material is "Udgivet af KOMBIT"; a municipality's item taken into the toolbox is "Anbefalet af KOMBIT". */
export const TOOLBOX_BADGES = ['published_by_kombit', 'recommended_by_kombit'] as const;
export type ToolboxBadge = (typeof TOOLBOX_BADGES)[number];
export const TOOLBOX_BADGE_LABELS: Record<ToolboxBadge, string> = {
  published_by_kombit: 'Udgivet af KOMBIT',
  recommended_by_kombit: 'Anbefalet af KOMBIT',
};

export const ToolboxItemSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  contentId: z.number().int().nullable(),
  /** The forum page (/vejledninger/12-…) or the external address. */
  url: z.string(),
  title: z.string(),
  /** A content kind, or "link" for an external link. */
  kind: z.string(),
  description: z.string().nullable(),
  /** The content's summary (items of the forum). */
  summary: z.string().nullable(),
  organization: z.object({ code: z.string(), name: z.string() }).nullable(),
  badge: z.enum(TOOLBOX_BADGES),
  external: z.boolean(),
});
export type ToolboxItem = z.infer<typeof ToolboxItemSchema>;

export const ToolboxSectionSchema = z.object({
  slug: z.string(),
  title: z.string(),
  intro: z.string(),
  introHtml: z.string(),
  position: z.number().int(),
  /** Only what the caller may read: a members-only guide is left out for visitors without login. */
  items: z.array(ToolboxItemSchema),
  updatedAt: z.string(),
});
export type ToolboxSection = z.infer<typeof ToolboxSectionSchema>;
export const ToolboxSectionListSchema = z.array(ToolboxSectionSchema);

/** Where a content item sits in the toolbox (shown on its page as the KOMBIT mark). */
export const ToolboxPlacementSchema = z.object({ slug: z.string(), title: z.string(), badge: z.enum(TOOLBOX_BADGES) });
export type ToolboxPlacement = z.infer<typeof ToolboxPlacementSchema>;

// ---- Proposals: "Foreslå til Værktøjskassen" ----

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: 'Afventer',
  accepted: 'Optaget',
  declined: 'Afvist',
};

export const CreateToolboxProposalSchema = z.strictObject({
  contentId: z.number({ error: 'Vælg det indhold, du foreslår' }).int().positive(),
  /** Why it belongs in the section. */
  note: noticeText('begrundelsen', 1_000)
    .transform((value) => value || undefined)
    .optional(),
});
export type CreateToolboxProposalInput = z.input<typeof CreateToolboxProposalSchema>;

export const AcceptToolboxProposalSchema = z.strictObject({
  position: ItemPosition.optional(),
  description: ItemDescription,
});
export const DeclineToolboxProposalSchema = z.strictObject({
  reason: singleLine('en begrundelse', 3, 500),
});

export const ToolboxProposalSchema = z.object({
  id: z.number().int(),
  section: z.object({ slug: z.string(), title: z.string() }),
  content: z.object({ id: z.number().int(), kind: z.string(), title: z.string(), path: z.string(), summary: z.string() }),
  note: z.string().nullable(),
  proposer: z.object({ name: z.string(), organization: z.object({ code: z.string(), name: z.string() }) }).nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ToolboxProposal = z.infer<typeof ToolboxProposalSchema>;
export const ToolboxProposalListSchema = z.object({ items: z.array(ToolboxProposalSchema), total: z.number().int() });
export type ToolboxProposalList = z.infer<typeof ToolboxProposalListSchema>;
export const ToolboxProposalQuerySchema = z.strictObject({
  status: z.enum(PROPOSAL_STATUSES, { error: 'Ukendt status' }).optional(),
  /** Only the caller's own proposals (members see only theirs anyway). */
  mine: z.enum(['true', 'false']).optional(),
});
