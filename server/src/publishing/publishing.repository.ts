import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, OrganizationType, Visibility } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';

/** A content's row of the workflow, with the names the pages show. */
export interface PublishingRow {
  content_id: string;
  toolbox_section_id: string | null;
  section_slug: string | null;
  section_title: string | null;
  publish_at: Date | null;
  note: string | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  approved_by_name: string | null;
  returned_by: string | null;
  returned_by_name: string | null;
  returned_reason: string | null;
  /** Who changed its text since it was submitted: they may not be its second moderator. */
  editors_since_submission: string[];
}

/** One line of the moderators' queue: the item, its author, and its workflow row. */
export interface QueueRow extends PublishingRow {
  id: string;
  kind: ContentKind;
  slug: string;
  title: string;
  status: 'in_review' | 'scheduled';
  visibility: Visibility;
  locked: boolean;
  author_id: string | null;
  organization_id: string;
  author_name: string | null;
  organization_name: string;
  organization_type: OrganizationType;
  updated_at: Date;
}

export interface PublishingWrite {
  toolboxSectionId: string | null;
  publishAt: Date | null;
  note: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  returnedBy: string | null;
  returnedReason: string | null;
}

const PUBLISHING_COLUMNS = `
  p.content_id, p.toolbox_section_id, s.slug AS section_slug, s.title AS section_title, p.publish_at, p.note,
  p.submitted_by, sub.name AS submitted_by_name, p.submitted_at, p.approved_by, app.name AS approved_by_name,
  p.returned_by, ret.name AS returned_by_name, p.returned_reason,
  ARRAY(SELECT DISTINCT r.editor_id::text FROM revision r
        WHERE r.content_id = p.content_id AND r.reply_id IS NULL AND r.editor_id IS NOT NULL
          AND p.submitted_at IS NOT NULL AND r.edited_at >= p.submitted_at) AS editors_since_submission`;
const PUBLISHING_JOINS = `
  LEFT JOIN toolbox_section s ON s.id = p.toolbox_section_id
  LEFT JOIN "user" sub ON sub.id = p.submitted_by
  LEFT JOIN "user" app ON app.id = p.approved_by
  LEFT JOIN "user" ret ON ret.id = p.returned_by`;

