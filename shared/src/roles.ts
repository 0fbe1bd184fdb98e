import { z } from 'zod';

export const USER_ROLES = ['member', 'org_admin', 'moderator', 'admin'] as const;
export const UserRole = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRole>;

export const USER_STATUSES = ['pending', 'active', 'suspended'] as const;
export const UserStatus = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatus>;

/** Danish labels shown in the UI. */
export const ROLE_LABELS: Record<UserRole, string> = {
  member: 'Medlem',
  org_admin: 'Kommuneadministrator',
  moderator: 'Moderator (KOMBIT)',
  admin: 'Administrator (KOMBIT)',
};

export const STATUS_LABELS: Record<UserStatus, string> = {
  pending: 'Afventer',
  active: 'Aktiv',
  suspended: 'Suspenderet',
};

/** Moderators and admins work for KOMBIT; municipalities have members and org admins. */
export function rolesAllowedFor(organizationType: 'municipality' | 'kombit'): readonly UserRole[] {
  return organizationType === 'kombit' ? USER_ROLES : (['member', 'org_admin'] as const);
}
