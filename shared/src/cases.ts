import { z } from 'zod';
import { noticeText, singleLine } from './text-fields.js';

// ---- Migration cases: how a municipality found and moved a supplier to a new interface ----

export const CASE_STATUSES = ['planned', 'in_progress', 'completed', 'stopped'] as const;
export const CaseStatus = z.enum(CASE_STATUSES, { error: 'Vælg en status: planlagt, i gang, gennemført eller stoppet' });
export type CaseStatus = z.infer<typeof CaseStatus>;
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  planned: 'Planlagt',
  in_progress: 'I gang',
  completed: 'Gennemført',
  stopped: 'Stoppet',
};

/** What the system was integrated through before the move. */
export const CASE_ORIGIN_TYPES = ['legacy_integration', 'direct_database', 'file_exchange', 'old_service', 'other'] as const;
export const CaseOriginType = z.enum(CASE_ORIGIN_TYPES, {
  error: 'Vælg hvad der blev flyttet fra: gammel integration, direkte databaseadgang, filudveksling, gammel serviceversion eller andet',
});
export type CaseOriginType = z.infer<typeof CaseOriginType>;
export const CASE_ORIGIN_LABELS: Record<CaseOriginType, string> = {
  legacy_integration: 'Gammel integration',
  direct_database: 'Direkte databaseadgang',
  file_exchange: 'Filudveksling',
  old_service: 'Gammel serviceversion',
  other: 'Andet',
};

export const CASE_STEP_ACTORS = ['municipality', 'supplier', 'kombit'] as const;
export const CaseStepActor = z.enum(CASE_STEP_ACTORS, { error: 'Vælg hvem der gjorde det: kommunen, leverandøren eller KOMBIT' });
export type CaseStepActor = z.infer<typeof CaseStepActor>;
export const CASE_STEP_ACTOR_LABELS: Record<CaseStepActor, string> = {
  municipality: 'Kommunen',
  supplier: 'Leverandøren',
  kombit: 'KOMBIT',
};

/** A calendar day, "2024-03-01". */
export const CalendarDate = (label: string) =>
  z
    .string({ error: `Angiv ${label}` })
    .trim()
    .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, { error: `Angiv ${label} som en dato, fx 2024-03-01` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: `Angiv ${label} som en gyldig dato`,
    });

/** Free text, or `{ type, description }`: "SF1600", or what kind of integration it was. */
export const CaseOriginSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { type: /^sf\d{4}/i.test(value.trim()) ? 'old_service' : 'other', description: value } : value),
  z.strictObject(
    {
      type: CaseOriginType,
      /** "SF1600 Digital Post", "Filoverførsel via SFTP hver nat". */
      description: singleLine('hvad der blev flyttet fra', 2, 200).optional(),
    },
    { error: 'Angiv hvad der blev flyttet fra' },
  ),
);
export type CaseOrigin = z.infer<typeof CaseOriginSchema>;

/**
 * The component or SF service it moved to. A string is a catalog slug, short name or alias ("SF1601"); the server
 * stores the slug, so the matrix can count it.
 */
export const CaseTargetSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { component: value } : value),
  z.strictObject(
    {
      component: z
        .string({ error: 'Vælg den komponent eller service, der blev flyttet til' })
        .trim()
        .min(1, { error: 'Vælg den komponent eller service, der blev flyttet til' })
        .max(100, { error: 'Ukendt komponent' }),
      /** "3.0", "Version 2". */
      version: singleLine('versionen', 1, 40).optional(),
    },
    { error: 'Angiv hvad der blev flyttet til' },
  ),
);
export type CaseTarget = z.infer<typeof CaseTargetSchema>;

export const CaseStepSchema = z.strictObject({
  title: singleLine('trinnets titel', 2, 200),
  text: noticeText('hvad der blev gjort', 5_000).pipe(z.string().min(2, { error: 'Skriv hvad der blev gjort' })),
  who: CaseStepActor.optional(),
});
export type CaseStep = z.infer<typeof CaseStepSchema>;
export type CaseStepInput = z.input<typeof CaseStepSchema>;

export const CASE_STEPS_MAX = 30;
export const CASE_REQUIREMENTS_MAX = 30;

/** One requirement text from the tender, quotable on its own. A plain string is read as one requirement. */
export const RequirementText = noticeText('kravteksten', 3_000).pipe(z.string().min(5, { error: 'Skriv kravteksten (mindst 5 tegn)' }));

