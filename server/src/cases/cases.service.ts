import { Injectable } from '@nestjs/common';
import {
  contentPath,
  type CaseAttributes,
  type CaseDetails,
  type CaseMatrix,
  type WorkingOnState,
  type WorkingOnSchema,
} from '@infraforum/shared';
import type { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { canReadContent, contentReadScope, type ContentTarget } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { contentNotFound, contentTarget } from '../content/content-targets.js';
import { ContentRepository } from '../content/content.repository.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CaseRepository, type WorkingOnRow } from './case.repository.js';

/** Signed in, a published case of another municipality that one may read. */
export function canMarkWorkingOn(viewer: SessionUser | undefined, item: ContentTarget): boolean {
  return (
    !!viewer &&
    item.kind === 'case' &&
    item.status === 'published' &&
    !item.deleted &&
    canReadContent(viewer, item) &&
    item.organizationId !== viewer.organizationId
  );
}

/** Migration cases beyond what every kind shares: "jeg er i gang med det samme", the author's contact, the matrix. */
@Injectable()
export class CasesService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly content: ContentRepository,
    private readonly catalog: CatalogService,
    private readonly notifications: NotificationsService,
  ) {}

  /** What the case page shows besides the item; contact details only for signed-in readers. */
  async details(
    viewer: SessionUser | undefined,
    item: ContentTarget & { id: string; authorId: string | null; attributes: Record<string, unknown> },
  ): Promise<CaseDetails> {
    const attributes = item.attributes as Partial<CaseAttributes>;
    const targetSlug = typeof attributes.to?.component === 'string' ? attributes.to.component : null;
    const [rows, contact, target] = await Promise.all([
      this.repo.workingOn(item.id),
      viewer && attributes.contactOptIn === true && item.authorId ? this.repo.authorContact(item.authorId) : [],
      targetSlug ? this.catalog.componentRef(targetSlug) : null,
    ]);
    return {
      contact: contact[0] ?? null,
      workingOn: this.workingOnState(viewer, item, rows),
      target,
    };
  }

  async mark(user: SessionUser, id: string, input: z.output<typeof WorkingOnSchema>): Promise<WorkingOnState> {
    const state = await this.repo.transaction(async (manager) => {
      // Share-locked: a case being edited (or deleted) is not marked in the middle of it; marks do not wait for each other.
      const row = await this.content.lockContent(id, manager, 'share');
      if (!row || !canReadContent(user, contentTarget(row))) throw contentNotFound();
      const target = contentTarget(row);
      if (row.kind !== 'case') throw ApiException.field('_', 'Kun cases kan markeres med "jeg er i gang"');
      if (!canMarkWorkingOn(user, target)) {
        if (row.status !== 'published') throw ApiException.field('_', 'Casen er ikke offentliggjort');
        throw ApiException.field('_', 'Casen er fra din egen kommune');
      }
      const before = await this.repo.organizationMarks(id, user.organizationId, manager);
      await this.repo.mark(id, user, { showContact: input.showContact, note: input.note ?? null }, manager);
      if (before === 0) {
        const organization = await this.organizationName(user.organizationId, manager);
        await this.notifications.notify(
          [row.author_id],
          { type: 'case.working_on', contentId: id, actorId: user.id, data: { organizationName: organization } },
          manager,
        );
      }
      return this.workingOnState(user, { ...target, id }, await this.repo.workingOn(id, manager));
    });
    return state;
  }

  async unmark(user: SessionUser, id: string): Promise<WorkingOnState> {
    return this.repo.transaction(async (manager) => {
      const row = await this.content.lockContent(id, manager, 'share');
      if (!row || !canReadContent(user, contentTarget(row)) || row.kind !== 'case') throw contentNotFound();
      await this.repo.unmark(id, user.id, manager);
      return this.workingOnState(user, { ...contentTarget(row), id }, await this.repo.workingOn(id, manager));
    });
  }

  /** Systems × components over the cases the viewer may read; cases the viewer may not read add nothing. */
  async matrix(viewer: SessionUser | undefined, filter: { supplier?: string; component?: string }): Promise<CaseMatrix> {
    const rows = await this.repo.matrix(contentReadScope(viewer), filter);
    const systems = new Map<string, { name: string; suppliers: Set<string> }>();
    const components = new Map<string, { slug: string; name: string; shortName: string | null; position: number }>();
    type Cell = CaseMatrix['cells'][number];
    const cells = new Map<string, Cell>();
    for (const row of rows) {
      // Systems are grouped case-insensitively; the first spelling (alphabetical order) names the row.
      const systemKey = row.system.toLocaleLowerCase('da');
      const system = systems.get(systemKey) ?? { name: row.system, suppliers: new Set<string>() };
      system.suppliers.add(row.supplier);
      systems.set(systemKey, system);
      components.set(row.component_slug, {
        slug: row.component_slug,
        name: row.component_name,
        shortName: row.component_short_name,
        position: row.component_position,
      });
      const cellKey = `${systemKey}\u0000${row.component_slug}`;
      const cell = cells.get(cellKey) ?? { system: system.name, component: row.component_slug, completed: [], working: [] };
      cells.set(cellKey, cell);
      const list = row.state === 'completed' ? cell.completed : cell.working;
      let organization = list.find((entry) => entry.code === row.organization_code);
      if (!organization) {
        organization = { code: row.organization_code, name: row.organization_name, cases: [] };
        list.push(organization);
      }
      const caseId = Number(row.case_id);
      if (!organization.cases.some((entry) => entry.id === caseId)) {
        organization.cases.push({
          id: caseId,
          title: row.case_title,
          path: contentPath({ kind: 'case', id: caseId, slug: row.case_slug }),
          status: row.case_status,
        });
      }
    }
    // A municipality that completed the move is not also listed as working on it in the same cell.
    for (const cell of cells.values()) {
      const done = new Set(cell.completed.map((entry) => entry.code));
      cell.working = cell.working.filter((entry) => !done.has(entry.code));
    }
    return {
      systems: [...systems.values()]
        .map((system) => ({ name: system.name, suppliers: [...system.suppliers].sort((a, b) => a.localeCompare(b, 'da')) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'da')),
      components: [...components.values()]
        .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'da'))
        .map(({ slug, name, shortName }) => ({ slug, name, shortName })),
      cells: [...cells.values()],
    };
  }

  private workingOnState(viewer: SessionUser | undefined, item: ContentTarget & { id: string }, rows: WorkingOnRow[]): WorkingOnState {
    const organizations = new Map<string, WorkingOnState['organizations'][number]>();
    for (const row of rows) {
      const entry = organizations.get(row.organization_code) ?? {
        code: row.organization_code,
        name: row.organization_name,
        contacts: [],
        memberCount: 0,
        since: row.created_at.toISOString(),
      };
      entry.memberCount += 1;
      // Contact details never reach visitors without login.
      if (viewer && row.show_contact) {
        entry.contacts.push({ name: row.name, title: row.title, email: row.email, phone: row.phone, note: row.note });
      }
      organizations.set(row.organization_code, entry);
    }
    return {
      count: organizations.size,
      organizations: [...organizations.values()],
      mine: !!viewer && rows.some((row) => row.user_id === viewer.id),
      canMark: canMarkWorkingOn(viewer, item),
    };
  }

  private async organizationName(organizationId: string, manager: EntityManager): Promise<string> {
    const rows = (await manager.query(`SELECT name FROM organization WHERE id = $1`, [organizationId])) as { name: string }[];
    return rows[0]?.name ?? 'En anden kommune';
  }
}
