import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  rolesAllowedFor,
  type ManagedUser,
  type Me,
  type SetRoleSchema,
  type UpdateProfileSchema,
  type UserRole,
  type UserStatus,
} from '@infraforum/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import {
  canApproveUser,
  canChangeUserStatus,
  canManageOrganizationUsers,
  canReactivateUser,
  canSetRole,
  requireAccess,
} from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { accountApprovedMail } from '../mail/mail-templates.js';
import { MailService } from '../mail/mail.service.js';
import { OrganizationRepository } from '../organizations/organization.repository.js';
import { derivedStatus } from './account-status.js';
import { SessionRepository } from './session.repository.js';
import type { UserEntity } from './user.entity.js';
import { toManagedUser, toMe, toSessionUser } from './user.mapper.js';
import { UserRepository } from './user.repository.js';

interface ActionContext {
  correlationId?: string | undefined;
  reason?: string | undefined;
}

const snapshot = (user: UserEntity) => ({ role: user.role, status: user.status, approvedAt: user.approvedAt?.toISOString() ?? null });

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async updateProfile(actor: SessionUser, input: z.output<typeof UpdateProfileSchema>): Promise<Me> {
    await this.users.update(actor.id, {
      name: input.name,
      title: input.title,
      phone: input.phone,
      showContactDetails: input.showContactDetails,
    });
    const user = await this.users.findById(actor.id);
    if (!user) throw ApiException.unauthenticated();
    return toMe(toSessionUser(user));
  }

  async listForOrganization(
    actor: SessionUser,
    organizationCode: string,
    status?: UserStatus,
  ): Promise<{ items: ManagedUser[]; total: number }> {
    const organization = await this.organizations.findByCode(organizationCode);
    if (!organization) throw ApiException.notFound('Kommunen findes ikke.');
    requireAccess(canManageOrganizationUsers(actor, organization.id), 'Du kan kun se brugere i din egen kommune.');
    const [items, total] = await this.users.listByOrganization(organization.id, status);
    return { items: items.map((item) => toManagedUser(item, actor)), total };
  }

  /** Runs a change on one locked user row, checks the policy against the row as it is now, and audits it in the same transaction. */
  private async change(
    actor: SessionUser,
    userId: string,
    action: string,
    context: ActionContext,
    apply: (user: UserEntity, manager: EntityManager) => Promise<void>,
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(userId, manager);
      // An account its owner deleted is gone for good: it cannot be approved, reactivated or given a role.
      if (!user || user.deletedAt) throw ApiException.notFound('Brugeren findes ikke.');
      const before = snapshot(user);
      await apply(user, manager);
      await this.users.save(user, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action,
          targetType: 'user',
          targetId: user.id,
          organizationId: user.organizationId,
          reason: context.reason ?? null,
          before,
          after: snapshot(user),
          correlationId: context.correlationId ?? null,
        },
        manager,
      );
      return user;
    });
  }

  async approve(actor: SessionUser, userId: string, context: ActionContext): Promise<ManagedUser> {
    let becameActive = false;
    const user = await this.change(actor, userId, 'user.approve', context, async (target) => {
      requireAccess(canApproveUser(actor, target), 'Du kan kun godkende brugere i din egen kommune.');
      if (target.status === 'suspended') throw ApiException.conflict('CONFLICT', 'Brugeren er suspenderet. Genaktivér brugeren i stedet.');
      target.approvedAt ??= new Date();
      target.approvedById ??= actor.id;
      const next = derivedStatus(target);
      becameActive = target.status !== 'active' && next === 'active';
      target.status = next;
    });
    if (becameActive) await this.mail.send(accountApprovedMail(user.email, user.name, this.mail.link('/log-ind')));
    return toManagedUser(user, actor);
  }

  async suspend(actor: SessionUser, userId: string, context: ActionContext): Promise<ManagedUser> {
    const user = await this.change(actor, userId, 'user.suspend', context, async (target, manager) => {
      requireAccess(canChangeUserStatus(actor, target), 'Du kan ikke suspendere denne bruger.');
      // Suspending again would replace the suspender, and so who may lift it.
      if (target.status === 'suspended') throw ApiException.conflict('CONFLICT', 'Brugeren er allerede suspenderet.');
      target.status = 'suspended';
      target.suspendedById = actor.id;
      target.suspendedByRole = actor.role;
      // Their sessions end now, not when the cookie expires.
      await this.sessions.deleteAllForUser(target.id, manager);
    });
    return toManagedUser(user, actor);
  }

  async reactivate(actor: SessionUser, userId: string, context: ActionContext): Promise<ManagedUser> {
    const user = await this.change(actor, userId, 'user.reactivate', context, async (target) => {
      requireAccess(
        canReactivateUser(actor, target),
        canChangeUserStatus(actor, target)
          ? 'Brugeren er suspenderet af en med en højere rolle end din. Kun en med mindst samme rolle kan genaktivere brugeren.'
          : 'Du kan ikke genaktivere denne bruger.',
      );
      if (target.status !== 'suspended') throw ApiException.conflict('CONFLICT', 'Brugeren er ikke suspenderet.');
      target.status = derivedStatus(target);
      target.suspendedById = null;
      target.suspendedByRole = null;
    });
    return toManagedUser(user, actor);
  }

  async setRole(actor: SessionUser, userId: string, input: z.output<typeof SetRoleSchema>, context: ActionContext): Promise<ManagedUser> {
    const user = await this.change(actor, userId, 'user.set_role', context, async (target, manager) => {
      if (actor.role !== 'admin') throw ApiException.forbidden('Kun administratorer kan ændre roller.');
      if (target.id === actor.id) throw ApiException.forbidden('Du kan ikke ændre din egen rolle.');
      if (!rolesAllowedFor(target.organization.type).includes(input.role)) {
        throw ApiException.field('role', 'Moderatorer og administratorer skal høre til KOMBIT');
      }
      requireAccess(canSetRole(actor, target, target.organization.type, input.role));
      target.role = input.role;
      // A changed role takes effect on the next request anyway; ending sessions makes a demotion immediate everywhere.
      await this.sessions.deleteAllForUser(target.id, manager);
    });
    return toManagedUser(user, actor);
  }

  /** For the operator CLI and demo data: an account that is verified, approved and active. */
  async createActiveUser(input: {
    email: string;
    name: string;
    passwordHash: string;
    organizationCode: string;
    role: UserRole;
    title?: string | null;
    showContactDetails?: boolean;
  }): Promise<UserEntity> {
    const organization = await this.organizations.findByCode(input.organizationCode);
    if (!organization) throw new Error(`Unknown organization code ${input.organizationCode}`);
    if (!rolesAllowedFor(organization.type).includes(input.role)) throw new Error(`Role ${input.role} is only for KOMBIT accounts`);
    const now = new Date();
    return this.users.save(
      this.users.create({
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash: input.passwordHash,
        organizationId: organization.id,
        role: input.role,
        status: 'active',
        emailDomainMatches: true,
        emailVerifiedAt: now,
        approvedAt: now,
        title: input.title ?? null,
        showContactDetails: input.showContactDetails ?? false,
      }),
    );
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email);
  }
}
