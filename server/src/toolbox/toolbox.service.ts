import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  slugify,
  ToolboxSlug,
  type AcceptToolboxProposalSchema,
  type CreateToolboxItemSchema,
  type CreateToolboxProposalSchema,
  type CreateToolboxSectionSchema,
  type DeclineToolboxProposalSchema,
  type ToolboxProposal,
  type ToolboxProposalList,
  type ToolboxProposalQuerySchema,
  type ToolboxSection,
  type UpdateToolboxItemSchema,
  type UpdateToolboxSectionSchema,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import { canModerateContent, canPlaceInToolbox, canReadContent, contentReadScope, requireAccess } from '../common/access-policy.js';
import { ApiException, type FieldErrors } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { contentTarget } from '../content/content-targets.js';
import { ContentRepository, type ContentLockRow } from '../content/content.repository.js';
import { renderMarkdown } from '../content/markdown.js';
import { FollowsService } from '../follows/follows.service.js';
import { JobQueue } from '../jobs/job-queue.js';
import { CONTENT_DELETED_QUEUE, CONTENT_DELETED_QUEUE_OPTIONS, type ContentDeletedJob } from '../content/content-deleted-queue.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { DEFAULT_TOOLBOX_SECTIONS } from './toolbox-defaults.js';
import { toToolboxProposal, toToolboxSection } from './toolbox.mapper.js';
import { ToolboxRepository, type ItemLockRow, type ItemRow, type SectionRow } from './toolbox.repository.js';

export const sectionNotFound = (): ApiException => ApiException.notFound('Afsnittet findes ikke i Værktøjskassen.');
export const itemNotFound = (): ApiException => ApiException.notFound('Punktet findes ikke i afsnittet.');
export const proposalNotFound = (): ApiException => ApiException.notFound('Forslaget findes ikke.');

const PROPOSALS_SHOWN = 200;

export interface ActionContext {
  correlationId?: string;
}

/** A slug from a path: anything that could never be a section's slug is simply not found. */
function sectionSlug(slug: string): string {
  const parsed = ToolboxSlug.safeParse(slug);
  if (!parsed.success || parsed.data !== slug) throw sectionNotFound();
  return slug;
}

/** Four eyes: a moderator's own material reaches Værktøjskassen through a second moderator (a proposal, or review). */
function requirePlaceable(user: SessionUser, content: ContentLockRow): void {
  requireAccess(
    canPlaceInToolbox(user, { authorId: content.author_id }),
    'Dit eget materiale skal godkendes af en anden moderator, før det kommer i Værktøjskassen: foreslå det eller send det til godkendelse.',
  );
}

/** 1-based; left out, or beyond the end, means last. */
const placement = (requested: number | undefined, last: number): number => Math.min(requested ?? last, last);

function sectionState(row: Pick<SectionRow, 'slug' | 'title' | 'intro' | 'position'>): Record<string, unknown> {
  return { slug: row.slug, title: row.title, intro: row.intro, position: row.position };
}

function itemState(sectionSlugValue: string, item: Omit<ItemLockRow, 'id' | 'section_id'>): Record<string, unknown> {
  return {
    section: sectionSlugValue,
    contentId: item.content_id === null ? null : Number(item.content_id),
    url: item.url,
    title: item.title,
    description: item.description,
    position: item.position,
  };
}

/**
 * Værktøjskassen: KOMBIT's curated sections. Everyone reads them (each sees only the items they may read); KOMBIT's
 * moderators edit them; members propose material (their own or others'), which a moderator accepts or declines.
 */
@Injectable()
export class ToolboxService implements OnApplicationBootstrap {
  constructor(
    private readonly repo: ToolboxRepository,
    private readonly content: ContentRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly follows: FollowsService,
    private readonly jobs: JobQueue,
  ) {}

  /** The default sections, once, into an empty toolbox (a moderator's later edits and deletions are kept). */
  async onApplicationBootstrap(): Promise<void> {
    await this.repo.seedSections(
      DEFAULT_TOOLBOX_SECTIONS.map((section) => ({
        slug: slugify(section.title),
        title: section.title,
        intro: section.intro,
        introHtml: renderMarkdown(section.intro).html,
      })),
    );
    await this.jobs.createQueue(CONTENT_DELETED_QUEUE, CONTENT_DELETED_QUEUE_OPTIONS);
    await this.jobs.work<ContentDeletedJob>(CONTENT_DELETED_QUEUE, 2, (job) => this.removeDeletedContent(job.contentId));
  }

