import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DELETED_USER_NAME, type DeleteAccountSchema, type PersonalDataExport } from '@infraforum/shared';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { hashPassword, verifyPassword } from '../auth/password-hasher.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { SessionRepository } from '../users/session.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { toPersonalDataExport } from './privacy.mapper.js';
import { PrivacyRepository, type Anonymised } from './privacy.repository.js';

/** The address a deleted account keeps: unique, and in a domain that can never receive mail (RFC 2606). */
export const deletedUserEmail = (userId: string): string => `slettet-${userId}@slettet.invalid`;

/** A member's rights over their own data: a copy of all of it, and deleting the account. */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    private readonly repo: PrivacyRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
  ) {}

  async exportPersonalData(actor: SessionUser): Promise<PersonalDataExport> {
    const rows = await this.repo.personalData(actor.id);
    if (!rows) throw ApiException.unauthenticated();
    return toPersonalDataExport(rows, new Date());
  }

  /**
   * Deletes the caller's account: the row stays, anonymised, so what they wrote keeps its municipality and shows
   * "Tidligere bruger"; everything that only concerned them goes, and every session of theirs ends.
   */
  async deleteAccount(actor: SessionUser, input: z.output<typeof DeleteAccountSchema>, correlationId?: string): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user || user.deletedAt) throw ApiException.unauthenticated();
    if (!(await verifyPassword(user.passwordHash, input.password))) throw ApiException.field('password', 'Adgangskoden er forkert');
    // A hash of a secret nobody ever sees: no password matches it, and the login path still verifies in constant time.
    const anonymised: Anonymised = {
      name: DELETED_USER_NAME,
      email: deletedUserEmail(user.id),
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
    };
    await this.repo.transaction(async (manager) => {
      // Administrators lock every admin row first, in one order, so two of them deleting themselves at once queue
      // instead of deadlocking, and the second sees the first gone.
      const otherAdmins = user.role === 'admin' ? await this.repo.lockOtherActiveAdmins(user.id, manager) : null;
      const locked = await this.repo.lockUser(user.id, manager);
      if (!locked || locked.deleted_at || locked.status !== 'active') throw ApiException.unauthenticated();
      if (locked.role === 'admin' && (otherAdmins ?? (await this.repo.lockOtherActiveAdmins(user.id, manager))) === 0) {
        throw ApiException.field('_', 'Du er den sidste aktive administrator. Giv en anden administratorrollen, før du sletter din konto.');
      }
      await this.repo.anonymiseSuggestionContacts(user.id, locked.email, anonymised, manager);
      await this.repo.anonymise(user.id, anonymised, manager);
      await this.repo.forgetDevMail(locked.email, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'user.delete_self',
          targetType: 'user',
          targetId: user.id,
          organizationId: locked.organization_id,
          // Only what the account was, never who: the point is that the person is gone.
          before: { role: locked.role, status: locked.status },
          after: { status: 'suspended', deleted: true },
          correlationId: correlationId ?? null,
        },
        manager,
      );
      await this.sessions.deleteAllForUser(user.id, manager);
    });
    this.logger.log(`Account ${user.id} deleted by its owner`);
  }
}
