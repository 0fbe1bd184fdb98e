import { Inject, Injectable } from '@nestjs/common';
import {
  contentPath,
  type CreateFlagSchema,
  type FlagResolution,
  type FlagResult,
  type ModerationQueue,
  type ModerationQueueItem,
  type QueueFlag,
  type ResolveFlagSchema,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { canFlagContent, canFlagReply, canModerateContent, canReadContent, canReadReply, requireAccess } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { contentNotFound, contentTarget, replyNotFound, replyTarget } from '../content/content-targets.js';
import { ContentDeletedQueue } from '../content/content-deleted-queue.js';
import { ContentRepository, type ContentLockRow, type ReplyLockRow } from '../content/content.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ModerationRepository, type FlagRow, type FlagTarget, type QueueTargetRow } from './moderation.repository.js';

export const QUEUE_PAGE_SIZE = 20;
/** What the author of an item hidden by flags is shown until a moderator has looked at it. */
export const HIDDEN_BY_FLAGS_REASON = 'Skjult, mens KOMBIT ser på anmeldelser fra flere kommuner';

export interface ActionContext {
  correlationId?: string;
}

/** Flags from members and the moderators' decisions on them. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly repo: ModerationRepository,
    private readonly content: ContentRepository,
    private readonly deletions: ContentDeletedQueue,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  get threshold(): number {
    return this.config.flagHideThreshold;
  }

  async flagContent(user: SessionUser, contentId: string, input: z.output<typeof CreateFlagSchema>): Promise<FlagResult> {
    return this.repo.transaction(async (manager) => {
      // The row lock makes the threshold decision once, however many flags arrive at the same moment.
      const thread = await this.content.lockContent(contentId, manager);
      if (!thread || !canReadContent(user, contentTarget(thread))) throw contentNotFound();
      if (!canFlagContent(user, contentTarget(thread))) {
        throw ApiException.field(
          '_',
          thread.author_id === user.id ? 'Du kan ikke anmelde dit eget indhold' : 'Kun offentliggjort indhold kan anmeldes',
        );
      }
      const target = { contentId, replyId: null };
      const flag = await this.repo.upsertFlag(target, user, { reason: input.reason, text: input.text ?? null }, manager);
      const hidden = await this.hideIfThresholdReached(target, thread, null, manager);
      return { id: Number(flag.id), reason: flag.reason, hiddenPendingReview: hidden || thread.hidden_by_flags === true };
    });
  }

  async flagReply(user: SessionUser, replyId: string, input: z.output<typeof CreateFlagSchema>): Promise<FlagResult> {
    return this.repo.transaction(async (manager) => {
      const { thread, reply } = await this.lockReplyInThread(user, replyId, manager);
      if (!canFlagReply(user, contentTarget(thread), replyTarget(reply))) {
        throw ApiException.field('_', reply.author_id === user.id ? 'Du kan ikke anmelde dit eget svar' : 'Svaret kan ikke anmeldes');
      }
      const target = { contentId: thread.id, replyId };
      const flag = await this.repo.upsertFlag(target, user, { reason: input.reason, text: input.text ?? null }, manager);
      const hidden = await this.hideIfThresholdReached(target, thread, reply, manager);
      return { id: Number(flag.id), reason: flag.reason, hiddenPendingReview: hidden };
    });
  }

  /** Enough municipalities: hidden pending review, audited (no actor: the rule did it) and the author told. */
  private async hideIfThresholdReached(
    target: FlagTarget,
    thread: ContentLockRow,
    reply: ReplyLockRow | null,
    manager: EntityManager,
  ): Promise<boolean> {
    const organizations = await this.repo.openOrganizationCount(target, manager);
    if (organizations < this.threshold) return false;
    if (reply) {
      if (reply.hidden) return false;
      await this.content.setReplyFlags(reply.id, { hidden: true, hiddenByFlags: true, hiddenReason: HIDDEN_BY_FLAGS_REASON }, manager);
      await this.content.refreshThreadCounters(thread.id, manager);
    } else {
      if (thread.status !== 'published') return false;
      await this.content.setContentFlags(
        thread.id,
        { status: 'hidden', hiddenByFlags: true, hiddenReason: HIDDEN_BY_FLAGS_REASON },
        manager,
      );
    }
    await this.audit.record(
      {
        actorId: null,
        action: reply ? 'reply.hide_by_flags' : 'content.hide_by_flags',
        targetType: reply ? 'reply' : 'content',
        targetId: reply ? reply.id : thread.id,
        organizationId: reply ? reply.organization_id : thread.organization_id,
        reason: `Anmeldt af ${organizations} kommuner`,
        before: { hidden: false },
        after: { hidden: true, hiddenByFlags: true, organizations },
      },
      manager,
    );
    await this.notifications.notify(
      [reply ? reply.author_id : thread.author_id],
      { type: 'moderation.hidden_by_flags', contentId: thread.id, actorId: null, data: { reply: reply !== null } },
      manager,
    );
    return true;
  }

  /** One decision for every open flag on the flagged item, applied to the item, audited, and told to its author. */
  async resolve(
    moderator: SessionUser,
    flagId: string,
    input: z.output<typeof ResolveFlagSchema>,
    context: ActionContext = {},
  ): Promise<{ resolved: number; action: FlagResolution }> {
    requireAccess(canModerateContent(moderator), 'Kun moderatorer kan behandle anmeldelser.');
    const flag = await this.repo.findFlag(flagId);
    if (!flag) throw ApiException.notFound('Anmeldelsen findes ikke.');
    return this.repo.transaction(async (manager) => {
      const thread = await this.content.lockContent(flag.content_id, manager);
      const reply = flag.reply_id ? await this.content.lockReply(flag.reply_id, manager) : null;
      if (!thread || (flag.reply_id && !reply)) throw ApiException.notFound('Det anmeldte indhold findes ikke længere.');
      // Moved to another thread while we waited (its flags move with it): decide again from the queue.
      if (reply && reply.content_id !== thread.id)
        throw ApiException.conflict('CONFLICT', 'Svaret er flyttet til en anden tråd. Prøv igen.');
      // Decided by someone else while we waited for the lock.
      const current = await this.repo.findFlag(flagId, manager);
      if (!current || current.resolved_at !== null) throw ApiException.field('_', 'Anmeldelsen er allerede behandlet');
      if ((reply ? reply.deleted_at : thread.deleted_at) !== null && input.action !== 'dismiss') {
        throw ApiException.field('action', 'Indholdet er slettet; anmeldelsen kan kun afvises');
      }
      const target = { contentId: thread.id, replyId: reply?.id ?? null };
      const ids = await this.repo.resolveOpen(
        target,
        { resolution: input.action, reason: input.reason ?? null, moderatorId: moderator.id },
        manager,
      );
      const { before, after } = reply
        ? await this.applyToReply(input.action, input.reason ?? null, thread, reply, manager)
        : await this.applyToContent(input.action, input.reason ?? null, thread, manager);
      await this.audit.record(
        {
          actorId: moderator.id,
          action: `moderation.${input.action}`,
          targetType: reply ? 'reply' : 'content',
          targetId: reply ? reply.id : thread.id,
          organizationId: reply ? reply.organization_id : thread.organization_id,
          reason: input.reason ?? null,
          before,
          after: { ...after, flags: ids.map(Number) },
          correlationId: context.correlationId,
        },
        manager,
      );
      if (input.action === 'hide' || input.action === 'lock' || input.action === 'delete') {
        await this.notifications.notify(
          [reply ? reply.author_id : thread.author_id],
          {
            type: 'moderation.action',
            // A deleted item can no longer be read, so the notification carries its title instead of a link.
            contentId: input.action === 'delete' && !reply ? null : thread.id,
            actorId: moderator.id,
            data: { action: input.action, reason: input.reason ?? null, reply: reply !== null, title: thread.title },
          },
          manager,
        );
      }
      return { resolved: ids.length, action: input.action };
    });
  }

  private async applyToContent(
    action: FlagResolution,
    reason: string | null,
    thread: ContentLockRow,
    manager: EntityManager,
  ): Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }> {
    const before = { status: thread.status, locked: thread.locked, hiddenByFlags: thread.hidden_by_flags };
    const heldByFlags = thread.status === 'hidden' && thread.hidden_by_flags;
    const release = heldByFlags ? { status: 'published' as const, hiddenByFlags: false, hiddenReason: null } : {};
    const changes =
      action === 'dismiss' || action === 'edit'
        ? release
        : action === 'hide'
          ? { status: 'hidden' as const, hiddenByFlags: false, hiddenReason: reason }
          : action === 'lock'
            ? { ...release, locked: true }
            : { deleted: true };
    // A draft, or an item in review or scheduled, is not out: there is nothing to hide (and "Vis igen" would publish it).
    if (action === 'hide' && thread.status !== 'published' && thread.status !== 'hidden') {
      throw ApiException.field('action', 'Kun offentliggjort indhold kan skjules');
    }
    if (Object.keys(changes).length > 0) await this.content.setContentFlags(thread.id, changes, manager);
    if (action === 'delete') await this.deletions.deleted(thread.id, manager);
    return { before, after: { ...before, ...changes } };
  }

  private async applyToReply(
    action: FlagResolution,
    reason: string | null,
    thread: ContentLockRow,
    reply: ReplyLockRow,
    manager: EntityManager,
  ): Promise<{ before: Record<string, unknown>; after: Record<string, unknown> }> {
    const before = { hidden: reply.hidden, hiddenByFlags: reply.hidden_by_flags, threadLocked: thread.locked };
    const release = reply.hidden && reply.hidden_by_flags ? { hidden: false, hiddenByFlags: false, hiddenReason: null } : {};
    let after: Record<string, unknown>;
    if (action === 'dismiss' || action === 'edit') {
      if (Object.keys(release).length > 0) await this.content.setReplyFlags(reply.id, release, manager);
      after = { ...before, ...release };
    } else if (action === 'hide') {
      await this.content.setReplyFlags(reply.id, { hidden: true, hiddenByFlags: false, hiddenReason: reason }, manager);
      if (thread.accepted_reply_id === reply.id) await this.content.setAcceptedReply(thread.id, null, manager);
      after = { ...before, hidden: true, hiddenByFlags: false };
    } else if (action === 'lock') {
      // A reply has no lock of its own: the thread is locked against further replies.
      if (Object.keys(release).length > 0) await this.content.setReplyFlags(reply.id, release, manager);
      await this.content.setContentFlags(thread.id, { locked: true }, manager);
      after = { ...before, ...release, threadLocked: true };
    } else {
      await this.content.setReplyFlags(reply.id, { deleted: true }, manager);
      if (thread.accepted_reply_id === reply.id) await this.content.setAcceptedReply(thread.id, null, manager);
      after = { ...before, deleted: true };
    }
    await this.content.refreshThreadCounters(thread.id, manager);
    return { before, after };
  }

  private async lockReplyInThread(
    user: SessionUser,
    replyId: string,
    manager: EntityManager,
  ): Promise<{ thread: ContentLockRow; reply: ReplyLockRow }> {
    const found = await this.content.findReply(replyId, null, manager);
    if (!found) throw replyNotFound();
    // Thread first, then the reply: the order every reply write locks in.
    const thread = await this.content.lockContent(found.content_id, manager);
    const reply = await this.content.lockReply(replyId, manager);
    if (!thread || !reply || reply.content_id !== thread.id || reply.deleted_at !== null) throw replyNotFound();
    if (!canReadContent(user, contentTarget(thread)) || !canReadReply(user, replyTarget(reply))) throw replyNotFound();
    return { thread, reply };
  }

  async queue(moderator: SessionUser, status: 'open' | 'resolved', page: number): Promise<ModerationQueue> {
    requireAccess(canModerateContent(moderator), 'Kun moderatorer kan se anmeldelser.');
    const { rows, total } = await this.repo.queueTargets(status, QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE);
    const flags = await this.repo.flagsOf([...new Set(rows.map((row) => row.content_id))]);
    return {
      items: rows.map((row) => this.toQueueItem(row, flags, status)),
      total,
      page,
      pageSize: QUEUE_PAGE_SIZE,
      threshold: this.threshold,
    };
  }

  private toQueueItem(row: QueueTargetRow, flags: FlagRow[], status: 'open' | 'resolved'): ModerationQueueItem {
    const mine = flags.filter((flag) => flag.content_id === row.content_id && flag.reply_id === row.reply_id).map(toQueueFlag);
    const open = mine.filter((flag) => flag.resolution === null);
    const resolved = mine.filter((flag) => flag.resolution !== null);
    const deleted = row.reply_id ? row.reply_deleted === true || row.content_deleted : row.content_deleted;
    const path = contentPath({ kind: row.kind, id: Number(row.content_id), slug: row.slug });
    return {
      target: {
        type: row.reply_id ? 'reply' : 'content',
        contentId: Number(row.content_id),
        replyId: row.reply_id ? Number(row.reply_id) : null,
        kind: row.kind,
        title: row.title,
        path: row.reply_id ? `${path}#svar-${row.reply_id}` : path,
        excerpt: row.reply_id ? (row.reply_text ?? '') : row.summary,
        author:
          row.author_name === null
            ? null
            : {
                name: row.author_name,
                organization: { code: row.author_organization_code ?? '', name: row.author_organization_name ?? '' },
              },
        status: deleted ? 'deleted' : row.reply_id ? (row.reply_hidden ? 'hidden' : 'published') : row.status,
        hiddenByFlags: row.reply_id ? row.reply_hidden_by_flags === true : row.content_hidden_by_flags,
        locked: row.locked,
      },
      flags: status === 'open' ? open : resolved,
      organizationCount: row.organization_count,
      history: status === 'open' ? resolved : [],
    };
  }
}

function toQueueFlag(row: FlagRow): QueueFlag {
  return {
    id: Number(row.id),
    reason: row.reason,
    text: row.text,
    flaggedBy:
      row.flagger_name === null
        ? null
        : { name: row.flagger_name, organization: { code: row.flagger_organization_code, name: row.flagger_organization_name } },
    createdAt: row.created_at.toISOString(),
    resolution: row.resolution,
    resolutionReason: row.resolution_reason,
    resolvedBy:
      row.resolver_name === null
        ? null
        : {
            name: row.resolver_name,
            organization: { code: row.resolver_organization_code ?? '', name: row.resolver_organization_name ?? '' },
          },
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
  };
}
