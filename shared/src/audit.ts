import { z } from 'zod';
import { noControlCharacters } from './auth.js';

// ---- The audit log: every moderator and admin action, for admins ----

const DateQuery = (label: string) =>
  z
    .string()
    .regex(/^(19|2\d)\d{2}-\d{2}-\d{2}$/, { error: `${label} skal være en dato, fx 2026-11-01` })
    // Round-tripped: Date.parse rolls 31 February over into March, PostgreSQL would refuse it.
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: `${label} skal være en gyldig dato`,
    });

export const AuditQuerySchema = z.strictObject({
  /** Free text: the action, the reason, who did it, the target's id or title, before/after. */
  q: z
    .string()
    .trim()
    .max(200, { error: 'Søgningen må højst være på 200 tegn' })
    .refine(noControlCharacters, { error: 'Søgningen må ikke indeholde kontroltegn' })
    .optional(),
  /** An action or its prefix: "content.hide", "moderation", "toolbox". */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/, { error: 'Ukendt handling' })
    .optional(),
  /** From this day (Copenhagen), inclusive. */
  from: DateQuery('Fra-datoen').optional(),
  /** To this day (Copenhagen), inclusive. */
  to: DateQuery('Til-datoen').optional(),
  format: z.enum(['json', 'csv'], { error: 'format er json eller csv' }).optional(),
  page: z
    .string()
    .regex(/^\d{1,5}$/, { error: 'Siden skal være et positivt heltal' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'Siden skal være mindst 1' }))
    .optional(),
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  /** Null for what a rule did (flags hiding an item) or when the account is gone. */
  actor: z
    .object({ name: z.string(), email: z.string(), role: z.string(), organization: z.object({ code: z.string(), name: z.string() }) })
    .nullable(),
  targetType: z.string(),
  targetId: z.string(),
  /** Content (and replies' threads): title and page, when it still exists. */
  target: z.object({ title: z.string(), path: z.string().nullable() }).nullable(),
  /** The organization the action concerned. */
  organization: z.object({ code: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  correlationId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = z.object({
  items: z.array(AuditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof AuditListSchema>;
