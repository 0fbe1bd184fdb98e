import type { ManagedUser, Me } from '@infraforum/shared';
import { allowedAccountActions, type Actor } from '../common/access-policy.js';
import type { SessionUser } from '../common/session-user.js';
import type { UserEntity } from './user.entity.js';

export function toSessionUser(user: UserEntity): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    phone: user.phone,
    showContactDetails: user.showContactDetails,
    role: user.role,
    status: user.status,
    organizationId: user.organizationId,
    organization: { id: user.organization.id, code: user.organization.code, name: user.organization.name, type: user.organization.type },
  };
}

export function toMe(user: SessionUser): Me {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    phone: user.phone,
    showContactDetails: user.showContactDetails,
    role: user.role,
    status: user.status,
    organization: { code: user.organization.code, name: user.organization.name, type: user.organization.type },
  };
}

export function toManagedUser(user: UserEntity, viewer: Actor): ManagedUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    title: user.title,
    role: user.role,
    status: user.status,
    emailVerified: user.emailVerifiedAt !== null,
    needsApproval: !user.emailDomainMatches,
    organization: { code: user.organization.code, name: user.organization.name },
    createdAt: user.createdAt.toISOString(),
    allowedActions: allowedAccountActions(viewer, user),
  };
}
