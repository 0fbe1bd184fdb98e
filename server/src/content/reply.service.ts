import { Injectable } from '@nestjs/common';
import type { Reply, VoteResult, VoteValue } from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { FollowsService } from '../follows/follows.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import {
  actsOnOthersContent,
  canAcceptReply,
  canEditReply,
  canFlagReply,
  isKombitStaff,
  canModerateContent,
  canReadContent,
  canReadReply,
  canReplyTo,
  canVoteOnContent,
  canVoteOnReply,
  contentReadScope,
  requireAccess,
} from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { renderMarkdown } from './markdown.js';
import { contentTarget, replyNotFound, replyTarget } from './content-targets.js';
import { toReply } from './content.mapper.js';
import { ContentRepository, type ContentLockRow, type ReplyLockRow } from './content.repository.js';
import { ContentService, type ActionContext } from './content.service.js';

/** Answers, votes and the accepted answer. Each locks the thread row first, so parallel requests queue and counters stay true. */
@Injectable()
export class ReplyService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly content: ContentService,
    private readonly audit: AuditService,
    private readonly follows: FollowsService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: SessionUser, contentId: string, body: string): Promise<Reply> {
    const id = await this.repo.transaction(async (manager) => {
      const thread = await this.content.lockReadable(actor, contentId, manager);
      requireAccess(canReplyTo(actor, contentTarget(thread)), thread.locked ? 'Tråden er låst.' : 'Du kan ikke svare her.');
      const rendered = renderMarkdown(body);
      const replyId = await this.repo.insertReply(
        { contentId, authorId: actor.id, organizationId: actor.organizationId, body, bodyHtml: rendered.html, bodyText: rendered.text },
        manager,
      );
      await this.repo.refreshThreadCounters(contentId, manager);
      await this.follows.onReply(thread, actor.id, manager);
      return replyId;
    });
    return this.view(actor, id);
  }

  async update(
    actor: SessionUser,
    id: string,
    input: { body: string; expectedVersion?: number; reason?: string },
    context: ActionContext = {},
  ): Promise<Reply> {
    await this.repo.transaction(async (manager) => {
      const { thread, reply } = await this.lockReplyInThread(actor, id, manager);
      requireAccess(canEditReply(actor, contentTarget(thread), replyTarget(reply)), 'Du kan ikke redigere dette svar.');
      if (input.expectedVersion !== undefined && input.expectedVersion !== reply.version) {
        throw ApiException.conflict(
          'CONFLICT',
          'Svaret er blevet ændret af en anden, siden du begyndte at redigere. Hent den nyeste version.',
        );
      }
      const moderatorEdit = actsOnOthersContent(actor, { authorId: reply.author_id });
      if (moderatorEdit && !input.reason) throw ApiException.field('reason', 'Skriv en begrundelse, når du redigerer andres svar');
      if (input.body === reply.body) return;
      await this.repo.insertRevision(
        {
          contentId: thread.id,
          replyId: id,
          version: reply.version,
          title: thread.title,
          body: reply.body,
          tags: [],
          attributes: {},
          editorId: actor.id,
          reason: input.reason ?? null,
        },
        manager,
      );
      const rendered = renderMarkdown(input.body);
      await this.repo.updateReplyBody(id, { body: input.body, bodyHtml: rendered.html, bodyText: rendered.text }, manager);
      if (moderatorEdit) await this.record(actor, 'reply.edit', reply, input.reason, context, manager, { version: reply.version });
    });
    return this.view(actor, id);
  }

  async remove(actor: SessionUser, id: string, reason: string | undefined, context: ActionContext = {}): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const { thread, reply } = await this.lockReplyInThread(actor, id, manager);
      requireAccess(canEditReply(actor, contentTarget(thread), replyTarget(reply)), 'Du kan ikke slette dette svar.');
      const moderatorAction = actsOnOthersContent(actor, { authorId: reply.author_id });
      if (moderatorAction && !reason) throw ApiException.field('reason', 'Skriv en begrundelse, når du sletter andres svar');
      await this.repo.setReplyFlags(id, { deleted: true }, manager);
      if (thread.accepted_reply_id === id) await this.repo.setAcceptedReply(thread.id, null, manager);
      await this.repo.refreshThreadCounters(thread.id, manager);
      if (moderatorAction) {
        await this.record(actor, 'reply.delete', reply, reason, context, manager);
        await this.notifications.notify(
          [reply.author_id],
          {
            type: 'moderation.action',
            contentId: thread.id,
            actorId: actor.id,
            data: { action: 'delete', reason: reason ?? null, reply: true },
          },
          manager,
        );
      }
    });
  }

  /** Moves an answer to the thread it belongs in (moderators). */
  async move(actor: SessionUser, id: string, input: { contentId: number; reason: string }, context: ActionContext = {}): Promise<Reply> {
    requireAccess(canModerateContent(actor), 'Kun moderatorer kan flytte svar.');
    await this.repo.transaction(async (manager) => {
      const targetId = String(input.contentId);
      const replyRow = await this.repo.findReply(id, actor.id, manager);
      if (!replyRow) throw replyNotFound();
      if (replyRow.content_id === targetId) throw ApiException.field('contentId', 'Svaret er allerede i den tråd');
      // Both threads locked in id order, so two moves in opposite directions cannot deadlock.
      const [first, second] = [replyRow.content_id, targetId].sort((a, b) => Number(a) - Number(b));
      const locked = new Map<string, ContentLockRow | null>();
      locked.set(first!, await this.repo.lockContent(first!, manager));
      locked.set(second!, await this.repo.lockContent(second!, manager));
      const source = locked.get(replyRow.content_id);
      const target = locked.get(targetId);
      // Checked again under the locks: a move of the same reply at the same moment may have taken it elsewhere.
      const current = await this.repo.lockReply(id, manager);
      if (
        !source ||
        !canReadContent(actor, contentTarget(source)) ||
        !current ||
        current.deleted_at !== null ||
        current.content_id !== source.id
      ) {
        throw replyNotFound();
      }
      if (!target || !canReadContent(actor, contentTarget(target)) || target.kind !== 'question') {
        throw ApiException.field('contentId', 'Der findes ikke et spørgsmål med det id');
      }
      await this.repo.setReplyFlags(id, { contentId: targetId }, manager);
      // Its flags follow it, so the queue, the threshold and a decision all act on the thread it is in now.
      await this.repo.moveReplyFlags(id, targetId, manager);
      if (source.accepted_reply_id === id) await this.repo.setAcceptedReply(source.id, null, manager);
      await this.repo.refreshThreadCounters(source.id, manager);
      await this.repo.refreshThreadCounters(targetId, manager);
      await this.record(actor, 'reply.move', current, input.reason, context, manager, { contentId: targetId }, { contentId: source.id });
    });
    return this.view(actor, id);
  }

  /** Marks the answer accepted (the question becomes solved); accepting another answer replaces it. */
  async accept(actor: SessionUser, id: string, context: ActionContext = {}): Promise<Reply> {
    await this.repo.transaction(async (manager) => {
      const { thread, reply } = await this.lockReplyInThread(actor, id, manager);
      requireAccess(canAcceptReply(actor, contentTarget(thread)), 'Kun den der har spurgt, eller en moderator, kan acceptere et svar.');
      if (reply.hidden) throw ApiException.field('_', 'Et skjult svar kan ikke accepteres');
      if (thread.accepted_reply_id === id) return;
      await this.repo.setAcceptedReply(thread.id, id, manager);
      await this.notifications.notify(
        [reply.author_id],
        { type: 'reply.accepted', contentId: thread.id, actorId: actor.id, data: {} },
        manager,
      );
      if (actsOnOthersContent(actor, { authorId: thread.author_id })) {
        await this.record(
          actor,
          'reply.accept',
          reply,
          null,
          context,
          manager,
          { accepted: true },
          { acceptedReplyId: thread.accepted_reply_id },
        );
      }
    });
    return this.view(actor, id);
  }

  async unaccept(actor: SessionUser, id: string, context: ActionContext = {}): Promise<Reply> {
    await this.repo.transaction(async (manager) => {
      const { thread, reply } = await this.lockReplyInThread(actor, id, manager);
      requireAccess(
        canAcceptReply(actor, contentTarget(thread)),
        'Kun den der har spurgt, eller en moderator, kan ændre det accepterede svar.',
      );
      if (thread.accepted_reply_id !== id) return;
      await this.repo.setAcceptedReply(thread.id, null, manager);
      if (actsOnOthersContent(actor, { authorId: thread.author_id })) {
        await this.record(actor, 'reply.unaccept', reply, null, context, manager, { accepted: false });
      }
    });
    return this.view(actor, id);
  }

  async voteOnContent(actor: SessionUser, contentId: string, value: VoteValue): Promise<VoteResult> {
    return this.repo.transaction(async (manager) => {
      const thread = await this.content.lockReadable(actor, contentId, manager);
      requireAccess(canVoteOnContent(actor, contentTarget(thread)), voteRefusal(actor, thread));
      // A topic gets votes for it, none against: the list ranks what most people want.
      if (thread.kind === 'suggestion' && value === -1)
        throw ApiException.field('value', 'Et emneforslag kan kun få en stemme for (1) eller ingen (0)');
      const score = await this.repo.setVote({ contentId }, actor.id, value, manager);
      return { score, myVote: value };
    });
  }

  async voteOnReply(actor: SessionUser, id: string, value: VoteValue): Promise<VoteResult> {
    return this.repo.transaction(async (manager) => {
      const { thread, reply } = await this.lockReplyInThread(actor, id, manager);
      requireAccess(
        canVoteOnReply(actor, contentTarget(thread), replyTarget(reply)),
        reply.author_id === actor.id ? 'Du kan ikke stemme på dit eget svar.' : 'Du kan ikke stemme her.',
      );
      const score = await this.repo.setVote({ replyId: id }, actor.id, value, manager);
      return { score, myVote: value };
    });
  }

  // ---- helpers ----

  /** Locks the thread, then the reply (always in that order); unreadable → not found. */
  private async lockReplyInThread(
    actor: SessionUser,
    id: string,
    manager: EntityManager,
  ): Promise<{ thread: ContentLockRow; reply: ReplyLockRow }> {
    const unlocked = await this.repo.findReply(id, null, manager);
    if (!unlocked) throw replyNotFound();
    const thread = await this.repo.lockContent(unlocked.content_id, manager);
    const reply = await this.repo.lockReply(id, manager);
    // Moved or deleted while we waited for the locks: treat as gone.
    if (!thread || !reply || reply.content_id !== thread.id || reply.deleted_at !== null) throw replyNotFound();
    if (!canReadContent(actor, contentTarget(thread)) || !canReadReply(actor, replyTarget(reply))) throw replyNotFound();
    return { thread, reply };
  }

  /** One reply, under the same rules as its thread; what the viewer may not see is "not found". */
  async get(viewer: SessionUser | undefined, id: string): Promise<Reply> {
    return this.view(viewer, id);
  }

  private async view(actor: SessionUser | undefined, id: string): Promise<Reply> {
    const row = await this.repo.findReply(id, actor?.id ?? null);
    if (!row) throw replyNotFound();
    const thread = await this.repo.findVisible(row.content_id, contentReadScope(actor), actor?.id ?? null);
    if (!thread || !canReadReply(actor, replyTarget(row))) throw replyNotFound();
    const target = contentTarget(thread);
    const editable = canEditReply(actor, target, replyTarget(row));
    return toReply(
      row,
      thread.accepted_reply_id,
      actor?.id ?? null,
      {
        edit: editable,
        delete: editable,
        vote: canVoteOnReply(actor, target, replyTarget(row)),
        accept: canAcceptReply(actor, target) && !row.hidden,
        flag: canFlagReply(actor, target, replyTarget(row)),
      },
      isKombitStaff(actor),
    );
  }

  private async record(
    actor: SessionUser,
    action: string,
    reply: ReplyLockRow,
    reason: string | null | undefined,
    context: ActionContext,
    manager: EntityManager,
    after?: Record<string, unknown>,
    before?: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        actorId: actor.id,
        action,
        targetType: 'reply',
        targetId: reply.id,
        organizationId: reply.organization_id,
        reason: reason ?? null,
        before: before ?? null,
        after: after ?? null,
        correlationId: context.correlationId,
      },
      manager,
    );
  }
}

function voteRefusal(actor: SessionUser, thread: ContentLockRow): string {
  if (thread.author_id === actor.id) return 'Du kan ikke stemme på dit eget indlæg.';
  if (thread.locked) return 'Tråden er låst.';
  return 'Du kan ikke stemme her.';
}