/** The workflow's SQL. Every write to a row happens under its content's row lock, which the callers hold. */
@Injectable()
export class PublishingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource.manager).query(sql, params) as Promise<T[]>;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(contentId: string, manager?: EntityManager): Promise<PublishingRow | null> {
    const rows = await this.run<PublishingRow>(
      `SELECT ${PUBLISHING_COLUMNS} FROM content_publishing p ${PUBLISHING_JOINS} WHERE p.content_id = $1`,
      [contentId],
      manager,
    );
    return rows[0] ?? null;
  }

  /** The section a submit names, key-share locked: it cannot be deleted under the submit, nor is an addition held up. */
  async shareSection(slug: string, manager: EntityManager): Promise<{ id: string; slug: string; title: string } | null> {
    const rows = await this.run<{ id: string; slug: string; title: string }>(
      `SELECT id, slug, title FROM toolbox_section WHERE slug = $1 FOR KEY SHARE`,
      [slug],
      manager,
    );
    return rows[0] ?? null;
  }

  /** The section a row targets, read before any lock: the callers lock the section first, then the content. */
  async targetSectionId(contentId: string, manager: EntityManager): Promise<string | null> {
    const rows = await this.run<{ toolbox_section_id: string | null }>(
      `SELECT toolbox_section_id FROM content_publishing WHERE content_id = $1`,
      [contentId],
      manager,
    );
    return rows[0]?.toolbox_section_id ?? null;
  }

  async save(contentId: string, write: PublishingWrite, manager: EntityManager): Promise<void> {
    await this.run(
      `INSERT INTO content_publishing (content_id, toolbox_section_id, publish_at, note, submitted_by, submitted_at,
                                       approved_by, approved_at, returned_by, returned_reason, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
       ON CONFLICT (content_id) DO UPDATE SET
         toolbox_section_id = EXCLUDED.toolbox_section_id, publish_at = EXCLUDED.publish_at, note = EXCLUDED.note,
         submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at, approved_by = EXCLUDED.approved_by,
         approved_at = EXCLUDED.approved_at, returned_by = EXCLUDED.returned_by, returned_reason = EXCLUDED.returned_reason,
         updated_at = now()`,
      [
        contentId,
        write.toolboxSectionId,
        write.publishAt,
        write.note,
        write.submittedBy,
        write.submittedAt,
        write.approvedBy,
        write.approvedAt,
        write.returnedBy,
        write.returnedReason,
      ],
      manager,
    );
  }

  /**
   * Withdraws the approval of scheduled toolbox material edited by someone other than its approver; true when it did
   * (the item then goes back to review).
   */
  async reopenApproval(contentId: string, editorId: string, manager: EntityManager): Promise<boolean> {
    // As a SELECT over the update: TypeORM hands back an UPDATE's result as [rows, count], a SELECT's as rows.
    const rows = await this.run<{ reopened: number }>(
      `WITH reopened AS (
         UPDATE content_publishing SET approved_by = NULL, approved_at = NULL, updated_at = now()
         WHERE content_id = $1 AND toolbox_section_id IS NOT NULL AND approved_by IS DISTINCT FROM $2
         RETURNING content_id)
       SELECT count(*)::int AS reopened FROM reopened`,
      [contentId, editorId],
      manager,
    );
    return (rows[0]?.reopened ?? 0) > 0;
  }

  /** In review (oldest submission first) and scheduled (soonest first), of content nobody deleted. */
  queue(status: 'in_review' | 'scheduled' | undefined, limit: number): Promise<QueueRow[]> {
    return this.run<QueueRow>(
      `SELECT c.id, c.kind, c.slug, c.title, c.status, c.visibility, c.locked, c.author_id, c.organization_id, c.updated_at,
              u.name AS author_name, o.name AS organization_name, o.type AS organization_type, ${PUBLISHING_COLUMNS}
       FROM content c
       JOIN organization o ON o.id = c.organization_id
       LEFT JOIN "user" u ON u.id = c.author_id
       JOIN content_publishing p ON p.content_id = c.id ${PUBLISHING_JOINS}
       WHERE c.deleted_at IS NULL AND c.status IN ('in_review', 'scheduled') AND ($1::text IS NULL OR c.status = $1)
       ORDER BY c.status, CASE WHEN c.status = 'scheduled' THEN p.publish_at ELSE p.submitted_at END ASC, c.id ASC
       LIMIT $2`,
      [status ?? null, limit],
    );
  }

  async queueCounts(): Promise<{ inReview: number; scheduled: number }> {
    const [row] = await this.run<{ in_review: number; scheduled: number }>(
      `SELECT count(*) FILTER (WHERE status = 'in_review')::int AS in_review, count(*) FILTER (WHERE status = 'scheduled')::int AS scheduled
       FROM content WHERE deleted_at IS NULL AND status IN ('in_review', 'scheduled')`,
      [],
    );
    return { inReview: row?.in_review ?? 0, scheduled: row?.scheduled ?? 0 };
  }

  /** Scheduled items whose time has come, soonest first. */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.run<{ id: string }>(
      `SELECT c.id FROM content c JOIN content_publishing p ON p.content_id = c.id
       WHERE c.status = 'scheduled' AND c.deleted_at IS NULL AND p.publish_at <= $1
       ORDER BY p.publish_at, c.id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** KOMBIT's moderators and admins who are active: they are told when something waits for approval. */
  async reviewers(manager: EntityManager): Promise<string[]> {
    const rows = await this.run<{ id: string }>(
      `SELECT id FROM "user" WHERE role IN ('moderator', 'admin') AND status = 'active' AND deleted_at IS NULL`,
      [],
      manager,
    );
    return rows.map((row) => row.id);
  }
}
