import { Injectable } from '@nestjs/common';
import {
  SuggestionStatus,
  WebinarStatus,
  type ContentDetail,
  type MergeInput,
  type StatusChange,
  type SuggestionStatus as SuggestionStatusValue,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { FollowsService } from '../follows/follows.service.js';
import { AuditService } from '../audit/audit.service.js';
import { canChangeStatus, contentReadScope, isKombitStaff, requireAccess, STATUS_KINDS } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { contentNotFound, contentTarget } from '../content/content-targets.js';
import { ContentRepository, type ContentLockRow } from '../content/content.repository.js';
import { ContentService, type ActionContext } from '../content/content.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebinarRepository } from './webinar.repository.js';

type LockedWebinar = NonNullable<Awaited<ReturnType<WebinarRepository['shareLockWebinar']>>>;

const MERGED_REASON_MAX = 500;

/**
 * Suggestions and webinars move through their statuses only by KOMBIT's moderators. Each step is a timeline
 * row, an audit entry and a notification to the suggester and the voters, all in one transaction. A webinar
 * marked held takes its planned suggestions to held; a cancelled one sends them back to "considering".
 */
@Injectable()
export class LifecycleService {
  constructor(
    private readonly content: ContentService,
    private readonly contentRepo: ContentRepository,
    private readonly repo: WebinarRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly follows: FollowsService,
  ) {}

  async changeStatus(actor: SessionUser, id: string, input: StatusChange, context: ActionContext = {}): Promise<ContentDetail> {
    requireAccess(isKombitStaff(actor), 'Kun KOMBITs moderatorer kan ændre status.');
    await this.contentRepo.transaction(async (manager) => {
      // A suggestion planned for a webinar: that webinar is locked first (see shareLockWebinar), read unlocked to find it.
      const peek = await this.contentRepo.findVisible(id, contentReadScope(actor), actor.id, manager);
      const peekedWebinarId =
        peek?.kind === 'suggestion'
          ? (input.webinarId ?? (typeof peek.attributes.webinarId === 'number' ? peek.attributes.webinarId : undefined))
          : undefined;
      const webinar =
        peekedWebinarId !== undefined && (input.status === 'planned' || input.status === 'held')
          ? await this.repo.shareLockWebinar(String(peekedWebinarId), manager)
          : null;
      const current = await this.content.lockReadable(actor, id, manager);
      if (!STATUS_KINDS.includes(current.kind)) throw ApiException.field('status', 'Kun emneforslag og webinarer har en status');
      if (!canChangeStatus(actor, contentTarget(current)))
        throw ApiException.field('status', 'En kladde får status, når den offentliggøres');
      if (current.kind === 'suggestion') await this.changeSuggestion(actor, current, input, webinar, manager, context);
      else await this.changeWebinar(actor, current, input, manager, context);
    });
    return this.content.get(actor, id);
  }

  private async changeSuggestion(
    actor: SessionUser,
    current: ContentLockRow,
    input: StatusChange,
    locked: LockedWebinar | null,
    manager: EntityManager,
    context: ActionContext,
  ): Promise<void> {
    const parsed = SuggestionStatus.safeParse(input.status);
    if (!parsed.success) throw ApiException.field('status', 'Vælg en status: ny, overvejes, planlagt, afholdt eller afvist');
    const to = parsed.data;
    if (current.duplicate_of_id !== null) throw ApiException.field('status', 'Forslaget er slået sammen med et andet; skift status dér');
    if (to === 'declined' && !input.reason) throw ApiException.field('reason', 'Skriv en begrundelse, når et forslag afvises');
    const attributes = current.attributes;
    const from = typeof attributes.status === 'string' ? attributes.status : 'new';
    let webinar: { id: string; title: string } | null = null;
    const webinarId =
      input.webinarId !== undefined
        ? String(input.webinarId)
        : typeof attributes.webinarId === 'number'
          ? String(attributes.webinarId)
          : null;
    if (to === 'planned' && webinarId === null) throw ApiException.field('webinarId', 'Vælg det webinar, forslaget er planlagt til');
    if ((to === 'planned' || to === 'held') && webinarId !== null) {
      // Only a published webinar the voters can read, still to come (or, for "held", not cancelled).
      const found = locked?.id === webinarId ? locked : null;
      if (!found || found.kind !== 'webinar' || found.status !== 'published' || found.visibility === 'organization') {
        throw ApiException.field('webinarId', 'Webinaret findes ikke');
      }
      const webinarStatus = found.attributes.status;
      if (to === 'planned' ? webinarStatus !== 'planned' : webinarStatus === 'cancelled') {
        throw ApiException.field(
          'webinarId',
          webinarStatus === 'cancelled' ? 'Webinaret er aflyst' : 'Webinaret er allerede afholdt; vælg Afholdt som status',
        );
      }
      webinar = { id: found.id, title: found.title };
    }
    const keepsWebinar = to === 'planned' || to === 'held';
    if (from === to && (!keepsWebinar || String(attributes.webinarId ?? '') === (webinar?.id ?? ''))) {
      throw ApiException.field('status', 'Forslaget har allerede den status');
    }
    const { webinarId: _previous, ...rest } = attributes;
    const next = { ...rest, status: to, ...(keepsWebinar && webinar ? { webinarId: Number(webinar.id) } : {}) };
    await this.recordSuggestionStep(actor, current, from, to, input.reason ?? null, webinar, next, manager, context);
  }

  /** One step of a suggestion: attributes, timeline, notification, audit. Also used by the webinar cascade. */
  private async recordSuggestionStep(
    actor: SessionUser,
    current: ContentLockRow | { id: string; author_id: string | null; organization_id?: string },
    from: string,
    to: SuggestionStatusValue,
    reason: string | null,
    webinar: { id: string; title: string } | null,
    attributes: Record<string, unknown>,
    manager: EntityManager,
    context: ActionContext,
  ): Promise<void> {
    await this.repo.setAttributes(current.id, attributes, manager);
    await this.repo.insertStatusChange(
      { contentId: current.id, from, to, reason, webinarId: webinar?.id ?? null, actorId: actor.id },
      manager,
    );
    const voters = await this.repo.voterIds(current.id, manager);
    const told = [current.author_id, ...voters.map((voter) => voter.user_id)];
    const data = {
      from,
      to,
      ...(reason ? { reason } : {}),
      ...(webinar ? { webinarId: Number(webinar.id), webinarTitle: webinar.title } : {}),
    };
    await this.notifications.notify(told, { type: 'suggestion.status', contentId: current.id, actorId: actor.id, data }, manager);
    // The webinar's cascade passes a narrower row; there, followers hear of the webinar itself.
    if ('kind' in current)
      await this.follows.onStatusChange(current, { type: 'suggestion.status', actorId: actor.id, data }, told, manager);
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'content.status',
        targetType: 'content',
        targetId: current.id,
        organizationId: current.organization_id ?? null,
        reason,
        before: { status: from },
        after: { status: to, webinarId: webinar ? Number(webinar.id) : null },
        correlationId: context.correlationId,
      },
      manager,
    );
  }

  private async changeWebinar(
    actor: SessionUser,
    current: ContentLockRow,
    input: StatusChange,
    manager: EntityManager,
    context: ActionContext,
  ): Promise<void> {
    const parsed = WebinarStatus.safeParse(input.status);
    if (!parsed.success) throw ApiException.field('status', 'Vælg en status: planlagt, afholdt eller aflyst');
    const to = parsed.data;
    if (input.webinarId !== undefined) throw ApiException.field('webinarId', 'Et webinar planlægges ikke til et andet webinar');
    if (to === 'cancelled' && !input.reason) throw ApiException.field('reason', 'Skriv en begrundelse, når et webinar aflyses');
    const from = typeof current.attributes.status === 'string' ? current.attributes.status : 'planned';
    if (from === to) throw ApiException.field('status', 'Webinaret har allerede den status');

    await this.repo.setAttributes(current.id, { ...current.attributes, status: to }, manager);
    await this.repo.insertStatusChange(
      { contentId: current.id, from, to, reason: input.reason ?? null, webinarId: null, actorId: actor.id },
      manager,
    );
    const registrants = await this.repo.registrantIds(current.id, manager);
    const told = registrants.map((row) => row.user_id);
    const data = { from, to, ...(input.reason ? { reason: input.reason } : {}) };
    await this.notifications.notify(told, { type: 'webinar.status', contentId: current.id, actorId: actor.id, data }, manager);
    await this.follows.onStatusChange(current, { type: 'webinar.status', actorId: actor.id, data }, told, manager);
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'content.status',
        targetType: 'content',
        targetId: current.id,
        organizationId: current.organization_id,
        reason: input.reason ?? null,
        before: { status: from },
        after: { status: to },
        correlationId: context.correlationId,
      },
      manager,
    );

    // The suggestions this webinar answers follow it.
    if (to !== 'held' && to !== 'cancelled') return;
    const webinar = { id: current.id, title: current.title };
    for (const suggestion of await this.repo.lockPlannedSuggestions(current.id, manager)) {
      if (to === 'held') {
        await this.recordSuggestionStep(
          actor,
          suggestion,
          'planned',
          'held',
          null,
          webinar,
          { ...suggestion.attributes, status: 'held' },
          manager,
          context,
        );
      } else {
        const { webinarId: _cancelled, ...rest } = suggestion.attributes;
        await this.recordSuggestionStep(
          actor,
          suggestion,
          'planned',
          'considering',
          // The webinar is named by the step's link (shown to those who may read it), not in the text.
          'Webinaret blev aflyst',
          webinar,
          { ...rest, status: 'considering' },
          manager,
          context,
        );
      }
    }
  }

  /** A duplicate suggestion joins the one kept: votes move (each voter once), the duplicate is declined and locked. */
  async merge(actor: SessionUser, sourceId: string, input: MergeInput, context: ActionContext = {}): Promise<ContentDetail> {
    requireAccess(isKombitStaff(actor), 'Kun KOMBITs moderatorer kan slå forslag sammen.');
    const targetId = String(input.intoId);
    if (targetId === sourceId) throw ApiException.field('intoId', 'Et forslag kan ikke slås sammen med sig selv');
    await this.contentRepo.transaction(async (manager) => {
      // Both rows, always in id order: two merges of the same pair the other way round cannot deadlock.
      const [firstId, secondId] = [sourceId, targetId].sort((a, b) => Number(a) - Number(b)) as [string, string];
      const first = await this.contentRepo.lockContent(firstId, manager);
      const second = await this.contentRepo.lockContent(secondId, manager);
      const source = firstId === sourceId ? first : second;
      const target = firstId === sourceId ? second : first;
      const scope = contentReadScope(actor);
      if (!source || source.deleted_at !== null || !(await this.repo.readableRefs([sourceId], scope, manager)).length)
        throw contentNotFound();
      if (source.kind !== 'suggestion') throw ApiException.field('intoId', 'Kun emneforslag kan slås sammen');
      if (!target || target.deleted_at !== null || target.kind !== 'suggestion' || target.status !== 'published') {
        throw ApiException.field('intoId', 'Det forslag, der skal beholdes, findes ikke');
      }
      if (source.status !== 'published') throw ApiException.field('intoId', 'Kun offentliggjorte forslag kan slås sammen');
      if (source.duplicate_of_id !== null) throw ApiException.conflict('CONFLICT', 'Forslaget er allerede slået sammen med et andet.');
      if (target.duplicate_of_id !== null)
        throw ApiException.field('intoId', 'Det valgte forslag er selv slået sammen med et andet; vælg det');

      const voters = await this.repo.voterIds(sourceId, manager);
      const score = await this.repo.moveVotes(sourceId, targetId, target.author_id, manager);
      const from = typeof source.attributes.status === 'string' ? source.attributes.status : 'new';
      // The kept suggestion is named by the item's "same as" link (shown to those who may read it), not in the text.
      const reason = ['Slået sammen med et lignende forslag', input.reason].filter(Boolean).join(': ').slice(0, MERGED_REASON_MAX);
      const { webinarId: _dropped, ...rest } = source.attributes;
      await this.repo.markMerged(sourceId, targetId, { ...rest, status: 'declined' }, manager);
      await this.repo.insertStatusChange(
        { contentId: sourceId, from, to: 'declined', reason, webinarId: null, actorId: actor.id },
        manager,
      );
      await this.notifications.notify(
        [source.author_id, ...voters.map((voter) => voter.user_id)],
        { type: 'suggestion.merged', contentId: sourceId, actorId: actor.id, data: { intoId: Number(targetId) } },
        manager,
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'content.merge',
          targetType: 'content',
          targetId: sourceId,
          organizationId: source.organization_id,
          reason: input.reason ?? null,
          before: { status: from, score: voters.length },
          after: { mergedInto: Number(targetId), targetScore: score },
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.content.get(actor, targetId);
  }
}
