import { z } from 'zod';

export const OrganizationType = z.enum(['municipality', 'kombit']);
export type OrganizationType = z.infer<typeof OrganizationType>;

/** Four-digit kommunekode ("0159") or "KOMBIT". */
export const OrganizationCode = z
  .string({ error: 'Vælg en kommune' })
  .trim()
  .regex(/^(\d{3,4}|KOMBIT)$/, { error: 'Vælg en kommune fra listen' })
  .transform((code) => (code === 'KOMBIT' ? code : code.padStart(4, '0')));

export const OrganizationSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: OrganizationType,
  region: z.string().nullable(),
  /** Addresses on these domains belong to the organization without approval (lets sign-up pre-select it). */
  emailDomains: z.array(z.string()),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationContactSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string(),
  phone: z.string().nullable(),
});
export type OrganizationContact = z.infer<typeof OrganizationContactSchema>;

export const OrganizationDetailSchema = OrganizationSchema.extend({
  memberCount: z.number().int(),
  /** Members who chose to show their contact details (only to logged-in users). */
  contacts: z.array(OrganizationContactSchema),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetailSchema>;
