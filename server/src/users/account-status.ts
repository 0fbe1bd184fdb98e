import type { UserStatus } from '@infraforum/shared';

/**
 * An account is active once its e-mail is verified and, when the address is outside the
 * municipality's domains, someone allowed to has approved it. Suspension overrides both.
 */
export function derivedStatus(user: {
  emailVerifiedAt: Date | null;
  emailDomainMatches: boolean;
  approvedAt: Date | null;
}): Exclude<UserStatus, 'suspended'> {
  const verified = user.emailVerifiedAt !== null;
  const approved = user.emailDomainMatches || user.approvedAt !== null;
  return verified && approved ? 'active' : 'pending';
}