  /**
   * A deleted item leaves every section it was in, and the positions close up behind it (nobody could see or move it
   * any more). Section by section, each under its own row lock, as every toolbox write; audited without an actor.
   */
  async removeDeletedContent(contentId: string): Promise<number> {
    let removed = 0;
    for (const place of await this.repo.placesOfDeletedContent(contentId)) {
      await this.repo.transaction(async (manager) => {
        const section = await this.repo.lockSectionById(place.section_id, manager);
        const item = section ? await this.repo.findItem(section.id, place.id, manager) : null;
        if (!section || !item) return;
        await this.repo.deleteItem(section.id, item.id, item.position, manager);
        await this.repo.touchSection(section.id, manager);
        await this.audit.record(
          {
            actorId: null,
            action: 'toolbox.item.remove',
            targetType: 'toolbox_item',
            targetId: item.id,
            reason: 'Indholdet er slettet',
            before: itemState(section.slug, item),
          },
          manager,
        );
        removed += 1;
      });
    }
    return removed;
  }

  // ---- Reading ----

  async sections(viewer: SessionUser | undefined): Promise<ToolboxSection[]> {
    const [sections, items] = await Promise.all([this.repo.listSections(), this.repo.listItems(contentReadScope(viewer), null)]);
    const bySection = new Map<string, ItemRow[]>();
    for (const item of items) {
      const list = bySection.get(item.section_id);
      if (list) list.push(item);
      else bySection.set(item.section_id, [item]);
    }
    return sections.map((section) => toToolboxSection(section, bySection.get(section.id) ?? []));
  }

  async section(viewer: SessionUser | undefined, slug: string): Promise<ToolboxSection> {
    const row = await this.repo.findSection(sectionSlug(slug));
    if (!row) throw sectionNotFound();
    return toToolboxSection(row, await this.repo.listItems(contentReadScope(viewer), [row.id]));
  }

  // ---- Sections (moderators) ----

