import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStatus } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import { readScopeCondition, SqlParams } from '../content/content.repository.js';

export interface WorkingOnRow {
  user_id: string;
  organization_id: string;
  organization_code: string;
  organization_name: string;
  show_contact: boolean;
  note: string | null;
  created_at: Date;
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
}

export interface AuthorContactRow {
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
}

export interface MatrixRow {
  system: string;
  supplier: string;
  component_slug: string;
  component_name: string;
  component_short_name: string | null;
  component_position: number;
  organization_code: string;
  organization_name: string;
  /** completed / working: from the case's own status, or "working" from a "jeg er i gang" mark. */
  state: 'completed' | 'working';
  case_id: string;
  case_slug: string;
  case_title: string;
  case_status: CaseStatus;
}

/** SQL about migration cases: who is working on the same, the author's contact, and the matrix. */
@Injectable()
export class CaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource.manager).query(sql, params) as Promise<T[]>;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Everyone who marked the case, oldest first, with what their profile says about them. Suspended members are left out. */
  workingOn(contentId: string, manager?: EntityManager): Promise<WorkingOnRow[]> {
    return this.q<WorkingOnRow>(
      `SELECT w.user_id, w.organization_id, o.code AS organization_code, o.name AS organization_name, w.show_contact, w.note,
              w.created_at, u.name, u.title, u.email, u.phone
       FROM case_working_on w JOIN "user" u ON u.id = w.user_id JOIN organization o ON o.id = w.organization_id
       WHERE w.content_id = $1 AND u.status = 'active'
       ORDER BY w.created_at, w.user_id`,
      [contentId],
      manager,
    );
  }

  authorContact(userId: string, manager?: EntityManager): Promise<AuthorContactRow[]> {
    return this.q<AuthorContactRow>(`SELECT name, title, email, phone FROM "user" WHERE id = $1 AND status = 'active'`, [userId], manager);
  }

  /** Marks or updates the caller's mark; returns whether the row is new. The primary key makes repeats updates. */
  async mark(
    contentId: string,
    user: { id: string; organizationId: string },
    input: { showContact: boolean; note: string | null },
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await this.q<{ inserted: boolean }>(
      `INSERT INTO case_working_on (content_id, user_id, organization_id, show_contact, note)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (content_id, user_id) DO UPDATE SET show_contact = EXCLUDED.show_contact, note = EXCLUDED.note
       RETURNING (xmax = 0) AS inserted`,
      [contentId, user.id, user.organizationId, input.showContact, input.note],
      manager,
    );
    return rows[0]?.inserted ?? false;
  }

  async unmark(contentId: string, userId: string, manager: EntityManager): Promise<boolean> {
    const rows = await this.q<{ user_id: string }>(
      `DELETE FROM case_working_on WHERE content_id = $1 AND user_id = $2 RETURNING user_id`,
      [contentId, userId],
      manager,
    );
    return rows.length > 0;
  }

  /**
   * How many marks the organization has on the case, after waiting for its other members' marks in flight: the author
   * is told once per municipality, also when two colleagues click at the same moment.
   */
  async organizationMarks(contentId: string, organizationId: string, manager: EntityManager): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('case_working_on:' || $1 || ':' || $2, 0))`, [
      contentId,
      organizationId,
    ]);
    const rows = await this.q<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_working_on WHERE content_id = $1 AND organization_id = $2`,
      [contentId, organizationId],
      manager,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * One row per (case, municipality, state) among the published cases the viewer may read: the case's own municipality as
   * completed or working by the case's status, and every municipality that marked it as working. Stopped cases
   * count for nobody. A case whose target component is unknown to the catalog is left out.
   */
  matrix(scope: ContentReadScope, filter: { supplier?: string; component?: string }): Promise<MatrixRow[]> {
    const p = new SqlParams();
    // Published cases only: a draft, one in review or a hidden one is nobody's experience to find yet.
    const where = [
      readScopeCondition(scope, p),
      `c.status = 'published'`,
      `c.kind = 'case'`,
      `c.attributes->>'status' IN ('planned', 'in_progress', 'completed')`,
    ];
    if (filter.supplier) where.push(`lower(c.attributes->>'supplier') = lower(${p.add(filter.supplier)})`);
    if (filter.component) where.push(`cat.slug = ${p.add(filter.component)}`);
    return this.q<MatrixRow>(
      `WITH cases AS (
         SELECT c.id, c.slug, c.title, c.organization_id, c.attributes->>'status' AS status,
                c.attributes->>'system' AS system, c.attributes->>'supplier' AS supplier,
                cat.slug AS component_slug, cat.name AS component_name, cat.short_name AS component_short_name,
                cat.position AS component_position
         FROM content c JOIN catalog_component cat ON cat.slug = c.attributes->'to'->>'component'
         WHERE ${where.join(' AND ')}
       ),
       entries AS (
         SELECT id, organization_id, CASE WHEN status = 'completed' THEN 'completed' ELSE 'working' END AS state FROM cases
         UNION
         SELECT w.content_id, w.organization_id, 'working' FROM case_working_on w JOIN cases ON cases.id = w.content_id
           JOIN "user" wu ON wu.id = w.user_id AND wu.status = 'active'
       )
       SELECT cases.system, cases.supplier, cases.component_slug, cases.component_name, cases.component_short_name,
              cases.component_position, o.code AS organization_code, o.name AS organization_name, e.state,
              cases.id AS case_id, cases.slug AS case_slug, cases.title AS case_title, cases.status AS case_status
       FROM entries e JOIN cases ON cases.id = e.id JOIN organization o ON o.id = e.organization_id
       ORDER BY lower(cases.system), cases.component_position, cases.component_name, o.name, cases.id`,
      p.values,
    );
  }
}
