import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import {
  ATTRIBUTE_SCHEMAS,
  slugify,
  WRITABLE_KINDS,
  type ContentDetail,
  type ContentKind,
  type ContentList,
  type CreateContent,
  type GuideAttributes,
  type ReviewList,
  type ReviewListQuerySchema,
  type ReviewState,
  REVIEWED_KINDS,
  type CaseAttributes,
  type ListContentQuery,
  type SuggestionAttributes,
  type WebinarAttributes,
  type WebinarDetails,
  type ModerationAction,
  type Revision,
  type UpdateContent,
  type WritableKind,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import {
  actsOnOthersContent,
  canAcceptReply,
  canAttachTo,
  canChangeStatus,
  canCreateKind,
  canEditContent,
  canRegisterFor,
  canEditReply,
  canFlagContent,
  canMarkChecked,
  canFlagReply,
  canModerateContent,
  canReadContent,
  canReplyTo,
  canVoteOnContent,
  canVoteOnReply,
  contentReadScope,
  isKombitStaff,
  mustBeReviewed,
  canEditMaterial,
  requireAccess,
  AWAITING_PUBLICATION,
  STATUS_KINDS,
  ATTACHABLE_KINDS,
  type ContentReadScope,
  type ContentTarget,
  type ContentViewer,
} from '../common/access-policy.js';
import { ApiException, fieldErrorsFromZod, type FieldErrors } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { renderMarkdown } from './markdown.js';
import { contentNotFound, contentTarget, replyTarget } from './content-targets.js';
import { toContentDetail, toContentSummary, toReply, toRevision } from './content.mapper.js';
import { ContentRepository, type ContentLockRow, type ContentWrite, type ReviewStateRow } from './content.repository.js';
import type { z } from 'zod';
import { toAttachment } from '../attachments/attachment.mapper.js';
import { toContentRef, toTimelineEntry } from '../webinars/webinar.mapper.js';
import { WebinarRepository } from '../webinars/webinar.repository.js';
import { visibleAttributes, visibleRevisionAttributes } from '../webinars/attribute-privacy.js';
import { CasesService } from '../cases/cases.service.js';
import { FollowsService } from '../follows/follows.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { isKombitMaterial, publishingTarget, toPublishingState } from '../publishing/publishing-state.js';
import { PublishingRepository } from '../publishing/publishing.repository.js';
import { ContentDeletedQueue } from './content-deleted-queue.js';

export const THREAD_REPLIES_SHOWN = 100;
const REVIEW_REQUIRED = 'KOMBIT-materiale skal godkendes af en moderator: gem det som kladde og send det til godkendelse';
export const REVIEW_PAGE_SIZE = 50;

function toReviewState(row: ReviewStateRow): ReviewState {
  return { checkedAt: row.checked_at.toISOString(), due: row.due, phasedOut: row.phased_out };
}

/** The component a guide is about, or a case moved to: always among the item's components. */
function primaryComponent(kind: ContentKind, attributes: Record<string, unknown>): string | null {
  if (kind === 'guide') return (attributes as GuideAttributes).component;
  if (kind === 'case') return (attributes as CaseAttributes).to.component;
  return null;
}
const SUMMARY_LENGTH = 280;

export interface ActionContext {
  correlationId?: string;
}

/** Shortens plain text to a summary, cut at a word. */
export function summarize(text: string, max = SUMMARY_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Content of every kind: write, edit with revisions, moderate, list and read — each under the access policy. */
@Injectable()
export class ContentService {
  constructor(
    private readonly repo: ContentRepository,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly webinars: WebinarRepository,
    private readonly cases: CasesService,
    private readonly follows: FollowsService,
    private readonly notifications: NotificationsService,
    private readonly publishing: PublishingRepository,
    private readonly deletions: ContentDeletedQueue,
  ) {}

  async list(viewer: SessionUser | undefined, query: ListContentQuery): Promise<ContentList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const mine = query.mine === 'true';
    if (mine && !viewer) throw ApiException.unauthenticated();
    const { rows, total } = await this.repo.list(contentReadScope(viewer), {
      kind: query.kind,
      tag: query.tag,
      componentSlug: query.component,
      organizationCode: query.organization,
      status: query.status,
      state: query.state,
      webinarId: query.webinar !== undefined ? String(query.webinar) : undefined,
      system: query.system,
      supplier: query.supplier,
      authorId: mine ? viewer!.id : undefined,
      viewerId: viewer?.id ?? null,
      sort: query.sort ?? 'newest',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items: rows.map((row) => toContentSummary(row, viewer)), total, page, pageSize };
  }

  /** 404, never 403, for what the viewer may not see: its existence is not revealed. */
  async get(viewer: SessionUser | undefined, id: string): Promise<ContentDetail> {
    const scope = contentReadScope(viewer);
    const staff = isKombitStaff(viewer);
    // Both at once: the replies are thrown away unread when the item itself may not be seen.
    const [row, { rows: replyRows }] = await Promise.all([
      this.repo.findVisible(id, scope, viewer?.id ?? null),
      this.repo.listReplies(id, {
        viewerId: viewer?.id ?? null,
        includeHiddenOf: staff ? 'all' : viewer ? 'own' : 'none',
        limit: THREAD_REPLIES_SHOWN,
        offset: 0,
        withTotal: false,
      }),
    ]);
    if (!row) throw contentNotFound();
    const target = contentTarget(row);
    const [related, review, publishingRow] = await Promise.all([
      this.related(viewer, scope, row, target),
      this.repo.reviewState(row.id),
      row.status === 'published' || row.status === 'hidden' ? null : this.publishing.find(row.id),
    ]);
    // Drafts, items in review and scheduled ones: where they stand in the workflow (their readers may act on them).
    const publishing =
      row.status === 'published' || row.status === 'hidden'
        ? null
        : toPublishingState(viewer, publishingTarget(target, row, publishingRow), publishingRow);
    const acceptAllowed = canAcceptReply(viewer, target);
    const replies = replyRows.map((reply) => {
      const editable = canEditReply(viewer, target, replyTarget(reply));
      return toReply(
        reply,
        row.accepted_reply_id,
        viewer?.id ?? null,
        {
          edit: editable,
          delete: editable,
          vote: canVoteOnReply(viewer, target, replyTarget(reply)),
          accept: acceptAllowed && !reply.hidden,
          flag: canFlagReply(viewer, target, replyTarget(reply)),
        },
        staff,
      );
    });
    const editable = canEditMaterial(viewer, { ...target, kombitMaterial: isKombitMaterial(row) });
    const webinarStatus = typeof row.attributes.status === 'string' ? row.attributes.status : null;
    // Why it is hidden: for those who can see it hidden (its author, the org admin, moderators).
    const moderation = row.status === 'hidden' ? { hiddenReason: row.hidden_reason, hiddenByFlags: row.hidden_by_flags } : null;
    return toContentDetail(
      row,
      replies,
      viewer,
      { ...related, moderation, review: toReviewState(review!), publishing },
      {
        edit: editable,
        delete: editable,
        vote: canVoteOnContent(viewer, target),
        reply: canReplyTo(viewer, target),
        accept: acceptAllowed,
        moderate: canModerateContent(viewer),
        changeStatus: canChangeStatus(viewer, target),
        register: canRegisterFor(viewer, { ...target, webinarStatus }) && related.webinar?.registrationOpen === true,
        attach: canAttachTo(viewer, target),
        merge: canChangeStatus(viewer, target) && row.kind === 'suggestion' && row.duplicate_of_id === null && row.status === 'published',
        flag: canFlagContent(viewer, target),
        markChecked: canMarkChecked(viewer, target),
      },
    );
  }

  /** What a detail page shows beside the item: its timeline, files, and for webinars sign-ups and what links to it. */
  private async related(
    viewer: SessionUser | undefined,
    scope: ContentReadScope,
    row: { id: string; kind: ContentKind; attributes: Record<string, unknown>; status: string; author_id: string | null },
    target: ContentTarget,
  ): Promise<Pick<ContentDetail, 'timeline' | 'attachments' | 'webinar' | 'linkedWebinar' | 'case' | 'toolbox'>> {
    const { id, kind, attributes, status } = row;
    const linkedId =
      (kind === 'suggestion' || kind === 'question') && typeof attributes.webinarId === 'number' ? String(attributes.webinarId) : null;
    const [timeline, attachments, webinar, linked, caseDetails, placements] = await Promise.all([
      STATUS_KINDS.includes(kind) ? this.webinars.timeline(id, scope) : [],
      ATTACHABLE_KINDS.includes(kind) ? this.webinars.attachmentsOf(id) : [],
      kind === 'webinar' ? this.webinarDetails(viewer, scope, id, attributes as WebinarAttributes, status) : null,
      linkedId ? this.webinars.readableRefs([linkedId], scope) : [],
      kind === 'case' ? this.cases.details(viewer, { ...target, id, attributes }) : null,
      this.repo.toolboxPlacements(id),
    ]);
    return {
      timeline: timeline.map(toTimelineEntry),
      attachments: attachments.map(toAttachment),
      webinar,
      linkedWebinar: linked[0] && linked[0].kind === 'webinar' ? toContentRef(linked[0]) : null,
      case: caseDetails,
      toolbox: placements.map((placement) => ({
        slug: placement.slug,
        title: placement.title,
        badge: placement.kombit ? 'published_by_kombit' : 'recommended_by_kombit',
      })),
    };
  }

  private async webinarDetails(
    viewer: SessionUser | undefined,
    scope: ContentReadScope,
    id: string,
    attributes: WebinarAttributes,
    status: string,
  ): Promise<WebinarDetails> {
    // Arrays as the schema writes them; anything else (written outside the API) counts as empty.
    const programme = Array.isArray(attributes.programme) ? attributes.programme : [];
    const hostCodes = Array.isArray(attributes.hosts) ? attributes.hosts.filter((code) => typeof code === 'string') : [];
    const programmeIds = programme.flatMap((item) => (typeof item?.contentId === 'number' ? [String(item.contentId)] : []));
    const [registration, hosts, suggestions, followUps, programmeLinks, dialogueCount] = await Promise.all([
      this.webinars.registrationState(id, viewer?.id ?? null),
      this.webinars.organizationsByCode(hostCodes),
      this.webinars.linkedTo(id, 'suggestion', scope),
      this.webinars.linkedTo(id, 'question', scope),
      this.webinars.readableRefs(programmeIds, scope),
      this.webinars.dialogueCount(id),
    ]);
    return {
      registrationCount: registration.count,
      registered: registration.registered,
      registrationOpen: status === 'published' && attributes.status === 'planned' && new Date(attributes.endsAt) > new Date(),
      hosts,
      suggestions: suggestions.map((row) => ({ ...toContentRef(row), score: row.score, status: row.status ?? 'new' })),
      followUps: followUps.map((row) => ({
        ...toContentRef(row),
        replyCount: row.reply_count,
        solved: row.solved,
        createdAt: row.created_at.toISOString(),
      })),
      programmeLinks: programmeLinks.map(toContentRef),
      dialogueCount,
    };
  }

  async create(actor: SessionUser, input: CreateContent): Promise<ContentDetail> {
    requireAccess(canCreateKind(actor, input.kind), 'Kun KOMBITs moderatorer kan oprette webinarer.');
    if (
      input.status === 'published' &&
      mustBeReviewed(actor, { kombitMaterial: isKombitMaterial({ kind: input.kind, organization_type: actor.organization.type }) })
    ) {
      throw ApiException.field('status', REVIEW_REQUIRED);
    }
    const attributes = await this.completeAttributes(actor, input.kind, input.attributes, null);
    const components = await this.resolveComponents(input.components, primaryComponent(input.kind, attributes));
    const write = this.prepareWrite(input.kind, { ...input, attributes });
    const id = await this.repo.transaction(async (manager) => {
      const newId = await this.repo.insertContent(
        { ...write, kind: input.kind, authorId: actor.id, organizationId: actor.organizationId },
        manager,
      );
      await this.repo.setComponents(newId, components, manager);
      if (STATUS_KINDS.includes(input.kind) && typeof attributes.status === 'string') {
        await this.webinars.insertStatusChange(
          { contentId: newId, from: null, to: attributes.status, reason: null, webinarId: null, actorId: actor.id },
          manager,
        );
      }
      if (write.status === 'published') {
        await this.follows.onPublished(
          { ...write, id: newId, kind: input.kind, author_id: actor.id, organization_id: actor.organizationId, locked: false },
          manager,
        );
      } else if (write.status === 'draft') {
        // The author follows their own item from the start (onPublished does it for published ones).
        await this.follows.followOwn(actor.id, newId, manager);
      }
      return newId;
    });
    return this.get(actor, id);
  }

  async update(actor: SessionUser, id: string, input: UpdateContent, context: ActionContext = {}): Promise<ContentDetail> {
    await this.repo.transaction(async (manager) => {
      const current = await this.lockReadable(actor, id, manager);
      requireAccess(canEditContent(actor, contentTarget(current)), 'Du kan ikke redigere dette indhold.');
      requireAccess(
        canEditMaterial(actor, { ...contentTarget(current), kombitMaterial: isKombitMaterial(current) }),
        'KOMBIT-materiale, der er godkendt, ændres af en moderator. Er udgivelsen planlagt, kan du annullere den og sende materialet til godkendelse igen.',
      );
      if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
        throw ApiException.conflict(
          'CONFLICT',
          'Indholdet er blevet ændret af en anden, siden du begyndte at redigere. Hent den nyeste version og prøv igen.',
        );
      }
      const moderatorEdit = actsOnOthersContent(actor, { authorId: current.author_id });
      if (moderatorEdit && !input.reason) throw ApiException.field('reason', 'Skriv en begrundelse, når du redigerer andres indhold');
      if (input.status !== undefined && current.status === 'hidden') {
        throw ApiException.field('status', 'Skjult indhold kan kun vises igen af en moderator');
      }
      // In review or scheduled, the workflow moves it on (approve, return, withdraw, unschedule), not an edit.
      if (input.status !== undefined && input.status !== current.status && AWAITING_PUBLICATION.includes(current.status)) {
        throw ApiException.field(
          'status',
          current.status === 'in_review'
            ? 'Indholdet er sendt til godkendelse: træk det tilbage, før du ændrer status'
            : 'Udgivelsen er planlagt: annullér den, før du ændrer status',
        );
      }
      if (
        current.status === 'draft' &&
        input.status === 'published' &&
        mustBeReviewed(actor, { kombitMaterial: isKombitMaterial(current) })
      ) {
        throw ApiException.field('status', REVIEW_REQUIRED);
      }
      if (!(WRITABLE_KINDS as readonly string[]).includes(current.kind)) {
        throw ApiException.field('_', 'Denne indholdstype kan ikke redigeres endnu');
      }
      const kind = current.kind as WritableKind;

      // Every read from here on goes through `manager`: a second pool connection, asked for while this transaction
      // holds the row lock, never comes when parallel edits of the same item fill the pool waiting for that lock.
      const attributes =
        input.attributes !== undefined
          ? await this.validateAttributes(actor, kind, input.attributes, current, manager)
          : (current.attributes as Record<string, unknown>);
      const componentSlugs = input.components ?? (await this.repo.componentSlugsOf(id, manager));
      const components =
        input.components !== undefined || input.attributes !== undefined
          ? await this.resolveComponents(componentSlugs, primaryComponent(kind, attributes), manager)
          : null;
      if (input.duplicateOfId !== undefined) await this.checkDuplicateTarget(actor, current, input.duplicateOfId, manager);

      const next = {
        title: input.title ?? current.title,
        body: input.body ?? current.body,
        tags: input.tags ?? current.tags,
        visibility: input.visibility ?? current.visibility,
        status: input.status ?? current.status,
        attributes,
      };
      // Deep equality: jsonb hands back the attributes' keys in its own order.
      const textChanged =
        next.title !== current.title ||
        next.body !== current.body ||
        !isDeepStrictEqual(next.tags, current.tags) ||
        !isDeepStrictEqual(next.attributes, current.attributes);
      if (textChanged) {
        await this.repo.insertRevision(
          {
            contentId: id,
            replyId: null,
            version: current.version,
            title: current.title,
            body: current.body,
            tags: current.tags,
            attributes: current.attributes,
            editorId: actor.id,
            reason: input.reason ?? null,
          },
          manager,
        );
      }
      // Approved toolbox material that changes before it goes out (its text, who may see it, what it is about) goes
      // back to review: the second moderator approved what it was then. The approver's own corrections keep the approval.
      const changedForReview =
        current.status === 'scheduled' &&
        (textChanged ||
          next.visibility !== current.visibility ||
          (input.components !== undefined && !isDeepStrictEqual(input.components, await this.repo.componentSlugsOf(id, manager))));
      const reopened = changedForReview && (await this.publishing.reopenApproval(id, actor.id, manager));
      if (reopened) next.status = 'in_review';
      await this.repo.updateContent(id, this.prepareWrite(kind, next), textChanged, manager);
      if (reopened) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'content.publishing.reopen',
            targetType: 'content',
            targetId: id,
            organizationId: current.organization_id,
            before: { status: current.status },
            after: { status: 'in_review' },
            correlationId: context.correlationId,
          },
          manager,
        );
        // It waits for a moderator again.
        await this.notifications.notify(
          await this.publishing.reviewers(manager),
          { type: 'publishing.submitted', contentId: id, actorId: actor.id, data: {} },
          manager,
          { mail: 'digest' },
        );
      }
      if (components) await this.repo.setComponents(id, components, manager);
      // A case moved on (planned → in progress → completed): those who follow it hear of it in the digest.
      const caseStatus = { from: current.attributes.status, to: (attributes as { status?: unknown }).status };
      if (kind === 'case' && next.status === 'published' && current.status === 'published' && caseStatus.from !== caseStatus.to) {
        await this.follows.onStatusChange(
          { ...current, ...next, id },
          { type: 'case.status', actorId: actor.id, data: caseStatus },
          [actor.id],
          manager,
        );
      }
      // First published now (a draft until this edit): followers of its tags and components hear of it.
      if (current.status === 'draft' && next.status === 'published' && current.published_at === null) {
        await this.follows.onPublished({ ...current, ...next, id }, manager);
      }
      if (input.duplicateOfId !== undefined)
        await this.repo.setContentFlags(id, { duplicateOfId: input.duplicateOfId?.toString() ?? null }, manager);
      if (moderatorEdit) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'content.edit',
            targetType: 'content',
            targetId: id,
            organizationId: current.organization_id,
            reason: input.reason ?? null,
            before: { title: current.title, status: current.status, visibility: current.visibility, version: current.version },
            after: {
              title: next.title,
              status: next.status,
              visibility: next.visibility,
              version: current.version + (textChanged ? 1 : 0),
            },
            correlationId: context.correlationId,
          },
          manager,
        );
      }
    });
    return this.get(actor, id);
  }

  /** "Markér som gennemgået": the item is still right today. A moderator doing it on someone else's item is audited. */
  async markChecked(actor: SessionUser, id: string, context: ActionContext = {}): Promise<ContentDetail> {
    await this.repo.transaction(async (manager) => {
      const current = await this.lockReadable(actor, id, manager);
      const target = contentTarget(current);
      if (!(REVIEWED_KINDS as readonly string[]).includes(current.kind)) {
        throw ApiException.field('_', 'Kun vejledninger og cases har en dato for, hvornår de sidst er gennemgået');
      }
      requireAccess(canMarkChecked(actor, target), 'Du kan ikke markere dette indhold som gennemgået.');
      await this.repo.markChecked(id, manager);
      if (actsOnOthersContent(actor, { authorId: current.author_id })) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'content.checked',
            targetType: 'content',
            targetId: id,
            organizationId: current.organization_id,
            correlationId: context.correlationId,
          },
          manager,
        );
      }
    });
    return this.get(actor, id);
  }

  /** What may be outdated: an author's own (an org admin's municipality's); moderators may ask for everything. */
  async reviewList(viewer: SessionUser, query: z.output<typeof ReviewListQuerySchema>): Promise<ReviewList> {
    const page = query.page ?? 1;
    const all = query.scope === 'all';
    if (all) requireAccess(isKombitStaff(viewer), 'Kun moderatorer kan se alt indhold, der trænger til gennemgang.');
    const owner = all ? {} : { authorId: viewer.id, organizationId: viewer.role === 'org_admin' ? viewer.organizationId : undefined };
    const { rows, total } = await this.repo.listForReview(contentReadScope(viewer), owner, REVIEW_PAGE_SIZE, (page - 1) * REVIEW_PAGE_SIZE);
    return {
      items: rows.map((row) => ({ item: toContentSummary(row, viewer), review: toReviewState(row) })),
      total,
      page,
      pageSize: REVIEW_PAGE_SIZE,
    };
  }

  /** Soft delete: the row stays for the audit trail; nobody sees it again. */
  async remove(actor: SessionUser, id: string, reason: string | undefined, context: ActionContext = {}): Promise<void> {
    await this.repo.transaction(async (manager) => {
      const current = await this.lockReadable(actor, id, manager);
      requireAccess(
        canEditMaterial(actor, { ...contentTarget(current), kombitMaterial: isKombitMaterial(current) }),
        'Du kan ikke slette dette indhold.',
      );
      const moderatorAction = actsOnOthersContent(actor, { authorId: current.author_id });
      if (moderatorAction && !reason) throw ApiException.field('reason', 'Skriv en begrundelse, når du sletter andres indhold');
      await this.repo.setContentFlags(id, { deleted: true }, manager);
      await this.deletions.deleted(id, manager);
      if (moderatorAction) {
        // Deleted, it can no longer be read: the notification carries its title instead of a link.
        await this.notifications.notify(
          [current.author_id],
          {
            type: 'moderation.action',
            contentId: null,
            actorId: actor.id,
            data: { action: 'delete', reason: reason ?? null, title: current.title },
          },
          manager,
        );
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'content.delete',
            targetType: 'content',
            targetId: id,
            organizationId: current.organization_id,
            reason: reason ?? null,
            before: { title: current.title, status: current.status },
            correlationId: context.correlationId,
          },
          manager,
        );
      }
    });
  }

  /** Hide, show again, lock or unlock: moderators only, always with a reason, always audited. */
  async moderate(actor: SessionUser, id: string, input: ModerationAction, context: ActionContext = {}): Promise<ContentDetail> {
    requireAccess(canModerateContent(actor), 'Kun moderatorer kan skjule og låse indhold.');
    await this.repo.transaction(async (manager) => {
      const current = await this.lockReadable(actor, id, manager);
      // The reason for hiding is shown to the author; showing it again clears it (and any hold from flags).
      const changes =
        input.action === 'hide'
          ? { status: 'hidden' as const, hiddenReason: input.reason, hiddenByFlags: false }
          : input.action === 'unhide'
            ? { status: 'published' as const, hiddenReason: null, hiddenByFlags: false }
            : { locked: input.action === 'lock' };
      if (input.action === 'unhide' && current.status !== 'hidden') throw ApiException.field('action', 'Indholdet er ikke skjult');
      if (input.action === 'hide' && current.status !== 'published')
        throw ApiException.field('action', 'Kun offentliggjort indhold kan skjules');
      await this.repo.setContentFlags(id, changes, manager);
      // Shown again on purpose: the flags that hid it are answered, so the next flag does not hide it at once.
      const dismissedFlags = input.action === 'unhide' ? await this.repo.dismissOpenFlags(id, actor.id, input.reason, manager) : 0;
      await this.audit.record(
        {
          actorId: actor.id,
          action: `content.${input.action}`,
          targetType: 'content',
          targetId: id,
          organizationId: current.organization_id,
          reason: input.reason,
          before: { status: current.status, locked: current.locked },
          after: { status: changes.status ?? current.status, locked: changes.locked ?? current.locked, dismissedFlags },
          correlationId: context.correlationId,
        },
        manager,
      );
      if (input.action === 'hide' || input.action === 'lock') {
        await this.notifications.notify(
          [current.author_id],
          {
            type: 'moderation.action',
            contentId: id,
            actorId: actor.id,
            data: { action: input.action, reason: input.reason, title: current.title },
          },
          manager,
        );
      }
    });
    return this.get(actor, id);
  }

  /** Every version, newest first: the text then, who made it and why. Same visibility as the item. */
  async revisions(viewer: SessionUser | undefined, id: string): Promise<Revision[]> {
    const item = await this.repo.findVisible(id, contentReadScope(viewer), viewer?.id ?? null);
    if (!item) throw contentNotFound();
    const earlier = await this.repo.listRevisions(id);
    const current = { version: item.version, title: item.title, body: item.body, tags: item.tags, attributes: item.attributes };
    const versions = [current, ...earlier].map((version, index) => ({
      ...version,
      attributes: (index === 0 ? visibleAttributes : visibleRevisionAttributes)(item.kind, version.attributes, viewer, item.author_id),
    }));
    return versions.map((version, index) => {
      // Version n was made by the edit that stored version n-1 (the next row); version 1 by the author.
      const replaced = earlier.find((row) => row.version === version.version - 1);
      const current = index === 0;
      if (!replaced) {
        return toRevision(
          version,
          {
            name: item.author_name,
            title: item.author_title,
            organizationCode: item.organization_code,
            organizationName: item.organization_name,
          },
          item.created_at,
          null,
          current,
        );
      }
      return toRevision(
        version,
        {
          name: replaced.editor_name,
          title: replaced.editor_title,
          organizationCode: replaced.editor_organization_code,
          organizationName: replaced.editor_organization_name,
        },
        replaced.edited_at,
        replaced.reason,
        current,
      );
    });
  }

  // ---- helpers ----

  /** Locks the row; what the actor may not read is "not found", as on every read path. */
  async lockReadable(actor: ContentViewer | undefined, id: string, manager: EntityManager): Promise<ContentLockRow> {
    const row = await this.repo.lockContent(id, manager);
    if (!row || !canReadContent(actor, contentTarget(row))) throw contentNotFound();
    return row;
  }

  private prepareWrite(
    kind: ContentKind,
    input: {
      title: string;
      body: string;
      tags: string[];
      visibility: ContentWrite['visibility'];
      status: ContentWrite['status'];
      attributes: Record<string, unknown>;
    },
  ): ContentWrite {
    const rendered = renderMarkdown(input.body);
    const purpose = kind === 'guide' ? (input.attributes as GuideAttributes).purpose : undefined;
    return {
      title: input.title,
      slug: slugify(input.title) || 'indhold',
      body: input.body,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      summary: summarize(purpose ?? rendered.text),
      status: input.status,
      visibility: input.visibility,
      tags: input.tags,
      attributes: input.attributes,
    };
  }

  /** Component slugs → ids; a guide's or case's own component is always among them (first). Unknown slugs are field errors. */
  private async resolveComponents(slugs: string[], primary: string | null, manager?: EntityManager): Promise<string[]> {
    const all = primary && !slugs.includes(primary) ? [primary, ...slugs] : slugs;
    const ids = await this.repo.componentIdsBySlug(all, manager);
    const fields: FieldErrors = {};
    slugs.forEach((slug, index) => {
      if (!ids.has(slug)) fields[`components.${index}`] = [`Ukendt komponent: ${slug}`];
    });
    if (primary && !ids.has(primary)) fields['attributes.component'] = [`Ukendt komponent: ${primary}`];
    if (Object.keys(fields).length > 0) throw ApiException.validation(fields);
    return all.map((slug) => ids.get(slug)!);
  }

  private async validateAttributes(
    actor: SessionUser,
    kind: WritableKind,
    attributes: Record<string, unknown>,
    current: ContentLockRow,
    manager: EntityManager,
  ): Promise<Record<string, unknown>> {
    const result = ATTRIBUTE_SCHEMAS[kind].safeParse(attributes);
    if (!result.success) {
      const fields = fieldErrorsFromZod(result.error);
      throw ApiException.validation(Object.fromEntries(Object.entries(fields).map(([key, messages]) => [`attributes.${key}`, messages])));
    }
    return this.completeAttributes(actor, kind, result.data as Record<string, unknown>, current.attributes, manager, current.author_id);
  }

  /**
   * What the server adds or keeps: a guide's catalog names and intranet texts; a suggestion's and a webinar's
   * status (moved only through POST /status, so an edit keeps it); checked links to webinars, hosts and programme items.
   */
  private async completeAttributes(
    actor: SessionUser,
    kind: WritableKind,
    attributes: Record<string, unknown>,
    current: Record<string, unknown> | null,
    manager?: EntityManager,
    authorId: string | null = null,
  ): Promise<Record<string, unknown>> {
    switch (kind) {
      case 'guide':
        return this.completeGuide(attributes as GuideAttributes, manager);
      case 'suggestion': {
        const { status: _status, webinarId: _webinarId, ...rest } = attributes as SuggestionAttributes;
        if (current === null) return { ...rest, status: 'new' };
        // An editor who is not shown the contact details (an org admin, when the suggester chose moderators) never replaces them.
        const contactShown = 'contact' in visibleAttributes('suggestion', current, actor, authorId);
        return {
          ...rest,
          ...(contactShown ? {} : { contact: current.contact }),
          status: current.status ?? 'new',
          ...(current.webinarId !== undefined ? { webinarId: current.webinarId } : {}),
        };
      }
      case 'webinar': {
        const webinar = attributes as WebinarAttributes;
        const fields: FieldErrors = {};
        const known = new Set((await this.webinars.organizationsByCode(webinar.hosts, manager)).map((org) => org.code));
        webinar.hosts.forEach((code, index) => {
          if (!known.has(code)) fields[`attributes.hosts.${index}`] = [`Ukendt kommunekode: ${code}`];
        });
        const linkIds = webinar.programme.flatMap((item) => (item.contentId ? [String(item.contentId)] : []));
        const readable = new Set((await this.webinars.readableRefs(linkIds, contentReadScope(actor), manager)).map((ref) => ref.id));
        webinar.programme.forEach((item, index) => {
          if (item.contentId && !readable.has(String(item.contentId))) {
            fields[`attributes.programme.${index}.contentId`] = ['Det linkede indhold findes ikke'];
          }
        });
        if (Object.keys(fields).length > 0) throw ApiException.validation(fields);
        return current === null ? { ...webinar } : { ...webinar, status: current.status ?? webinar.status };
      }
      case 'case': {
        const input = attributes as CaseAttributes;
        // "SF1601", "Digital Post" or the slug: stored as the slug, so the matrix and the component filter find it.
        const component = await this.catalog.resolveComponent(input.to.component, manager);
        if (!component) throw ApiException.field('attributes.to.component', `Ukendt komponent eller service: ${input.to.component}`);
        const [system] = await this.catalog.canonicalSystemNames([input.system], manager);
        // Showing the author's contact details is the author's choice alone: another editor (an org admin, a
        // moderator) neither turns it on nor, by leaving it out, off.
        const contactOptIn =
          current !== null && authorId !== null && authorId !== actor.id ? current.contactOptIn === true : input.contactOptIn;
        return { ...input, contactOptIn, system: system ?? input.system, to: { ...input.to, component: component.slug } };
      }
      case 'question': {
        const webinarId = (attributes as { webinarId?: number }).webinarId;
        if (webinarId !== undefined && (current === null || current.webinarId !== webinarId)) {
          const [found] = await this.webinars.readableRefs([String(webinarId)], contentReadScope(actor), manager);
          if (!found || found.kind !== 'webinar') throw ApiException.field('attributes.webinarId', 'Webinaret findes ikke');
        }
        return attributes;
      }
    }
  }

  /** Catalog names for systems the catalog knows (typed any case); blank intranet texts written from the catalog. */
  private async completeGuide(attributes: GuideAttributes, manager?: EntityManager): Promise<GuideAttributes> {
    const affectedSystems = await this.catalog.canonicalSystemNames(attributes.affectedSystems, manager);
    const needsNotice = !attributes.intranetNotice.outage || !attributes.intranetNotice.maintenance;
    const generated = needsNotice ? await this.catalog.noticeFor([attributes.component], affectedSystems, manager) : null;
    return {
      ...attributes,
      affectedSystems,
      intranetNotice: {
        outage: attributes.intranetNotice.outage || generated!.outage,
        maintenance: attributes.intranetNotice.maintenance || generated!.maintenance,
      },
    };
  }

  /** Read without a lock (a plain SELECT): two questions marked as each other's duplicates at once must not deadlock. */
  private async checkDuplicateTarget(
    actor: SessionUser,
    current: ContentLockRow,
    targetId: number | null,
    manager: EntityManager,
  ): Promise<void> {
    if (targetId === null) return;
    if (current.kind !== 'question')
      throw ApiException.field('duplicateOfId', 'Kun spørgsmål kan markeres som samme spørgsmål som et andet');
    if (String(targetId) === current.id) throw ApiException.field('duplicateOfId', 'Et spørgsmål kan ikke henvise til sig selv');
    const target = await this.repo.findVisible(String(targetId), contentReadScope(actor), null, manager);
    if (!target || target.kind !== 'question' || target.status !== 'published') {
      throw ApiException.field('duplicateOfId', 'Det andet spørgsmål findes ikke');
    }
  }
}
