import { rolesAllowedFor, type OrganizationType, type UserRole, type UserStatus } from '@infraforum/shared';
import { ApiException } from './api-exception.js';

/** Every rule about who may touch which account lives here, as pure functions (tested as a matrix). */

export interface Actor {
  id: string;
  role: UserRole;
  organizationId: string;
}

export interface AccountTarget {
  id: string;
  role: UserRole;
  organizationId: string;
}

const RANK: Record<UserRole, number> = { member: 0, org_admin: 1, moderator: 2, admin: 3 };

export const isKombitStaff = (actor: Actor | undefined): boolean => actor?.role === 'moderator' || actor?.role === 'admin';

/** Org admins manage their own municipality's accounts; KOMBIT moderators and admins manage every one. */
export function canManageOrganizationUsers(actor: Actor | undefined, organizationId: string): boolean {
  if (!actor) return false;
  return isKombitStaff(actor) || (actor.role === 'org_admin' && actor.organizationId === organizationId);
}

export function canApproveUser(actor: Actor | undefined, target: AccountTarget): boolean {
  return !!actor && actor.id !== target.id && canManageOrganizationUsers(actor, target.organizationId);
}

/** Suspend or reactivate: only over someone of a lower role, never oneself. */
export function canChangeUserStatus(actor: Actor | undefined, target: AccountTarget): boolean {
  return (
    !!actor && actor.id !== target.id && canManageOrganizationUsers(actor, target.organizationId) && RANK[actor.role] > RANK[target.role]
  );
}

export interface SuspendedAccount extends AccountTarget {
  /** The suspender's role when they suspended; null when unknown (suspended before this was recorded). */
  suspendedByRole: UserRole | null;
}

/**
 * Reactivate: as for any status change, and only by someone of at least the suspender's role, so an org
 * admin cannot lift a suspension by KOMBIT's moderators.
 */
export function canReactivateUser(actor: Actor | undefined, target: SuspendedAccount): boolean {
  return (
    !!actor && canChangeUserStatus(actor, target) && (target.suspendedByRole === null || RANK[actor.role] >= RANK[target.suspendedByRole])
  );
}

/** Only admins set roles; not their own (so the last admin cannot lock everyone out); moderator/admin only within KOMBIT. */
export function canSetRole(
  actor: Actor | undefined,
  target: AccountTarget,
  targetOrganizationType: OrganizationType,
  role: UserRole,
): boolean {
  return !!actor && actor.role === 'admin' && actor.id !== target.id && rolesAllowedFor(targetOrganizationType).includes(role);
}

/** What `actor` may do to `target` now: the UI offers exactly these, the service checks them again. */
export function allowedAccountActions(
  actor: Actor | undefined,
  target: SuspendedAccount & { status: UserStatus; emailDomainMatches: boolean; approvedAt: Date | null },
): { approve: boolean; suspend: boolean; reactivate: boolean; setRole: boolean } {
  // Only an address outside the municipality's domains waits for someone; the rest wait for their own e-mail.
  const awaitsApproval = target.status === 'pending' && !target.emailDomainMatches && target.approvedAt === null;
  return {
    approve: awaitsApproval && canApproveUser(actor, target),
    suspend: target.status !== 'suspended' && canChangeUserStatus(actor, target),
    reactivate: target.status === 'suspended' && canReactivateUser(actor, target),
    setRole: !!actor && actor.role === 'admin' && actor.id !== target.id,
  };
}

/** Contact details of a municipality's members: colleagues see each other; others only those who opted in. */
export function canSeeContactDetails(viewer: Actor | undefined, member: { organizationId: string; showContactDetails: boolean }): boolean {
  if (!viewer) return false;
  return member.showContactDetails || viewer.organizationId === member.organizationId || isKombitStaff(viewer);
}

export function requireAccess(allowed: boolean, message?: string): void {
  if (!allowed) throw ApiException.forbidden(message);
}
