import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from './auth.js';
import { ContentKind, ContentStatus, Visibility } from './content.js';
import { OrganizationType } from './organizations.js';
import { UserRole, UserStatus } from './roles.js';

/**
 * A member's own data (GDPR): everything Infraforum stores about the caller, and deleting the account.
 * The export never carries another person's personal data: where a record points at something others wrote
 * (a thread one replied in), it names the item by id and title only.
 */

/** What a member types to confirm that the account should go. */
export const DELETE_ACCOUNT_CONFIRMATION = 'SLET';

/** The name an anonymised account shows on what it wrote (next to its municipality). */
export const DELETED_USER_NAME = 'Tidligere bruger';

export const DeleteAccountSchema = z.strictObject({
  password: z
    .string({ error: 'Skriv din adgangskode' })
    .min(1, { error: 'Skriv din adgangskode' })
    .max(PASSWORD_MAX_LENGTH, { error: 'Adgangskoden er forkert' }),
  confirm: z
    .string({ error: `Skriv ${DELETE_ACCOUNT_CONFIRMATION} for at bekræfte` })
    .trim()
    .refine((value) => value === DELETE_ACCOUNT_CONFIRMATION, {
      error: `Skriv ${DELETE_ACCOUNT_CONFIRMATION} med store bogstaver for at bekræfte`,
    }),
});
export type DeleteAccountInput = z.input<typeof DeleteAccountSchema>;

const Timestamp = z.string();
const Attributes = z.record(z.string(), z.unknown());
/** Something the member's record points at, named by id and title only. */
const ItemRef = z.object({ id: z.number().int(), kind: ContentKind, title: z.string() });

export const ExportProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  showContactDetails: z.boolean(),
  role: UserRole,
  status: UserStatus,
  organization: z.object({ code: z.string(), name: z.string(), type: OrganizationType }),
  emailVerifiedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  lastLoginAt: Timestamp.nullable(),
});

export const ExportContentSchema = z.object({
  id: z.number().int(),
  kind: ContentKind,
  title: z.string(),
  slug: z.string(),
  /** Markdown, as written. */
  body: z.string(),
  summary: z.string(),
  status: ContentStatus,
  visibility: Visibility,
  tags: z.array(z.string()),
  components: z.array(z.string()),
  attributes: Attributes,
  organization: z.object({ code: z.string(), name: z.string() }),
  version: z.number().int(),
  /** Deleted items are included, marked. */
  deleted: z.boolean(),
  deletedAt: Timestamp.nullable(),
  publishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ExportRevisionSchema = z.object({
  /** The item the member edited, and the reply when it was a reply. */
  contentId: z.number().int(),
  replyId: z.number().int().nullable(),
  /** The version the member's edit made. */
  version: z.number().int(),
  reason: z.string().nullable(),
  editedAt: Timestamp,
  /** The text the edit replaced, when the member wrote the item themselves (null for someone else's). */
  previous: z.object({ title: z.string(), body: z.string(), tags: z.array(z.string()), attributes: Attributes }).nullable(),
});

export const ExportReplySchema = z.object({
  id: z.number().int(),
  /** The thread: its id and title, never the other replies. */
  content: ItemRef,
  body: z.string(),
  hidden: z.boolean(),
  accepted: z.boolean(),
  version: z.number().int(),
  deleted: z.boolean(),
  deletedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ExportVoteSchema = z.object({
  contentId: z.number().int().nullable(),
  replyId: z.number().int().nullable(),
  value: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ExportFlagSchema = z.object({
  id: z.number().int(),
  contentId: z.number().int(),
  replyId: z.number().int().nullable(),
  reason: z.string(),
  text: z.string().nullable(),
  createdAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  resolution: z.string().nullable(),
});

export const ExportRegistrationSchema = z.object({ webinar: ItemRef, registeredAt: Timestamp });

export const ExportWorkingOnSchema = z.object({
  case: ItemRef,
  showContact: z.boolean(),
  note: z.string().nullable(),
  createdAt: Timestamp,
});

export const ExportToolboxProposalSchema = z.object({
  id: z.number().int(),
  section: z.object({ slug: z.string(), title: z.string() }),
  content: ItemRef,
  note: z.string().nullable(),
  status: z.string(),
  /** KOMBIT's reason when it was declined. */
  reason: z.string().nullable(),
  createdAt: Timestamp,
  decidedAt: Timestamp.nullable(),
});

export const ExportDialogueAnswerSchema = z.object({
  id: z.number().int(),
  question: z.object({ id: z.number().int(), prompt: z.string() }),
  webinar: ItemRef,
  text: z.string().nullable(),
  value: z.number().int().nullable(),
  anonymous: z.boolean(),
  hidden: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ExportSubscriptionSchema = z.object({ targetType: z.string(), targetKey: z.string(), createdAt: Timestamp });

export const ExportNotificationSettingsSchema = z.object({
  emailImmediate: z.boolean(),
  digest: z.string(),
  lastDigestAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});

export const ExportNotificationSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  contentId: z.number().int().nullable(),
  data: Attributes,
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
  emailedAt: Timestamp.nullable(),
});

/** Metadata only: the file itself is downloaded from the item it belongs to. */
export const ExportAttachmentSchema = z.object({
  id: z.string(),
  contentId: z.number().int(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  deleted: z.boolean(),
  deletedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});

/** What the member did as moderator or administrator (what was changed is in the item's history, not here). */
export const ExportAuditEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  reason: z.string().nullable(),
  createdAt: Timestamp,
});

export const PersonalDataExportSchema = z.object({
  exportedAt: Timestamp,
  profile: ExportProfileSchema,
  content: z.array(ExportContentSchema),
  revisions: z.array(ExportRevisionSchema),
  replies: z.array(ExportReplySchema),
  votes: z.array(ExportVoteSchema),
  flags: z.array(ExportFlagSchema),
  webinarRegistrations: z.array(ExportRegistrationSchema),
  workingOn: z.array(ExportWorkingOnSchema),
  toolboxProposals: z.array(ExportToolboxProposalSchema),
  dialogueAnswers: z.array(ExportDialogueAnswerSchema),
  subscriptions: z.array(ExportSubscriptionSchema),
  notificationSettings: ExportNotificationSettingsSchema.nullable(),
  notifications: z.array(ExportNotificationSchema),
  attachments: z.array(ExportAttachmentSchema),
  auditEntries: z.array(ExportAuditEntrySchema),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

/** The file name of the download. */
export const PERSONAL_DATA_FILE_NAME = 'infraforum-mine-data.json';
