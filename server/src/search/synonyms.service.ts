import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SynonymGroup } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../common/api-exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../common/session-user.js';

interface SynonymRow {
  id: string;
  terms: string[];
  updated_at: Date;
  updated_by: string | null;
}

const notFound = () => ApiException.notFound('Synonymgruppen findes ikke.');

/**
 * Synonym groups, edited by moderators. A trigger puts a row in the search outbox on every change,
 * so the worker pushes the new list to Meilisearch (and retries while it is away).
 */
@Injectable()
export class SynonymsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<SynonymGroup[]> {
    const rows = await this.dataSource.query<SynonymRow[]>(
      `SELECT s.id, s.terms, s.updated_at, u.name AS updated_by FROM search_synonym s
       LEFT JOIN "user" u ON u.id = s.updated_by_id ORDER BY lower(s.terms[1]), s.id`,
    );
    return rows.map(toGroup);
  }

  async create(actor: SessionUser, terms: string[], correlationId?: string): Promise<SynonymGroup> {
    return this.dataSource.transaction(async (manager) => {
      await this.refuseOverlap(manager, terms, null);
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO search_synonym (terms, created_by_id, updated_by_id) VALUES ($1, $2, $2) RETURNING id`,
        [terms, actor.id],
      );
      const id = (row as { id: string }).id;
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'search.synonyms.create',
          targetType: 'search_synonym',
          targetId: id,
          after: { terms },
          correlationId,
        },
        manager,
      );
      return this.get(manager, id);
    });
  }

  async update(actor: SessionUser, id: string, terms: string[], correlationId?: string): Promise<SynonymGroup> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, id);
      await this.refuseOverlap(manager, terms, id);
      await manager.query(`UPDATE search_synonym SET terms = $2, updated_by_id = $3, updated_at = now() WHERE id = $1`, [
        id,
        terms,
        actor.id,
      ]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'search.synonyms.update',
          targetType: 'search_synonym',
          targetId: id,
          before: { terms: before.terms },
          after: { terms },
          correlationId,
        },
        manager,
      );
      return this.get(manager, id);
    });
  }

  async remove(actor: SessionUser, id: string, correlationId?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, id);
      await manager.query(`DELETE FROM search_synonym WHERE id = $1`, [id]);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'search.synonyms.delete',
          targetType: 'search_synonym',
          targetId: id,
          before: { terms: before.terms },
          correlationId,
        },
        manager,
      );
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<{ terms: string[] }> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound();
    const [row] = await manager.query<Array<{ terms: string[] }>>(`SELECT terms FROM search_synonym WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw notFound();
    return row;
  }

  /** A term in two groups would make Meilisearch join the groups silently: say which group has it. */
  private async refuseOverlap(manager: EntityManager, terms: string[], exceptId: string | null): Promise<void> {
    // Serialise edits, so two moderators cannot add the same term to two groups at once.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('infraforum.search.synonyms'))`);
    const rows = await manager.query<Array<{ term: string; group_terms: string[] }>>(
      `SELECT t AS term, s.terms AS group_terms FROM search_synonym s, unnest(s.terms) t
       WHERE lower(t) = ANY($1::text[]) AND ($2::uuid IS NULL OR s.id <> $2::uuid) LIMIT 1`,
      [terms.map((term) => term.toLowerCase()), exceptId],
    );
    const clash = rows[0];
    if (clash) {
      const message = `"${clash.term}" står allerede i gruppen "${clash.group_terms.join(', ')}". Ret den gruppe i stedet.`;
      throw ApiException.conflict('CONFLICT', message, { terms: [message] });
    }
  }

  private async get(manager: EntityManager, id: string): Promise<SynonymGroup> {
    const [row] = await manager.query<SynonymRow[]>(
      `SELECT s.id, s.terms, s.updated_at, u.name AS updated_by FROM search_synonym s LEFT JOIN "user" u ON u.id = s.updated_by_id WHERE s.id = $1`,
      [id],
    );
    if (!row) throw notFound();
    return toGroup(row);
  }
}

function toGroup(row: SynonymRow): SynonymGroup {
  return { id: row.id, terms: row.terms, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by };
}
