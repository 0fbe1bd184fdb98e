import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  emailMatchesDomains,
  type ChangePasswordSchema,
  type RegisterResult,
  type RegisterSchema,
  type ResetPasswordSchema,
  type VerifyEmailResult,
} from '@infraforum/shared';
import type { z } from 'zod';
import type { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { approvalRequestMail, passwordResetMail, verificationMail } from '../mail/mail-templates.js';
import { MailService } from '../mail/mail.service.js';
import { OrganizationRepository } from '../organizations/organization.repository.js';
import { derivedStatus } from '../users/account-status.js';
import { SessionRepository } from '../users/session.repository.js';
import type { UserEntity } from '../users/user.entity.js';
import { toSessionUser } from '../users/user.mapper.js';
import { UserRepository } from '../users/user.repository.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { UserTokenRepository } from './user-token.repository.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly tokens: UserTokenRepository,
    private readonly sessions: SessionRepository,
    private readonly mail: MailService,
  ) {}

  async register(input: z.output<typeof RegisterSchema>): Promise<RegisterResult> {
    const organization = await this.organizations.findByCode(input.organizationCode);
    if (!organization) throw ApiException.field('organizationCode', 'Vælg en kommune fra listen');
    const weak = passwordProblem(input.password, { email: input.email, name: input.name });
    if (weak) throw ApiException.field('password', weak);
    if (await this.users.findByEmail(input.email)) {
      throw ApiException.conflict('EMAIL_TAKEN', 'Der findes allerede en konto med denne e-mailadresse.', {
        email: ['Der findes allerede en konto med denne e-mailadresse. Log ind, eller brug "Glemt adgangskode".'],
      });
    }
    const emailDomainMatches = emailMatchesDomains(input.email, organization.emailDomains);
    const passwordHash = await hashPassword(input.password);

    const { user, token } = await this.dataSource
      .transaction(async (manager) => {
        const created = await this.users.save(
          this.users.create({
            email: input.email,
            name: input.name,
            passwordHash,
            organizationId: organization.id,
            emailDomainMatches,
            role: 'member',
            status: 'pending',
          }),
          manager,
        );
        const issued = await this.tokens.issue(created.id, 'verify_email', DAY, manager);
        return { user: created, token: issued };
      })
      .catch((error: unknown) => {
        // Two registrations racing for one address: the unique index decides.
        if (error instanceof Error && 'code' in error && (error as { code?: string }).code === '23505') {
          throw ApiException.conflict('EMAIL_TAKEN', 'Der findes allerede en konto med denne e-mailadresse.', {
            email: ['Der findes allerede en konto med denne e-mailadresse.'],
          });
        }
        throw error;
      });
    await this.mail.send(verificationMail(user.email, user.name, this.mail.link(`/bekraeft-email?token=${token}`), !emailDomainMatches));
    return { id: user.id, status: user.status, needsApproval: !emailDomainMatches };
  }

  async resendVerification(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.emailVerifiedAt || user.status === 'suspended') return;
    await this.tokens.revokeAll(user.id, 'verify_email');
    const token = await this.tokens.issue(user.id, 'verify_email', DAY);
    await this.mail.send(
      verificationMail(user.email, user.name, this.mail.link(`/bekraeft-email?token=${token}`), !user.emailDomainMatches),
    );
  }

  async verifyEmail(token: string): Promise<VerifyEmailResult> {
    const user = await this.dataSource.transaction(async (manager) => {
      const used = await this.tokens.consume(token, 'verify_email', manager);
      if (!used)
        throw new ApiException(400, 'INVALID_TOKEN', 'Linket er ugyldigt, udløbet eller allerede brugt. Bed om et nyt.', {
          token: ['Linket er ugyldigt, udløbet eller allerede brugt'],
        });
      const found = await this.users.findByIdForUpdate(used.userId, manager);
      if (!found) throw new ApiException(400, 'INVALID_TOKEN', 'Linket er ugyldigt.');
      found.emailVerifiedAt ??= new Date();
      if (found.status !== 'suspended') found.status = derivedStatus(found);
      await this.users.update(found.id, { emailVerifiedAt: found.emailVerifiedAt, status: found.status }, manager);
      return found;
    });
    if (user.status === 'pending' && !user.emailDomainMatches) await this.notifyApprovers(user);
    return { status: user.status, needsApproval: !user.emailDomainMatches && user.approvedAt === null };
  }

  /** Tells the municipality's org admins (or, when it has none, KOMBIT's staff) that someone waits for approval. */
  private async notifyApprovers(user: UserEntity): Promise<void> {
    let approvers = await this.users.findActiveOrgAdmins(user.organizationId);
    if (approvers.length === 0) approvers = await this.users.findActiveKombitStaff();
    const link = this.mail.link(`/admin/brugere?kommune=${user.organization.code}`);
    for (const approver of approvers) {
      await this.mail.send(approvalRequestMail(approver.email, user, user.organization.name, link));
    }
  }

  /** Used by the local strategy: the user when the password is right and the account active; undefined otherwise. */
  async validateCredentials(email: string, password: string): Promise<SessionUser | undefined> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password);
      return undefined;
    }
    if (!(await verifyPassword(user.passwordHash, password))) return undefined;
    if (user.status !== 'active' || user.deletedAt) return undefined;
    await this.users.update(user.id, { lastLoginAt: new Date() });
    return toSessionUser(user);
  }

  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.status === 'suspended' || user.deletedAt) return; // same answer either way: no account discovery
    await this.tokens.revokeAll(user.id, 'reset_password');
    const token = await this.tokens.issue(user.id, 'reset_password', HOUR);
    await this.mail.send(passwordResetMail(user.email, user.name, this.mail.link(`/nulstil-adgangskode?token=${token}`)));
  }

  async resetPassword(input: z.output<typeof ResetPasswordSchema>): Promise<void> {
    const passwordHash = await hashPassword(input.password);
    await this.dataSource.transaction(async (manager) => {
      const used = await this.tokens.consume(input.token, 'reset_password', manager);
      if (!used)
        throw new ApiException(400, 'INVALID_TOKEN', 'Linket er ugyldigt, udløbet eller allerede brugt. Bed om et nyt.', {
          token: ['Linket er ugyldigt, udløbet eller allerede brugt'],
        });
      const user = await this.users.findByIdForUpdate(used.userId, manager);
      if (!user) throw new ApiException(400, 'INVALID_TOKEN', 'Linket er ugyldigt.');
      const weak = passwordProblem(input.password, { email: user.email, name: user.name });
      if (weak) throw ApiException.field('password', weak);
      // Opening the mailed link proves the address, as verification does.
      user.emailVerifiedAt ??= new Date();
      const status = user.status === 'suspended' ? 'suspended' : derivedStatus(user);
      await this.users.update(user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt, status }, manager);
      await this.sessions.deleteAllForUser(user.id, manager);
    });
  }

  /**
   * Everywhere else the old password may have been used ends too: every other session, and any reset
   * link still in a mailbox. `exceptSessionId` (the session asking) stays logged in.
   */
  async changePassword(actor: SessionUser, input: z.output<typeof ChangePasswordSchema>, exceptSessionId?: string): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user) throw ApiException.unauthenticated();
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw ApiException.field('currentPassword', 'Den nuværende adgangskode er forkert');
    const weak = passwordProblem(input.newPassword, { email: user.email, name: user.name });
    if (weak) throw ApiException.field('newPassword', weak);
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(user.id, { passwordHash }, manager);
      await this.tokens.revokeAll(user.id, 'reset_password', manager);
      await this.sessions.deleteAllForUser(user.id, manager, exceptSessionId);
    });
    this.logger.log(`Password changed for user ${user.id}`);
  }
}