  async createSection(
    user: SessionUser,
    input: z.output<typeof CreateToolboxSectionSchema>,
    context: ActionContext,
  ): Promise<ToolboxSection> {
    requireAccess(canModerateContent(user));
    const slug = input.slug ?? slugify(input.title);
    if (!ToolboxSlug.safeParse(slug).success) {
      throw ApiException.field(
        'slug',
        'Titlen giver ikke en brugbar kort adresse: angiv en kort adresse med små bogstaver a-z, tal og bindestreg',
      );
    }
    const introHtml = renderMarkdown(input.intro).html;
    await this.repo.transaction(async (manager) => {
      await this.repo.lockSectionOrder(manager);
      if (await this.repo.slugTaken(slug, manager)) {
        throw ApiException.field('slug', `Et andet afsnit bruger allerede den korte adresse «${slug}»: angiv en anden`);
      }
      const position = placement(input.position, (await this.repo.sectionCount(manager)) + 1);
      const id = await this.repo.insertSection(
        { slug, title: input.title, intro: input.intro, introHtml, position, createdBy: user.id },
        manager,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.section.create',
          targetType: 'toolbox_section',
          targetId: id,
          after: sectionState({ slug, title: input.title, intro: input.intro, position }),
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.section(user, slug);
  }

  async updateSection(
    user: SessionUser,
    slug: string,
    input: z.output<typeof UpdateToolboxSectionSchema>,
    context: ActionContext,
  ): Promise<ToolboxSection> {
    requireAccess(canModerateContent(user));
    sectionSlug(slug);
    await this.repo.transaction(async (manager) => {
      await this.repo.lockSectionOrder(manager);
      const row = await this.repo.lockSection(slug, manager);
      if (!row) throw sectionNotFound();
      const title = input.title ?? row.title;
      const intro = input.intro ?? row.intro;
      const position = input.position === undefined ? row.position : placement(input.position, await this.repo.sectionCount(manager));
      if (title === row.title && intro === row.intro && position === row.position) return;
      await this.repo.moveSection(row.id, row.position, position, manager);
      await this.repo.updateSection(
        row.id,
        { title, intro, introHtml: intro === row.intro ? row.intro_html : renderMarkdown(intro).html },
        manager,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.section.update',
          targetType: 'toolbox_section',
          targetId: row.id,
          before: sectionState(row),
          after: sectionState({ slug, title, intro, position }),
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.section(user, slug);
  }

  async deleteSection(user: SessionUser, slug: string, context: ActionContext): Promise<void> {
    requireAccess(canModerateContent(user));
    sectionSlug(slug);
    await this.repo.transaction(async (manager) => {
      await this.repo.lockSectionOrder(manager);
      const row = await this.repo.lockSection(slug, manager);
      if (!row) throw sectionNotFound();
      const itemCount = await this.repo.itemCount(row.id, manager);
      await this.repo.deleteSection(row.id, row.position, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.section.delete',
          targetType: 'toolbox_section',
          targetId: row.id,
          before: { ...sectionState(row), itemCount },
          correlationId: context.correlationId,
        },
        manager,
      );
    });
  }

  // ---- Items (moderators) ----

  async addItem(
    user: SessionUser,
    slug: string,
    input: z.output<typeof CreateToolboxItemSchema>,
    context: ActionContext,
  ): Promise<ToolboxSection> {
    await this.inLockedSection(user, slug, async (section, manager) => {
      let added: { itemId: string; item: Omit<ItemLockRow, 'id' | 'section_id'> };
      if ('contentId' in input) {
        const content = await this.requireToolboxContent(user, String(input.contentId), 'contentId', manager);
        requirePlaceable(user, content);
        const placed = await this.placeContent(section, content, input, user.id, manager);
        if (!placed) throw ApiException.field('contentId', 'Indholdet er allerede i dette afsnit');
        added = { itemId: placed.itemId, item: placed.item };
      } else {
        const item = {
          content_id: null,
          url: input.url,
          title: input.title,
          description: input.description ?? null,
          position: placement(input.position, (await this.repo.itemCount(section.id, manager)) + 1),
        };
        const itemId = await this.repo.insertItem({ ...item, contentId: null, sectionId: section.id, addedBy: user.id }, manager);
        await this.repo.touchSection(section.id, manager);
        added = { itemId, item };
      }
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.item.add',
          targetType: 'toolbox_item',
          targetId: added.itemId,
          after: itemState(slug, added.item),
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.section(user, slug);
  }

  async updateItem(
    user: SessionUser,
    slug: string,
    itemId: string,
    input: z.output<typeof UpdateToolboxItemSchema>,
    context: ActionContext,
  ): Promise<ToolboxSection> {
    await this.inLockedItem(user, slug, itemId, async (section, item, manager) => {
      if (item.content_id !== null) {
        // An item of the forum keeps its own title and address.
        const fields: FieldErrors = {};
        if (input.title !== undefined) fields.title = ['Kun et eksternt link har sin egen titel: indhold i forummet bruger sin egen'];
        if (input.url !== undefined) fields.url = ['Kun et eksternt link har sin egen adresse'];
        if (Object.keys(fields).length > 0) throw ApiException.validation(fields);
      }
      const after = {
        ...item,
        url: input.url ?? item.url,
        title: input.title ?? item.title,
        description: input.description === undefined ? item.description : input.description || null,
        position: input.position === undefined ? item.position : placement(input.position, await this.repo.itemCount(section.id, manager)),
      };
      if (
        after.url === item.url &&
        after.title === item.title &&
        after.description === item.description &&
        after.position === item.position
      ) {
        return;
      }
      await this.repo.moveItem(section.id, item.id, item.position, after.position, manager);
      await this.repo.updateItem(item.id, after, manager);
      await this.repo.touchSection(section.id, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.item.update',
          targetType: 'toolbox_item',
          targetId: item.id,
          before: itemState(slug, item),
          after: itemState(slug, after),
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.section(user, slug);
  }

  async removeItem(user: SessionUser, slug: string, itemId: string, context: ActionContext): Promise<void> {
    await this.inLockedItem(user, slug, itemId, async (section, item, manager) => {
      await this.repo.deleteItem(section.id, item.id, item.position, manager);
      await this.repo.touchSection(section.id, manager);
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.item.remove',
          targetType: 'toolbox_item',
          targetId: item.id,
          before: itemState(slug, item),
          correlationId: context.correlationId,
        },
        manager,
      );
    });
  }

  /**
   * Places content in a section the caller has locked (last, or at `position`), unless it is there already (null):
   * the section's followers hear of it. Adding an item, accepting a proposal and approving toolbox material all come
   * here. The caller locks the section before the content, as every path into a section does.
   */
  async placeContent(
    section: SectionRow,
    content: ContentLockRow,
    input: { position?: number; description?: string | null },
    actorId: string | null,
    manager: EntityManager,
  ): Promise<{ itemId: string; item: Omit<ItemLockRow, 'id' | 'section_id'> } | null> {
    if (await this.repo.contentInSection(section.id, content.id, manager)) return null;
    await this.follows.onAddedToToolbox(content, section, manager);
    const item = {
      content_id: content.id,
      url: null,
      title: null,
      description: input.description ?? null,
      position: placement(input.position, (await this.repo.itemCount(section.id, manager)) + 1),
    };
    const itemId = await this.repo.insertItem({ ...item, contentId: content.id, sectionId: section.id, addedBy: actorId }, manager);
    await this.repo.touchSection(section.id, manager);
    return { itemId, item };
  }

  /** A moderator's change to a section's items, under the section's row lock (which keeps the positions dense). */
  private async inLockedSection(
    user: SessionUser,
    slug: string,
    change: (section: SectionRow, manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    requireAccess(canModerateContent(user));
    sectionSlug(slug);
    await this.repo.transaction(async (manager) => {
      const section = await this.repo.lockSection(slug, manager);
      if (!section) throw sectionNotFound();
      await change(section, manager);
    });
  }

  private inLockedItem(
    user: SessionUser,
    slug: string,
    itemId: string,
    change: (section: SectionRow, item: ItemLockRow, manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    return this.inLockedSection(user, slug, async (section, manager) => {
      const item = await this.repo.findItem(section.id, itemId, manager);
      if (!item) throw itemNotFound();
      await change(section, item, manager);
    });
  }

  // ---- Proposals ----

  /** "Foreslå til Værktøjskassen"; a proposal already waiting for the same item and section is returned instead. */
  async propose(
    user: SessionUser,
    slug: string,
    input: z.output<typeof CreateToolboxProposalSchema>,
  ): Promise<{ proposal: ToolboxProposal; created: boolean }> {
    sectionSlug(slug);
    const contentId = String(input.contentId);
    const { id, created } = await this.repo.transaction(async (manager) => {
      const section = await this.repo.findSection(slug, manager);
      if (!section) throw sectionNotFound();
      await this.requireToolboxContent(user, contentId, 'contentId', manager);
      if (await this.repo.contentInSection(section.id, contentId, manager)) {
        throw ApiException.field('contentId', 'Indholdet er allerede i dette afsnit af Værktøjskassen');
      }
      const proposal = {
        sectionId: section.id,
        contentId,
        proposerId: user.id,
        organizationId: user.organizationId,
        note: input.note ?? null,
      };
      // A parallel proposal of the same item waits on the unique index and then joins the first; should that one be
      // decided in between, there is no pending one left to join, and this one is inserted after all.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const inserted = await this.repo.insertProposal(proposal, manager);
        if (inserted) return { id: inserted, created: true };
        const pending = await this.repo.pendingProposalId(section.id, contentId, manager);
        if (pending) return { id: pending, created: false };
      }
      throw ApiException.conflict('CONFLICT', 'Forslaget kunne ikke gemmes, fordi det blev behandlet samtidig. Prøv igen.');
    });
    const row = await this.repo.findProposal(id);
    if (!row) throw proposalNotFound();
    const proposal = toToolboxProposal(row);
    // Someone else's proposal of the same item: the member learns it is already proposed, not who wrote what.
    if (row.proposer_id !== user.id && !canModerateContent(user)) return { proposal: { ...proposal, note: null, proposer: null }, created };
    return { proposal, created };
  }

  /** Moderators: everyone's (by default those waiting); members: their own. */
  async proposals(user: SessionUser, query: z.output<typeof ToolboxProposalQuerySchema>): Promise<ToolboxProposalList> {
    const staff = canModerateContent(user);
    const mine = !staff || query.mine === 'true';
    const { rows, total } = await this.repo.listProposals(contentReadScope(user), {
      status: query.status ?? (mine ? undefined : 'pending'),
      proposerId: mine ? user.id : undefined,
      limit: PROPOSALS_SHOWN,
    });
    return { items: rows.map(toToolboxProposal), total };
  }

  async accept(
    user: SessionUser,
    id: string,
    input: z.output<typeof AcceptToolboxProposalSchema>,
    context: ActionContext,
  ): Promise<ToolboxProposal> {
    requireAccess(canModerateContent(user));
    await this.repo.transaction(async (manager) => {
      // The section before the proposal, as deleting a section does (it deletes its proposals): no deadlock between them.
      const sectionId = await this.repo.proposalSectionId(id, manager);
      const section = sectionId === null ? null : await this.repo.lockSectionById(sectionId, manager);
      const proposal = section === null ? null : await this.repo.lockProposal(id, manager);
      if (!section || !proposal) throw proposalNotFound();
      if (proposal.status !== 'pending') throw ApiException.field('_', 'Forslaget er allerede behandlet');
      let added: { itemId: string; position: number } | null = null;
      if (!(await this.repo.contentInSection(section.id, proposal.content_id, manager))) {
        const content = await this.requireToolboxContent(user, proposal.content_id, '_', manager);
        requirePlaceable(user, content);
        const placed = await this.placeContent(section, content, input, user.id, manager);
        if (placed) added = { itemId: placed.itemId, position: placed.item.position };
      }
      await this.repo.decideProposal(id, { status: 'accepted', reason: null, decidedBy: user.id }, manager);
      await this.notifications.notify(
        [proposal.proposer_id],
        { type: 'toolbox.accepted', contentId: proposal.content_id, actorId: user.id, data: { sectionTitle: section.title } },
        manager,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.proposal.accept',
          targetType: 'toolbox_proposal',
          targetId: id,
          organizationId: proposal.organization_id,
          before: { status: proposal.status },
          after: {
            status: 'accepted',
            section: section.slug,
            contentId: Number(proposal.content_id),
            itemId: added ? Number(added.itemId) : null,
            position: added?.position ?? null,
          },
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.proposal(id);
  }

  async decline(
    user: SessionUser,
    id: string,
    input: z.output<typeof DeclineToolboxProposalSchema>,
    context: ActionContext,
  ): Promise<ToolboxProposal> {
    requireAccess(canModerateContent(user));
    await this.repo.transaction(async (manager) => {
      const proposal = await this.repo.lockProposal(id, manager);
      if (!proposal) throw proposalNotFound();
      if (proposal.status !== 'pending') throw ApiException.field('_', 'Forslaget er allerede behandlet');
      await this.repo.decideProposal(id, { status: 'declined', reason: input.reason, decidedBy: user.id }, manager);
      await this.notifications.notify(
        [proposal.proposer_id],
        {
          type: 'toolbox.declined',
          contentId: proposal.content_id,
          actorId: user.id,
          data: { sectionTitle: proposal.section_title, reason: input.reason },
        },
        manager,
      );
      await this.audit.record(
        {
          actorId: user.id,
          action: 'toolbox.proposal.decline',
          targetType: 'toolbox_proposal',
          targetId: id,
          organizationId: proposal.organization_id,
          reason: input.reason,
          before: { status: proposal.status },
          after: { status: 'declined', section: proposal.section_slug, contentId: Number(proposal.content_id) },
          correlationId: context.correlationId,
        },
        manager,
      );
    });
    return this.proposal(id);
  }

  private async proposal(id: string): Promise<ToolboxProposal> {
    const row = await this.repo.findProposal(id);
    if (!row) throw proposalNotFound();
    return toToolboxProposal(row);
  }

  /**
   * Content for the toolbox: published, readable by the caller, and for everyone (not one municipality's own). Share-
   * locked, so it is not hidden or narrowed in the middle of being added.
   */
  private async requireToolboxContent(
    user: SessionUser,
    contentId: string,
    field: string,
    manager: EntityManager,
  ): Promise<ContentLockRow> {
    const row = await this.content.lockContent(contentId, manager, 'share');
    if (!row || !canReadContent(user, contentTarget(row))) {
      throw ApiException.field(field, 'Indholdet findes ikke, eller du har ikke adgang til det');
    }
    if (row.status !== 'published') throw ApiException.field(field, 'Indholdet er ikke offentliggjort');
    if (row.visibility === 'organization') {
      throw ApiException.field(field, 'Værktøjskassen er for alle: indhold, der kun er synligt for én kommune, kan ikke komme med');
    }
    return row;
  }
}