export const CaseAttributesSchema = z
  .strictObject({
    /** The IT system: a catalog name ("KMD Nexus") or free text. */
    system: singleLine('it-systemet', 2, 100),
    supplier: singleLine('leverandøren', 2, 100),
    from: CaseOriginSchema,
    to: CaseTargetSchema,
    status: CaseStatus,
    startDate: CalendarDate('startdatoen').optional(),
    endDate: CalendarDate('slutdatoen').optional(),
    /** Person-days the municipality spent. */
    effortDays: z
      .number({ error: 'Angiv antal persondage som et tal' })
      .min(0, { error: 'Antal persondage kan ikke være negativt' })
      .max(10_000, { error: 'Antal persondage må højst være 10.000' })
      .optional(),
    steps: z
      .array(CaseStepSchema, { error: 'Trinene skal være en liste' })
      .max(CASE_STEPS_MAX, { error: `Højst ${CASE_STEPS_MAX} trin` })
      .default([]),
    obstacles: noticeText('forhindringerne', 10_000)
      .transform((value) => value || undefined)
      .optional(),
    lessons: noticeText('erfaringerne', 10_000)
      .transform((value) => value || undefined)
      .optional(),
    requirements: z
      .preprocess(
        (value) => (typeof value === 'string' ? (value.trim() ? [value] : []) : value),
        z
          .array(RequirementText, { error: 'Kravteksterne skal være en liste' })
          .max(CASE_REQUIREMENTS_MAX, { error: `Højst ${CASE_REQUIREMENTS_MAX} kravtekster` }),
      )
      .optional(),
    /** Show the author's name, title, e-mail and phone from their profile to signed-in readers. */
    contactOptIn: z.boolean({ error: 'Vælg om dine kontaktoplysninger må vises' }).default(false),
  })
  .refine((value) => !value.startDate || !value.endDate || value.endDate >= value.startDate, {
    error: 'Slutdatoen skal være samme dag som eller efter startdatoen',
    path: ['endDate'],
  })
  .refine((value) => value.status !== 'completed' || value.steps.length > 0, {
    error: 'Beskriv mindst ét trin i en gennemført case',
    path: ['steps'],
  });
export type CaseAttributes = z.infer<typeof CaseAttributesSchema>;
export type CaseAttributesInput = z.input<typeof CaseAttributesSchema>;

// ---- "Jeg er i gang med det samme" ----

export const WorkingOnSchema = z.strictObject({
  /** Show one's name, title, e-mail and phone on the case so others can get in touch. */
  showContact: z.boolean({ error: 'Vælg om dine kontaktoplysninger må vises' }).default(false),
  note: noticeText('bemærkningen', 300)
    .transform((value) => value || undefined)
    .optional(),
});
export type WorkingOnInput = z.input<typeof WorkingOnSchema>;

export const CaseContactSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  email: z.string(),
  phone: z.string().nullable(),
});
export type CaseContact = z.infer<typeof CaseContactSchema>;

export const WorkingOnOrganizationSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Members who opted in to be contacted (signed-in readers only). */
  contacts: z.array(CaseContactSchema.extend({ note: z.string().nullable() })),
  /** Members of the municipality who marked it, contacts or not. */
  memberCount: z.number().int(),
  since: z.string(),
});

export const WorkingOnStateSchema = z.object({
  /** Municipalities working on the same migration (a municipality counts once). */
  count: z.number().int(),
  organizations: z.array(WorkingOnOrganizationSchema),
  /** The caller marked it. */
  mine: z.boolean(),
  /** The caller may mark it (signed in, another municipality's published case). */
  canMark: z.boolean(),
});
export type WorkingOnState = z.infer<typeof WorkingOnStateSchema>;

/** What a case page shows besides the item. */
export const CaseDetailsSchema = z.object({
  /** The author's contact details when they opted in (signed-in readers only). */
  contact: CaseContactSchema.nullable(),
  workingOn: WorkingOnStateSchema,
  /** The catalog component it moved to, named. */
  target: z.object({ slug: z.string(), name: z.string(), shortName: z.string().nullable() }).nullable(),
});
export type CaseDetails = z.infer<typeof CaseDetailsSchema>;

// ---- Matrix "who has moved what" ----

/** Narrows the matrix to one supplier (any case) or one component (a column). */
export const CaseMatrixQuerySchema = z.strictObject({
  supplier: singleLine('leverandøren', 1, 100).optional(),
  component: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,100}$/, { error: 'Ukendt komponent' })
    .optional(),
});

const MatrixOrganizationSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Cases behind the entry that the caller may read. */
  cases: z.array(z.object({ id: z.number().int(), title: z.string(), path: z.string(), status: CaseStatus })),
});

export const CaseMatrixSchema = z.object({
  systems: z.array(z.object({ name: z.string(), suppliers: z.array(z.string()) })),
  components: z.array(z.object({ slug: z.string(), name: z.string(), shortName: z.string().nullable() })),
  cells: z.array(
    z.object({
      system: z.string(),
      component: z.string(),
      /** Municipalities with a completed case. */
      completed: z.array(MatrixOrganizationSchema),
      /** Municipalities with a planned or ongoing case, or that marked "jeg er i gang" on one. */
      working: z.array(MatrixOrganizationSchema),
    }),
  ),
});
export type CaseMatrix = z.infer<typeof CaseMatrixSchema>;
