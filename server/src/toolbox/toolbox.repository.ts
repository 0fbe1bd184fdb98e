import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, OrganizationType, ProposalStatus } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import { readScopeCondition, SqlParams } from '../content/content.repository.js';

export interface SectionRow {
  id: string;
  slug: string;
  title: string;
  intro: string;
  intro_html: string;
  position: number;
  updated_at: Date;
}

/** An item as the sections show it: a link, or content with its organization (ids as strings: pg's bigint). */
export interface ItemRow {
  id: string;
  section_id: string;
  position: number;
  content_id: string | null;
  url: string | null;
  title: string | null;
  description: string | null;
  content_kind: ContentKind | null;
  content_slug: string | null;
  content_title: string | null;
  content_summary: string | null;
  organization_code: string | null;
  organization_name: string | null;
  organization_type: OrganizationType | null;
}

export interface ItemLockRow {
  id: string;
  section_id: string;
  position: number;
  content_id: string | null;
  url: string | null;
  title: string | null;
  description: string | null;
}

export interface ProposalRow {
  id: string;
  section_slug: string;
  section_title: string;
  content_id: string;
  content_kind: ContentKind;
  content_title: string;
  content_slug: string;
  content_summary: string;
  note: string | null;
  proposer_id: string | null;
  proposer_name: string | null;
  organization_code: string;
  organization_name: string;
  status: ProposalStatus;
  reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export interface ProposalLockRow {
  id: string;
  section_id: string;
  content_id: string;
  proposer_id: string | null;
  organization_id: string;
  status: ProposalStatus;
  section_slug: string;
  section_title: string;
}

export interface NewSection {
  slug: string;
  title: string;
  intro: string;
  introHtml: string;
}

const SECTION_COLUMNS = 's.id, s.slug, s.title, s.intro, s.intro_html, s.position, s.updated_at';
const ITEM_LOCK_COLUMNS = 'i.id, i.section_id, i.position, i.content_id, i.url, i.title, i.description';

const PROPOSAL_COLUMNS = `
  p.id, s.slug AS section_slug, s.title AS section_title, c.id AS content_id, c.kind AS content_kind, c.title AS content_title,
  c.slug AS content_slug, c.summary AS content_summary, p.note, p.proposer_id, u.name AS proposer_name, o.code AS organization_code,
  o.name AS organization_name, p.status, p.reason, p.created_at, p.decided_at`;
const PROPOSAL_FROM = `
  toolbox_proposal p
  JOIN toolbox_section s ON s.id = p.section_id
  JOIN content c ON c.id = p.content_id
  JOIN organization o ON o.id = p.organization_id
  LEFT JOIN "user" u ON u.id = p.proposer_id`;

/** One key for every change of the sections' order (and the seeding): they queue behind each other. */
const SECTION_ORDER_LOCK = `SELECT pg_advisory_xact_lock(hashtext('infraforum.toolbox.sections'))`;

/**
 * All SQL of Værktøjskassen. Positions are dense (1..n); every write that moves them runs under a lock (the section
 * order's advisory lock, or the section's row for its items) and shifts the neighbours in one UPDATE, which the
 * deferred unique constraints allow.
 */
@Injectable()
export class ToolboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource.manager).query(sql, params) as Promise<T[]>;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts `sections` in order when there are none yet; true when it did. Several instances may start at once. */
  async seedSections(sections: readonly NewSection[]): Promise<boolean> {
    return this.transaction(async (manager) => {
      await this.run(SECTION_ORDER_LOCK, [], manager);
      const [existing] = await this.run<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM toolbox_section) AS any`, [], manager);
      if (existing?.any) return false;
      await this.run(
        `INSERT INTO toolbox_section (slug, title, intro, intro_html, position)
         SELECT slug, title, intro, intro_html, n FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
           AS t(slug, title, intro, intro_html, n)`,
        [sections.map((s) => s.slug), sections.map((s) => s.title), sections.map((s) => s.intro), sections.map((s) => s.introHtml)],
        manager,
      );
      return true;
    });
  }

  // ---- Sections ----

  listSections(): Promise<SectionRow[]> {
    return this.run(`SELECT ${SECTION_COLUMNS} FROM toolbox_section s ORDER BY s.position`, []);
  }

  async findSection(slug: string, manager?: EntityManager): Promise<SectionRow | null> {
    const rows = await this.run<SectionRow>(`SELECT ${SECTION_COLUMNS} FROM toolbox_section s WHERE s.slug = $1`, [slug], manager);
    return rows[0] ?? null;
  }

  /** Queues this transaction behind every other change of the sections' order. */
  async lockSectionOrder(manager: EntityManager): Promise<void> {
    await this.run(SECTION_ORDER_LOCK, [], manager);
  }

  /**
   * Locks a section: writes to its items queue behind each other. NO KEY UPDATE, so proposals (whose foreign key
   * checks share-lock the row) are not held up by them.
   */
  async lockSection(slug: string, manager: EntityManager): Promise<SectionRow | null> {
    const rows = await this.run<SectionRow>(
      `SELECT ${SECTION_COLUMNS} FROM toolbox_section s WHERE s.slug = $1 FOR NO KEY UPDATE`,
      [slug],
      manager,
    );
    return rows[0] ?? null;
  }

  async lockSectionById(id: string, manager: EntityManager): Promise<SectionRow | null> {
    const rows = await this.run<SectionRow>(
      `SELECT ${SECTION_COLUMNS} FROM toolbox_section s WHERE s.id = $1 FOR NO KEY UPDATE`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  async sectionCount(manager: EntityManager): Promise<number> {
    const [row] = await this.run<{ count: number }>(`SELECT count(*)::int AS count FROM toolbox_section`, [], manager);
    return row?.count ?? 0;
  }

  async slugTaken(slug: string, manager: EntityManager): Promise<boolean> {
    const [row] = await this.run<{ taken: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM toolbox_section WHERE slug = $1) AS taken`,
      [slug],
      manager,
    );
    return row?.taken ?? false;
  }

  /** Inserts at `position` (1..count+1), moving the sections from there one down. */
  async insertSection(section: NewSection & { position: number; createdBy: string }, manager: EntityManager): Promise<string> {
    await this.run(`UPDATE toolbox_section SET position = position + 1 WHERE position >= $1`, [section.position], manager);
    const rows = await this.run<{ id: string }>(
      `INSERT INTO toolbox_section (slug, title, intro, intro_html, position, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [section.slug, section.title, section.intro, section.introHtml, section.position, section.createdBy],
      manager,
    );
    return rows[0]!.id;
  }

  async updateSection(id: string, changes: { title: string; intro: string; introHtml: string }, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE toolbox_section SET title = $2, intro = $3, intro_html = $4, updated_at = now() WHERE id = $1`,
      [id, changes.title, changes.intro, changes.introHtml],
      manager,
    );
  }

  /** Moves a section from `from` to `to`; the ones between move one step the other way. */
  async moveSection(id: string, from: number, to: number, manager: EntityManager): Promise<void> {
    if (from === to) return;
    await this.run(
      `UPDATE toolbox_section
       SET position = CASE WHEN id = $1 THEN $3::int WHEN $3::int < $2::int THEN position + 1 ELSE position - 1 END
       WHERE id = $1 OR position BETWEEN least($2::int, $3::int) AND greatest($2::int, $3::int)`,
      [id, from, to],
      manager,
    );
  }

  /** Deletes the section (its items and proposals go with it) and closes the gap. */
  async deleteSection(id: string, position: number, manager: EntityManager): Promise<void> {
    await this.run(`DELETE FROM toolbox_section WHERE id = $1`, [id], manager);
    await this.run(`UPDATE toolbox_section SET position = position - 1 WHERE position > $1`, [position], manager);
  }

  /** A change of its items counts as a change of the section ("senest opdateret"). */
  async touchSection(id: string, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE toolbox_section SET updated_at = now() WHERE id = $1`, [id], manager);
  }

  // ---- Items ----

  /**
   * The items of the sections (all, or those in `sectionIds`) that the viewer may read: external links, and published
   * content in the read scope. In each section's order.
   */
  listItems(scope: ContentReadScope, sectionIds: readonly string[] | null): Promise<ItemRow[]> {
    const p = new SqlParams();
    const inSections = sectionIds === null ? 'TRUE' : `i.section_id = ANY(${p.add(sectionIds)}::bigint[])`;
    return this.run(
      `SELECT i.id, i.section_id, i.position, i.content_id, i.url, i.title, i.description,
              c.kind AS content_kind, c.slug AS content_slug, c.title AS content_title, c.summary AS content_summary,
              o.code AS organization_code, o.name AS organization_name, o.type AS organization_type
       FROM toolbox_item i
       LEFT JOIN content c ON c.id = i.content_id
       LEFT JOIN organization o ON o.id = c.organization_id
       WHERE ${inSections} AND (i.content_id IS NULL OR (c.status = 'published' AND ${readScopeCondition(scope, p)}))
       ORDER BY i.section_id, i.position`,
      p.values,
    );
  }

  async itemCount(sectionId: string, manager: EntityManager): Promise<number> {
    const [row] = await this.run<{ count: number }>(
      `SELECT count(*)::int AS count FROM toolbox_item WHERE section_id = $1`,
      [sectionId],
      manager,
    );
    return row?.count ?? 0;
  }

  async findItem(sectionId: string, itemId: string, manager: EntityManager): Promise<ItemLockRow | null> {
    const rows = await this.run<ItemLockRow>(
      `SELECT ${ITEM_LOCK_COLUMNS} FROM toolbox_item i WHERE i.section_id = $1 AND i.id = $2`,
      [sectionId, itemId],
      manager,
    );
    return rows[0] ?? null;
  }

  async contentInSection(sectionId: string, contentId: string, manager: EntityManager): Promise<boolean> {
    const [row] = await this.run<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM toolbox_item WHERE section_id = $1 AND content_id = $2) AS found`,
      [sectionId, contentId],
      manager,
    );
    return row?.found ?? false;
  }

  /** Inserts at `position` (1..count+1), moving the items from there one down. */
  async insertItem(
    item: {
      sectionId: string;
      position: number;
      contentId: string | null;
      url: string | null;
      title: string | null;
      description: string | null;
      addedBy: string | null;
    },
    manager: EntityManager,
  ): Promise<string> {
    await this.run(
      `UPDATE toolbox_item SET position = position + 1 WHERE section_id = $1 AND position >= $2`,
      [item.sectionId, item.position],
      manager,
    );
    const rows = await this.run<{ id: string }>(
      `INSERT INTO toolbox_item (section_id, position, content_id, url, title, description, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [item.sectionId, item.position, item.contentId, item.url, item.title, item.description, item.addedBy],
      manager,
    );
    return rows[0]!.id;
  }

  async updateItem(
    id: string,
    changes: { url: string | null; title: string | null; description: string | null },
    manager: EntityManager,
  ): Promise<void> {
    await this.run(
      `UPDATE toolbox_item SET url = $2, title = $3, description = $4 WHERE id = $1`,
      [id, changes.url, changes.title, changes.description],
      manager,
    );
  }

  async moveItem(sectionId: string, id: string, from: number, to: number, manager: EntityManager): Promise<void> {
    if (from === to) return;
    await this.run(
      `UPDATE toolbox_item
       SET position = CASE WHEN id = $2 THEN $4::int WHEN $4::int < $3::int THEN position + 1 ELSE position - 1 END
       WHERE section_id = $1 AND (id = $2 OR position BETWEEN least($3::int, $4::int) AND greatest($3::int, $4::int))`,
      [sectionId, id, from, to],
      manager,
    );
  }

  /** The items of a deleted content (none while it is not deleted). */
  placesOfDeletedContent(contentId: string): Promise<{ id: string; section_id: string }[]> {
    return this.run(
      `SELECT i.id, i.section_id FROM toolbox_item i JOIN content c ON c.id = i.content_id
       WHERE i.content_id = $1 AND c.deleted_at IS NOT NULL ORDER BY i.section_id`,
      [contentId],
    );
  }

  async deleteItem(sectionId: string, id: string, position: number, manager: EntityManager): Promise<void> {
    await this.run(`DELETE FROM toolbox_item WHERE id = $1`, [id], manager);
    await this.run(
      `UPDATE toolbox_item SET position = position - 1 WHERE section_id = $1 AND position > $2`,
      [sectionId, position],
      manager,
    );
  }

  // ---- Proposals ----

  /** The new proposal's id, or null when one for the same item and section is already pending. */
  async insertProposal(
    proposal: { sectionId: string; contentId: string; proposerId: string; organizationId: string; note: string | null },
    manager: EntityManager,
  ): Promise<string | null> {
    const rows = await this.run<{ id: string }>(
      `INSERT INTO toolbox_proposal (section_id, content_id, proposer_id, organization_id, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (section_id, content_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [proposal.sectionId, proposal.contentId, proposal.proposerId, proposal.organizationId, proposal.note],
      manager,
    );
    return rows[0]?.id ?? null;
  }

  async pendingProposalId(sectionId: string, contentId: string, manager: EntityManager): Promise<string | null> {
    const rows = await this.run<{ id: string }>(
      `SELECT id FROM toolbox_proposal WHERE section_id = $1 AND content_id = $2 AND status = 'pending'`,
      [sectionId, contentId],
      manager,
    );
    return rows[0]?.id ?? null;
  }

  async proposalSectionId(id: string, manager: EntityManager): Promise<string | null> {
    const rows = await this.run<{ section_id: string }>(`SELECT section_id FROM toolbox_proposal WHERE id = $1`, [id], manager);
    return rows[0]?.section_id ?? null;
  }

  async lockProposal(id: string, manager: EntityManager): Promise<ProposalLockRow | null> {
    const rows = await this.run<ProposalLockRow>(
      `SELECT p.id, p.section_id, p.content_id, p.proposer_id, p.organization_id, p.status, s.slug AS section_slug, s.title AS section_title
       FROM toolbox_proposal p JOIN toolbox_section s ON s.id = p.section_id
       WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  async decideProposal(
    id: string,
    decision: { status: 'accepted' | 'declined'; reason: string | null; decidedBy: string },
    manager: EntityManager,
  ): Promise<void> {
    await this.run(
      `UPDATE toolbox_proposal SET status = $2, reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`,
      [id, decision.status, decision.reason, decision.decidedBy],
      manager,
    );
  }

  async findProposal(id: string, manager?: EntityManager): Promise<ProposalRow | null> {
    const rows = await this.run<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_FROM} WHERE p.id = $1`, [id], manager);
    return rows[0] ?? null;
  }

  /** Newest first, only about content the viewer may read; the total counts the same rows. */
  async listProposals(
    scope: ContentReadScope,
    filter: { status?: ProposalStatus; proposerId?: string; limit: number },
  ): Promise<{ rows: ProposalRow[]; total: number }> {
    const p = new SqlParams();
    const where = [readScopeCondition(scope, p)];
    if (filter.status) where.push(`p.status = ${p.add(filter.status)}`);
    if (filter.proposerId) where.push(`p.proposer_id = ${p.add(filter.proposerId)}`);
    const condition = where.join(' AND ');
    const countParams = [...p.values];
    const [rows, count] = await Promise.all([
      this.run<ProposalRow>(
        `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_FROM} WHERE ${condition} ORDER BY p.created_at DESC, p.id DESC LIMIT ${p.add(filter.limit)}`,
        p.values,
      ),
      this.run<{ total: number }>(`SELECT count(*)::int AS total FROM ${PROPOSAL_FROM} WHERE ${condition}`, countParams),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }
}
