import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { contentPath, type AuditEntry, type AuditQuery, type ContentKind } from '@infraforum/shared';
import { DataSource } from 'typeorm';
import { SqlParams } from '../content/content.repository.js';

export const AUDIT_PAGE_SIZE = 50;
/** A CSV export is for a period, not for ever: the newest rows up to this many. */
export const AUDIT_EXPORT_MAX = 50_000;

interface AuditRow {
  id: string;
  created_at: Date;
  action: string;
  actor_name: string | null;
  actor_email: string | null;
  actor_role: string | null;
  actor_organization_code: string | null;
  actor_organization_name: string | null;
  target_type: string;
  target_id: string;
  target_title: string | null;
  target_kind: ContentKind | null;
  target_content_id: string | null;
  target_slug: string | null;
  organization_code: string | null;
  organization_name: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  correlation_id: string | null;
}

/** Reads the audit log for the admins' page and its CSV export; writing stays with AuditService. */
@Injectable()
export class AuditLogReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AuditQuery, limit: number, offset: number): Promise<{ items: AuditEntry[]; total: number }> {
    const p = new SqlParams();
    const where = this.conditions(query, p);
    const countParams = [...p.values];
    const [rows, count] = await Promise.all([
      this.dataSource.query(
        `SELECT a.id, a.created_at, a.action, u.name AS actor_name, u.email AS actor_email, u.role AS actor_role,
                uo.code AS actor_organization_code, uo.name AS actor_organization_name,
                a.target_type, a.target_id, COALESCE(c.title, tu.name, ts.title) AS target_title, c.kind AS target_kind,
                c.id AS target_content_id, c.slug AS target_slug,
                o.code AS organization_code, o.name AS organization_name, a.reason, a.before, a.after, a.correlation_id
         FROM audit_log a
         LEFT JOIN "user" u ON u.id = a.actor_id
         LEFT JOIN organization uo ON uo.id = u.organization_id
         LEFT JOIN organization o ON o.id = a.organization_id
         ${TARGET_JOINS}
         WHERE ${where}
         ORDER BY a.created_at DESC, a.id DESC
         LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
        p.values,
      ) as Promise<AuditRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_log a LEFT JOIN "user" u ON u.id = a.actor_id ${TARGET_JOINS} WHERE ${where}`,
        countParams,
      ) as Promise<{ n: number }[]>,
    ]);
    return { items: rows.map(toEntry), total: count[0]?.n ?? 0 };
  }

  private conditions(query: AuditQuery, p: SqlParams): string {
    const where = ['TRUE'];
    if (query.action) {
      const action = p.add(query.action);
      where.push(`(a.action = ${action} OR a.action LIKE ${action} || '.%')`);
    }
    // Days are Copenhagen days: an action at 00:30 on 2 November belongs to 2 November.
    if (query.from) where.push(`a.created_at >= (${p.add(query.from)}::date::timestamp AT TIME ZONE 'Europe/Copenhagen')`);
    if (query.to) where.push(`a.created_at < ((${p.add(query.to)}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`);
    if (query.q) {
      const like = p.add(`%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
      where.push(`(a.action ILIKE ${like} OR a.reason ILIKE ${like} OR u.name ILIKE ${like} OR u.email ILIKE ${like}
        OR a.target_id ILIKE ${like} OR COALESCE(c.title, tu.name, ts.title) ILIKE ${like}
        OR a.before::text ILIKE ${like} OR a.after::text ILIKE ${like})`);
    }
    return where.join(' AND ');
  }
}

// Only well-formed ids are cast (target_id is free text: uuids, numeric ids, slugs); a CASE keeps the cast behind the check.
const numericTarget = (type: string) =>
  `CASE WHEN a.target_type = '${type}' AND a.target_id ~ '^[0-9]{1,18}$' THEN a.target_id::bigint END`;
const TARGET_JOINS = `
  LEFT JOIN reply tr ON tr.id = ${numericTarget('reply')}
  LEFT JOIN content c ON c.id = COALESCE(${numericTarget('content')}, tr.content_id)
  LEFT JOIN "user" tu ON tu.id = CASE WHEN a.target_type = 'user'
    AND a.target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN a.target_id::uuid END
  LEFT JOIN toolbox_section ts ON ts.id = ${numericTarget('toolbox_section')}`;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.created_at.toISOString(),
    action: row.action,
    actor:
      row.actor_name === null
        ? null
        : {
            name: row.actor_name,
            email: row.actor_email ?? '',
            role: row.actor_role ?? '',
            organization: { code: row.actor_organization_code ?? '', name: row.actor_organization_name ?? '' },
          },
    targetType: row.target_type,
    targetId: row.target_id,
    target:
      row.target_title === null
        ? null
        : {
            title: row.target_title,
            path:
              row.target_kind && row.target_content_id && row.target_slug
                ? contentPath({ kind: row.target_kind, id: Number(row.target_content_id), slug: row.target_slug })
                : null,
          },
    organization: row.organization_code === null ? null : { code: row.organization_code, name: row.organization_name ?? '' },
    reason: row.reason,
    before: row.before,
    after: row.after,
    correlationId: row.correlation_id,
  };
}
