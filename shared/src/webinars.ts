import { z } from 'zod';
import { Email } from './auth.js';
import { toCopenhagenIso } from './copenhagen-time.js';
import { OrganizationCode } from './organizations.js';
import { noticeText, singleLine } from './text-fields.js';

// ---- Topic suggestions ----

export const SUGGESTION_STATUSES = ['new', 'considering', 'planned', 'held', 'declined'] as const;
export const SuggestionStatus = z.enum(SUGGESTION_STATUSES, { error: 'Vælg en status: ny, overvejes, planlagt, afholdt eller afvist' });
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  new: 'Ny',
  considering: 'Overvejes',
  planned: 'Planlagt',
  held: 'Afholdt',
  declined: 'Afvist',
};

/** Who may see the suggester's contact details besides KOMBIT's moderators (never anonymous visitors). */
export const CONTACT_AUDIENCES = ['moderators', 'members'] as const;
export const ContactAudience = z.enum(CONTACT_AUDIENCES, { error: 'Vælg hvem der må se dine kontaktoplysninger' });
export type ContactAudience = z.infer<typeof ContactAudience>;
export const CONTACT_AUDIENCE_LABELS: Record<ContactAudience, string> = {
  moderators: 'Kun KOMBITs moderatorer',
  members: 'Alle med login',
};

export const ContactPhone = z
  .string()
  .trim()
  .max(20, { error: 'Telefonnummeret er for langt' })
  .regex(/^(\+?[0-9 ]{8,20})?$/, { error: 'Skriv et telefonnummer med 8 cifre, evt. med landekode, fx +45 12 34 56 78' })
  .transform((value) => value || undefined);

export const SuggestionContactSchema = z.strictObject(
  {
    name: singleLine('et navn', 2, 120),
    email: Email,
    phone: ContactPhone.optional(),
    shownTo: ContactAudience.default('members'),
  },
  { error: 'Skriv dine kontaktoplysninger: navn og e-mail' },
);
export type SuggestionContact = z.infer<typeof SuggestionContactSchema>;

/**
 * `status` and `webinarId` are the server's: a new suggestion is "new", and only moderators move it on
 * (POST /api/content/:id/status). Values sent by the author are ignored.
 */
export const SuggestionAttributesSchema = z.strictObject({
  contact: SuggestionContactSchema,
  status: SuggestionStatus.optional(),
  webinarId: z.number().int().positive().optional(),
});
export type SuggestionAttributes = z.infer<typeof SuggestionAttributesSchema>;
export type SuggestionAttributesInput = z.input<typeof SuggestionAttributesSchema>;

// ---- Webinars ----

export const WEBINAR_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const WebinarStatus = z.enum(WEBINAR_STATUSES, { error: 'Vælg en status: planlagt, afholdt eller aflyst' });
export type WebinarStatus = z.infer<typeof WebinarStatus>;
export const WEBINAR_STATUS_LABELS: Record<WebinarStatus, string> = { planned: 'Planlagt', held: 'Afholdt', cancelled: 'Aflyst' };

export const DEFAULT_WEBINAR_SERIES = 'Infrastruktur i praksis';

/** ISO 8601 with an offset (or Z); stored with the Copenhagen offset of that day. */
export const InstantWithOffset = (label: string) =>
  z
    .string({ error: `Angiv ${label}` })
    .pipe(z.iso.datetime({ offset: true, error: `Angiv ${label} som dato og klokkeslæt med tidszone, fx 2023-11-02T10:00:00+01:00` }))
    // Within years a date can be written in (and read back): year 0 or 10000 would not survive the round trip.
    .refine((value) => isWithinYears(new Date(value)), { error: `Angiv ${label} mellem år ${MIN_YEAR} og ${MAX_YEAR}` })
    .transform((value) => toCopenhagenIso(new Date(value)));

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const isWithinYears = (instant: Date): boolean =>
  !Number.isNaN(instant.getTime()) && instant.getUTCFullYear() >= MIN_YEAR && instant.getUTCFullYear() <= MAX_YEAR;

/** "10:00" (or "10.00"), a Copenhagen wall-clock time on the webinar's day. */
export const ClockTime = (label: string) =>
  z
    .string({ error: `Angiv ${label}` })
    .trim()
    .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, { error: `Angiv ${label} som tt:mm, fx 10:15` })
    .transform((value) => value.replace('.', ':').padStart(5, '0'));

export const WebUrl = (label: string) =>
  z
    .string({ error: `Angiv ${label}` })
    .trim()
    .max(500, { error: `${label} må højst være på 500 tegn` })
    .pipe(z.url({ protocol: /^https?$/, error: `Angiv ${label} som en webadresse, der begynder med https://` }));

export const ProgrammeItemSchema = z
  .strictObject({
    start: ClockTime('starttidspunktet'),
    end: ClockTime('sluttidspunktet'),
    title: singleLine('hvad punktet handler om', 2, 300),
    speaker: singleLine('talerens navn', 2, 120).optional(),
    speakerOrganization: singleLine('talerens organisation', 2, 120).optional(),
    /** A guide, case or other item the talk is about; the server checks that it exists. */
    contentId: z.number({ error: 'Angiv et gyldigt id' }).int().positive().optional(),
  })
  .refine((item) => item.end > item.start, { error: 'Punktet skal slutte efter det begynder', path: ['end'] });
