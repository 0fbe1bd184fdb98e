import { Injectable, Logger } from '@nestjs/common';
import {
  contentPath,
  formatDanishDate,
  formatDanishTime,
  type ContentStatus,
  type PublishingAction,
  type PublishingQueue,
  type PublishingRequest,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import {
  canApprovePublication,
  canModerateContent,
  canReadContent,
  canReturnFromReview,
  canSchedulePublication,
  canSubmitForReview,
  canUnschedulePublication,
  canWithdrawFromReview,
  requireAccess,
  type PublishingTarget,
} from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { contentNotFound, contentTarget } from '../content/content-targets.js';
import { ContentRepository, type ContentLockRow } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { FollowsService } from '../follows/follows.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { SectionRow } from '../toolbox/toolbox.repository.js';
import { ToolboxRepository } from '../toolbox/toolbox.repository.js';
import { ToolboxService } from '../toolbox/toolbox.service.js';
import { publishingTarget, toPublishingState } from './publishing-state.js';
import { PublishingRepository, type PublishingRow, type PublishingWrite } from './publishing.repository.js';

export interface ActionContext {
  correlationId?: string;
}

/** The status each step starts from, and the rule that allows it there. */
const EXPECTED_STATUS: Record<PublishingAction, ContentStatus> = {
  submit: 'draft',
  withdraw: 'in_review',
  approve: 'in_review',
  return: 'in_review',
  schedule: 'draft',
  unschedule: 'scheduled',
};
const ALLOWED_IN: Record<PublishingAction, (actor: SessionUser, item: PublishingTarget) => boolean> = {
  submit: canSubmitForReview,
  withdraw: canWithdrawFromReview,
  approve: canApprovePublication,
  return: canReturnFromReview,
  schedule: canSchedulePublication,
  unschedule: canUnschedulePublication,
};
const STATUS_MOVED: Partial<Record<ContentStatus, string>> = {
  draft: 'Indholdet er en kladde nu: det er trukket tilbage eller sendt retur i mellemtiden.',
  in_review: 'Indholdet er allerede sendt til godkendelse.',
  scheduled: 'Indholdet er allerede godkendt og planlagt til udgivelse.',
  published: 'Indholdet er allerede offentliggjort.',
  hidden: 'Indholdet er skjult af en moderator.',
};

const QUEUE_SHOWN = 200;
/** Due items published per run of the minute job; the rest wait a minute. */
const DUE_PER_RUN = 100;

const EMPTY: PublishingWrite = {
  toolboxSectionId: null,
  publishAt: null,
  note: null,
  submittedBy: null,
  submittedAt: null,
  approvedBy: null,
  approvedAt: null,
  returnedBy: null,
  returnedReason: null,
};

function writeOf(row: PublishingRow | null): PublishingWrite {
  if (!row) return EMPTY;
  return {
    toolboxSectionId: row.toolbox_section_id,
    publishAt: row.publish_at,
    note: row.note,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    approvedBy: row.approved_by,
    approvedAt: null,
    returnedBy: row.returned_by,
    returnedReason: row.returned_reason,
  };
}

/** "1. december 2026 kl. 10.00", Copenhagen time, as the sentence of a notification reads it. */
const danishInstant = (instant: Date): string => `${formatDanishDate(instant)} kl. ${formatDanishTime(instant)}`;

/**
 * The publishing workflow for KOMBIT material: submit → approve (now or at a time) or return; withdraw; schedule and
 * unschedule. Every step runs under the content's row lock (after the target section's, as every path into a section
 * locks), is audited, and tells those concerned. A minute job publishes what is due.
 */
@Injectable()
export class PublishingService {
  private readonly logger = new Logger(PublishingService.name);

  constructor(
    private readonly repo: PublishingRepository,
    private readonly content: ContentRepository,
    private readonly contentService: ContentService,
    private readonly toolbox: ToolboxService,
    private readonly toolboxRepo: ToolboxRepository,
    private readonly follows: FollowsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async act(actor: SessionUser, id: string, request: PublishingRequest, context: ActionContext = {}) {
    const now = new Date();
    await this.repo.transaction(async (manager) => {
      // A submit names a section (key-share locked, so it is not deleted under it); an approval places the item in
      // its section, so a moderator's approval locks the section before the content, as every path into a section does.
      const sectionSlug = request.action === 'submit' ? (request.toolboxSection ?? null) : null;
      const requested = sectionSlug ? await this.repo.shareSection(sectionSlug, manager) : null;
      if (sectionSlug && !requested) throw ApiException.field('toolboxSection', 'Afsnittet findes ikke i Værktøjskassen');
      const approving = request.action === 'approve' && canModerateContent(actor);
      const targetId = approving ? await this.repo.targetSectionId(id, manager) : null;
      const targetSection = targetId ? await this.toolboxRepo.lockSectionById(targetId, manager) : null;

      const current = await this.content.lockContent(id, manager);
      if (!current || !canReadContent(actor, contentTarget(current))) throw contentNotFound();
      const row = await this.repo.find(id, manager);
      // Re-submitted to another section between the read and the locks, or changed since the caller looked at it.
      if (
        (approving && (row?.toolbox_section_id ?? null) !== (targetSection?.id ?? null)) ||
        (request.expectedVersion !== undefined && request.expectedVersion !== current.version)
      ) {
        throw ApiException.conflict('CONFLICT', 'Indholdet er ændret i mellemtiden. Hent siden igen og prøv igen.');
      }
      const target = publishingTarget(contentTarget(current), current, row);
      const before = { status: current.status, publishAt: row?.publish_at?.toISOString() ?? null, section: row?.section_slug ?? null };
      const audit = async (after: Record<string, unknown>, reason: string | null = null): Promise<void> =>
        this.audit.record(
          {
            actorId: actor.id,
            action: `content.publishing.${request.action}`,
            targetType: 'content',
            targetId: id,
            organizationId: current.organization_id,
            reason,
            before,
            after,
            correlationId: context.correlationId,
          },
          manager,
        );

      // Allowed in the step's status but the item has moved on (someone else acted first): a conflict, not a refusal.
      const expected = EXPECTED_STATUS[request.action];
      if (target.status !== expected && ALLOWED_IN[request.action](actor, { ...target, status: expected })) {
        throw ApiException.conflict('CONFLICT', STATUS_MOVED[target.status] ?? 'Indholdet er ændret i mellemtiden. Hent siden igen.');
      }

      switch (request.action) {
        case 'submit': {
          requireAccess(canSubmitForReview(actor, target), 'Du kan ikke sende dette indhold til godkendelse.');
          if (requested && current.visibility === 'organization') {
            throw ApiException.field(
              'toolboxSection',
              'Værktøjskassen er for alle: indhold, der kun er synligt for én organisation, kan ikke komme med',
            );
          }
          const publishAt = request.publishAt ? new Date(request.publishAt) : null;
          if (publishAt && publishAt <= now)
            throw ApiException.field('publishAt', 'Vælg et tidspunkt i fremtiden, eller lad feltet stå tomt');
          await this.repo.save(
            id,
            {
              ...EMPTY,
              toolboxSectionId: requested?.id ?? null,
              publishAt,
              note: request.note || null,
              submittedBy: actor.id,
              submittedAt: now,
            },
            manager,
          );
          await this.content.setPublishingStatus(id, 'in_review', manager);
          const reviewers = await this.repo.reviewers(manager);
          await this.notifications.notify(
            reviewers,
            { type: 'publishing.submitted', contentId: id, actorId: actor.id, data: { sectionTitle: requested?.title ?? null } },
            manager,
            { mail: 'digest' },
          );
          await audit({ status: 'in_review', publishAt: publishAt?.toISOString() ?? null, section: requested?.slug ?? null });
          return;
        }
        case 'withdraw': {
          requireAccess(canWithdrawFromReview(actor, target), 'Du kan ikke trække dette indhold tilbage.');
          await this.repo.save(id, { ...writeOf(row), submittedAt: null }, manager);
          await this.content.setPublishingStatus(id, 'draft', manager);
          await audit({ status: 'draft' });
          return;
        }
        case 'return': {
          requireAccess(canReturnFromReview(actor, target), 'Kun KOMBITs moderatorer kan sende indhold retur.');
          const reason = request.reason ?? '';
          await this.repo.save(id, { ...writeOf(row), submittedAt: null, returnedBy: actor.id, returnedReason: reason }, manager);
          await this.content.setPublishingStatus(id, 'draft', manager);
          await this.notifications.notify(
            [current.author_id, row?.submitted_by ?? null],
            { type: 'publishing.returned', contentId: id, actorId: actor.id, data: { reason } },
            manager,
          );
          await audit({ status: 'draft' }, reason);
          return;
        }
        case 'approve': {
          if (!canApprovePublication(actor, target)) {
            requireAccess(
              !(canModerateContent(actor) && target.status === 'in_review'),
              'Materiale til Værktøjskassen skal godkendes af en anden moderator end den, der har skrevet, indsendt eller rettet det.',
            );
            requireAccess(false, 'Kun KOMBITs moderatorer kan godkende indhold, der er sendt til godkendelse.');
          }
          if (targetSection && current.visibility === 'organization') {
            throw ApiException.field(
              'toolboxSection',
              'Værktøjskassen er for alle: indholdet er nu kun synligt for én organisation. Send det retur, eller ret synligheden.',
            );
          }
          // The approver's time, else the submitter's wish; a time that has passed means now.
          const wished =
            request.publishAt !== undefined ? (request.publishAt ? new Date(request.publishAt) : null) : (row?.publish_at ?? null);
          const publishAt = wished && wished > now ? wished : null;
          await this.repo.save(
            id,
            { ...writeOf(row), publishAt, approvedBy: actor.id, approvedAt: now, returnedBy: null, returnedReason: null },
            manager,
          );
          if (publishAt) {
            await this.content.setPublishingStatus(id, 'scheduled', manager);
          } else {
            await this.publish(current, targetSection, actor.id, manager);
          }
          await this.notifications.notify(
            [current.author_id, row?.submitted_by ?? null],
            {
              type: 'publishing.approved',
              contentId: id,
              actorId: actor.id,
              data: { publishAt: publishAt ? danishInstant(publishAt) : null, sectionTitle: targetSection?.title ?? null },
            },
            manager,
          );
          await audit({
            status: publishAt ? 'scheduled' : 'published',
            publishAt: publishAt?.toISOString() ?? null,
            section: targetSection?.slug ?? null,
          });
          return;
        }
        case 'schedule': {
          requireAccess(canSchedulePublication(actor, target), 'Du kan ikke planlægge udgivelsen af dette indhold.');
          const publishAt = new Date(request.publishAt!);
          if (publishAt <= now) throw ApiException.field('publishAt', 'Vælg et tidspunkt i fremtiden');
          // Scheduled directly, it is nobody's toolbox material: that goes through review.
          await this.repo.save(id, { ...EMPTY, publishAt, approvedBy: actor.id, approvedAt: now }, manager);
          await this.content.setPublishingStatus(id, 'scheduled', manager);
          await audit({ status: 'scheduled', publishAt: publishAt.toISOString() });
          return;
        }
        case 'unschedule': {
          requireAccess(canUnschedulePublication(actor, target), 'Du kan ikke annullere denne udgivelse.');
          await this.repo.save(id, { ...writeOf(row), publishAt: null, approvedBy: null, submittedAt: null }, manager);
          await this.content.setPublishingStatus(id, 'draft', manager);
          await audit({ status: 'draft' });
          return;
        }
      }
    });
    return this.contentService.get(actor, id);
  }

  /** The moderators' queue: what waits for approval, and what is scheduled. */
  async queue(user: SessionUser, status: 'in_review' | 'scheduled' | undefined): Promise<PublishingQueue> {
    requireAccess(canModerateContent(user));
    const [rows, counts] = await Promise.all([this.repo.queue(status, QUEUE_SHOWN), this.repo.queueCounts()]);
    return {
      items: rows.map((row) => {
        const target = publishingTarget(
          {
            authorId: row.author_id,
            organizationId: row.organization_id,
            status: row.status,
            visibility: row.visibility,
            locked: row.locked,
            kind: row.kind,
            deleted: false,
          },
          row,
          row,
        );
        return {
          content: {
            id: Number(row.id),
            kind: row.kind,
            title: row.title,
            path: contentPath({ kind: row.kind, id: Number(row.id), slug: row.slug }),
          },
          status: row.status,
          author: { name: row.author_name ?? 'Tidligere bruger', organization: row.organization_name },
          updatedAt: row.updated_at.toISOString(),
          publishing: toPublishingState(user, target, row),
        };
      }),
      counts,
    };
  }

  /**
   * Publishes the scheduled items that are due at `now`; the number published. Each in its own transaction, under the
   * same locks as an approval, and checked again under them: two workers, or a worker and an unschedule, never
   * publish one twice.
   */
  async publishDue(now: Date = new Date()): Promise<number> {
    let published = 0;
    for (const id of await this.repo.due(now, DUE_PER_RUN)) {
      try {
        const done = await this.repo.transaction(async (manager) => {
          const sectionId = await this.repo.targetSectionId(id, manager);
          const section = sectionId ? await this.toolboxRepo.lockSectionById(sectionId, manager) : null;
          const current = await this.content.lockContent(id, manager);
          const row = await this.repo.find(id, manager);
          if (!current || current.deleted_at !== null || current.status !== 'scheduled' || !row?.publish_at || row.publish_at > now) {
            return false;
          }
          if ((row.toolbox_section_id ?? null) !== (section?.id ?? null)) return false;
          const placed = await this.publish(current, section, row.approved_by, manager);
          await this.notifications.notify(
            [current.author_id, row.submitted_by],
            { type: 'publishing.published', contentId: id, actorId: null, data: { sectionTitle: placed ? section!.title : null } },
            manager,
          );
          await this.audit.record(
            {
              actorId: null,
              action: 'content.publishing.publish_scheduled',
              targetType: 'content',
              targetId: id,
              organizationId: current.organization_id,
              before: { status: 'scheduled', publishAt: row.publish_at.toISOString() },
              after: { status: 'published', section: placed ? section!.slug : null, approvedBy: row.approved_by },
            },
            manager,
          );
          return true;
        });
        if (done) published += 1;
      } catch (error) {
        // One item that fails (a constraint, a lost race) must not keep the others from going out; it is tried again next minute.
        this.logger.error(`Scheduled publication of content ${id} failed: ${(error as Error).message}`);
      }
    }
    return published;
  }

  /**
   * Out it goes: published, placed in its section (if any, and if it is still for everyone; true when placed), and
   * followers of its tags and components told the first time it is out.
   */
  private async publish(
    current: ContentLockRow,
    section: SectionRow | null,
    approverId: string | null,
    manager: EntityManager,
  ): Promise<boolean> {
    await this.content.setPublishingStatus(current.id, 'published', manager);
    const published = { ...current, status: 'published' as const };
    const placed =
      section && current.visibility !== 'organization'
        ? await this.toolbox.placeContent(section, published, {}, approverId, manager)
        : null;
    if (placed && section) {
      await this.audit.record(
        {
          actorId: approverId,
          action: 'toolbox.item.add',
          targetType: 'toolbox_item',
          targetId: placed.itemId,
          reason: 'Godkendt til Værktøjskassen',
          after: { section: section.slug, contentId: Number(current.id), position: placed.item.position },
        },
        manager,
      );
    }
    if (current.published_at === null) await this.follows.onPublished(published, manager);
    return placed !== null;
  }
}
