import { z } from 'zod';
import { noControlCharacters } from './auth.js';
import { CalendarDate } from './cases.js';
import { ComponentSlug, ContentSummarySchema, ModeratorReason, Severity } from './content.js';

/** A top-level infrastructure component, a service on it (SF1601 on Serviceplatformen) or a module (Context Handler). */
export const COMPONENT_TYPES = ['component', 'service', 'module'] as const;
export const ComponentType = z.enum(COMPONENT_TYPES);
export type ComponentType = z.infer<typeof ComponentType>;
export const COMPONENT_TYPE_LABELS: Record<ComponentType, string> = { component: 'Komponent', service: 'Service', module: 'Modul' };

export const CatalogComponentSchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** Short form people use: "SF1601", "CH", "BF". */
  shortName: z.string().nullable(),
  type: ComponentType,
  parentSlug: z.string().nullable(),
  description: z.string(),
  severity: Severity,
  /** What breaks, in a sentence: "Brugere kan ikke logge på de påvirkede it-systemer". */
  impact: z.string(),
  aliases: z.array(z.string()),
  /** Phased out (SF1600): content that mentions it is marked as possibly outdated; what replaces it. */
  phasedOut: z.object({ since: z.string(), replacedBy: z.object({ slug: z.string(), name: z.string() }).nullable() }).nullable(),
});
export type CatalogComponent = z.infer<typeof CatalogComponentSchema>;

export const CatalogSystemSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Slugs of the components the system depends on directly. */
  components: z.array(z.string()),
});
export type CatalogSystem = z.infer<typeof CatalogSystemSchema>;

export const ComponentListSchema = z.object({ items: z.array(CatalogComponentSchema) });
export const SystemListSchema = z.object({ items: z.array(CatalogSystemSchema) });

/** A system hit by a component being down: directly, or through a sub-component or a component it depends on. */
export const AffectedSystemSchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** The components (slugs) through which it is hit; `direct` when one of them is a component asked about. */
  via: z.array(z.string()),
  direct: z.boolean(),
});
export type AffectedSystemRef = z.infer<typeof AffectedSystemSchema>;

export const ComponentDetailSchema = CatalogComponentSchema.extend({
  parent: z.object({ slug: z.string(), name: z.string() }).nullable(),
  children: z.array(CatalogComponentSchema),
  /** Components this one needs (down there → trouble here). */
  dependsOn: z.array(z.object({ slug: z.string(), name: z.string() })),
  affectedSystems: z.array(AffectedSystemSchema),
  guides: z.array(ContentSummarySchema),
  questions: z.array(ContentSummarySchema),
});
export type ComponentDetail = z.infer<typeof ComponentDetailSchema>;

export const ImpactQuerySchema = z.strictObject({
  components: z
    .string({ error: 'Vælg mindst én komponent' })
    .transform((list) =>
      list
        .split(',')
        .map((slug) => slug.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(ComponentSlug)
        .min(1, { error: 'Vælg mindst én komponent' })
        .max(20, { error: 'Vælg højst 20 komponenter' })
        .transform((slugs) => [...new Set(slugs)]),
    ),
});

export const ImpactSchema = z.object({
  components: z.array(CatalogComponentSchema),
  /** Worst severity among the components asked about. */
  severity: Severity,
  systems: z.array(AffectedSystemSchema),
  guides: z.array(ContentSummarySchema),
  notice: z.object({ outage: z.string(), maintenance: z.string() }),
});
export type Impact = z.infer<typeof ImpactSchema>;

const catalogText = (label: string, max: number) =>
  z
    .string({ error: `Skriv ${label}` })
    .trim()
    .max(max, { error: `${label} må højst være på ${max} tegn` })
    .refine(noControlCharacters, { error: 'Feltet må ikke indeholde linjeskift eller kontroltegn' });

/** Moderators edit the descriptive fields; slugs, structure and dependencies come with the reference data. */
export const UpdateComponentSchema = z.strictObject({
  name: catalogText('navnet', 200)
    .pipe(z.string().min(2, { error: 'Skriv et navn' }))
    .optional(),
  shortName: catalogText('kortnavnet', 40)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  description: catalogText('beskrivelsen', 1000).optional(),
  impact: catalogText('konsekvensen', 500).optional(),
  severity: Severity.optional(),
  aliases: z
    .array(catalogText('et alias', 80).pipe(z.string().min(1, { error: 'Et alias må ikke være tomt' })), {
      error: 'Aliasser skal være en liste',
    })
    .max(20, { error: 'Højst 20 aliasser' })
    .optional(),
  /** Mark as phased out from a day, replaced by another component; null brings it back. */
  phasedOut: z
    .strictObject(
      {
        since: CalendarDate('datoen for udfasningen'),
        replacedBy: ComponentSlug.nullable().default(null),
      },
      { error: 'Angiv hvornår komponenten udfases, og evt. hvad der erstatter den' },
    )
    .nullable()
    .optional(),
  /** Every moderator action carries a reason into the audit log. */
  reason: ModeratorReason,
});
export type UpdateComponent = z.output<typeof UpdateComponentSchema>;
