import { z } from 'zod';
import { noControlCharacters, PersonName } from './auth.js';
import { UserRole, UserStatus } from './roles.js';
import { OrganizationType } from './organizations.js';

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  showContactDetails: z.boolean(),
  role: UserRole,
  status: UserStatus,
  organization: z.object({ code: z.string(), name: z.string(), type: OrganizationType }),
  /** Unread in-app notifications (the bell); given by GET /api/auth/me, which every page asks. */
  unreadNotifications: z.number().int().optional(),
});
export type Me = z.infer<typeof MeSchema>;

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .regex(/^[^<>{}\\]*$/, { error: 'Feltet må ikke indeholde tegnene < > { } \\' })
    .refine(noControlCharacters, { error: 'Feltet må ikke indeholde linjeskift eller kontroltegn' })
    .transform((value) => (value === '' ? null : value))
    .nullable();

export const UpdateProfileSchema = z.strictObject({
  name: PersonName,
  /** Job title, e.g. "Infrastrukturansvarlig". */
  title: optionalText(100, 'Titlen må højst være på 100 tegn'),
  phone: z
    .string()
    .trim()
    .max(20, { error: 'Telefonnummeret er for langt' })
    .regex(/^(\+?[0-9 ]{8,20})?$/, { error: 'Skriv et telefonnummer med 8 cifre, evt. med landekode, fx +45 12 34 56 78' })
    .transform((value) => (value === '' ? null : value))
    .nullable(),
  /** Opt-in (GDPR): show name, title, e-mail and phone to users in other municipalities. */
  showContactDetails: z.boolean({ error: 'Vælg om dine kontaktoplysninger må vises' }),
});
export type UpdateProfileInput = z.input<typeof UpdateProfileSchema>;

export const ManagedUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  role: UserRole,
  status: UserStatus,
  emailVerified: z.boolean(),
  /** The address is outside the municipality's domains, so someone approved (or must approve) it. */
  needsApproval: z.boolean(),
  organization: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** What the requesting user may do to this account now (the server checks again on each action). */
  allowedActions: z.object({ approve: z.boolean(), suspend: z.boolean(), reactivate: z.boolean(), setRole: z.boolean() }),
});
export type ManagedUser = z.infer<typeof ManagedUserSchema>;

export const ManagedUserListSchema = z.object({ items: z.array(ManagedUserSchema), total: z.number().int() });

export const ListUsersQuerySchema = z.strictObject({
  status: UserStatus.optional(),
});

/** Why a moderator or admin acted: kept in the audit log. */
export const ActionReasonSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(500, { error: 'Begrundelsen må højst være på 500 tegn' })
    .refine((value) => !value.includes('\u0000'), { error: 'Begrundelsen indeholder et tegn, der ikke kan gemmes' })
    .optional(),
});

export const SetRoleSchema = z.strictObject({
  role: UserRole,
});

export const DevMailSchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type DevMail = z.infer<typeof DevMailSchema>;