export type ProgrammeItem = z.infer<typeof ProgrammeItemSchema>;
export type ProgrammeItemInput = z.input<typeof ProgrammeItemSchema>;

export const PROGRAMME_MAX = 40;
export const HOSTS_MAX = 10;

export const WebinarAttributesSchema = z
  .strictObject({
    series: singleLine('en serie', 2, 100).default(DEFAULT_WEBINAR_SERIES),
    startsAt: InstantWithOffset('hvornår webinaret begynder'),
    endsAt: InstantWithOffset('hvornår webinaret slutter'),
    onlineUrl: WebUrl('linket til webinaret').optional(),
    /** Hosting municipalities by code ("0159"). */
    hosts: z
      .array(OrganizationCode, { error: 'Værtskommuner skal være en liste' })
      .max(HOSTS_MAX, { error: `Højst ${HOSTS_MAX} værtskommuner` })
      .default([])
      .transform((codes) => [...new Set(codes)]),
    programme: z
      .array(ProgrammeItemSchema, { error: 'Programmet skal være en liste' })
      .max(PROGRAMME_MAX, { error: `Højst ${PROGRAMME_MAX} programpunkter` })
      .default([])
      .transform((items) => [...items].sort((a, b) => a.start.localeCompare(b.start))),
    recordingUrl: WebUrl('linket til optagelsen').optional(),
    /** What came out of it, written after the event (plain text, line breaks kept). */
    recap: noticeText('resuméet', 10_000).optional(),
    status: WebinarStatus.default('planned'),
  })
  .refine((webinar) => new Date(webinar.endsAt) > new Date(webinar.startsAt), {
    error: 'Webinaret skal slutte efter det begynder',
    path: ['endsAt'],
  });
export type WebinarAttributes = z.infer<typeof WebinarAttributesSchema>;
export type WebinarAttributesInput = z.input<typeof WebinarAttributesSchema>;

// ---- Status changes and the timeline ----

export const StatusChangeSchema = z.strictObject({
  /** A suggestion's or a webinar's status; checked against the item's kind. */
  status: z.string({ error: 'Vælg en status' }).trim().min(1, { error: 'Vælg en status' }).max(20, { error: 'Ukendt status' }),
  reason: z
    .string()
    .trim()
    .max(500, { error: 'Begrundelsen må højst være på 500 tegn' })
    .transform((value) => value || undefined)
    .optional(),
  /** The webinar a suggestion is planned for (status "planned"). */
  webinarId: z.number({ error: 'Vælg et webinar' }).int().positive().optional(),
});
export type StatusChangeInput = z.input<typeof StatusChangeSchema>;
export type StatusChange = z.output<typeof StatusChangeSchema>;

export const MergeSchema = z.strictObject({
  /** The suggestion this one is a duplicate of: votes move there, each voter once. */
  intoId: z.number({ error: 'Angiv id på det forslag, der skal beholdes' }).int().positive(),
  reason: z
    .string()
    .trim()
    .max(500, { error: 'Begrundelsen må højst være på 500 tegn' })
    .transform((value) => value || undefined)
    .optional(),
});
export type MergeInput = z.input<typeof MergeSchema>;

export const ContentRefSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  path: z.string(),
});
export type ContentRef = z.infer<typeof ContentRefSchema>;

export const TimelineEntrySchema = z.object({
  from: z.string().nullable(),
  to: z.string(),
  reason: z.string().nullable(),
  webinar: ContentRefSchema.nullable(),
  actor: z.object({ name: z.string(), organization: z.object({ code: z.string(), name: z.string() }) }).nullable(),
  at: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

// ---- Registrations ----

export const RegistrationResultSchema = z.object({ registered: z.boolean(), count: z.number().int() });
export type RegistrationResult = z.infer<typeof RegistrationResultSchema>;

export const RegistrationSchema = z.object({
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  organization: z.object({ code: z.string(), name: z.string() }),
  registeredAt: z.string(),
});
export const RegistrationListSchema = z.object({ items: z.array(RegistrationSchema), total: z.number().int() });
export type RegistrationList = z.infer<typeof RegistrationListSchema>;
export const RegistrationListQuerySchema = z.strictObject({
  format: z.enum(['json', 'csv'], { error: 'format er json eller csv' }).optional(),
});

/** What a webinar page shows besides the item itself. */
export const WebinarDetailsSchema = z.object({
  registrationCount: z.number().int(),
  registered: z.boolean(),
  /** Sign-up is open: planned and not yet over. */
  registrationOpen: z.boolean(),
  hosts: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Suggestions this webinar answers. */
  suggestions: z.array(ContentRefSchema.extend({ score: z.number().int(), status: z.string() })),
  /** Questions asked after it ("Stil et opfølgende spørgsmål"). */
  followUps: z.array(ContentRefSchema.extend({ replyCount: z.number().int(), solved: z.boolean(), createdAt: z.string() })),
  /** Guides and cases the programme links to, by id. */
  programmeLinks: z.array(ContentRefSchema),
  dialogueCount: z.number().int(),
});
export type WebinarDetails = z.infer<typeof WebinarDetailsSchema>;
