import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** One attachment as the service reads it (pg's bigint as a string). */
export interface AttachmentRow {
  id: string;
  content_id: string;
  sha256: string;
  name: string;
  size: string;
  media_type: string;
  searchable: boolean;
  created_at: Date;
}

export interface AttachmentInsert {
  contentId: string;
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
  text: string | null;
  uploadedById: string;
}

const COLUMNS = `a.id, a.content_id, a.sha256, a.name, a.size, a.media_type,
  (a.text IS NOT NULL AND a.text <> '') AS searchable, a.created_at`;

/** All SQL about attachments. Deleted rows are kept (soft delete) and never read back. */
@Injectable()
export class AttachmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource).query(sql, params) as Promise<T[]>;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(id: string, manager?: EntityManager): Promise<AttachmentRow | null> {
    const rows = await this.run<AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachment a WHERE a.id = $1 AND a.deleted_at IS NULL${manager ? ' FOR UPDATE' : ''}`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  listFor(contentId: string): Promise<AttachmentRow[]> {
    return this.run<AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachment a WHERE a.content_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`,
      [contentId],
    );
  }

  async countFor(contentId: string, manager?: EntityManager): Promise<number> {
    const rows = await this.run<{ count: number }>(
      'SELECT count(*)::int AS count FROM attachment WHERE content_id = $1 AND deleted_at IS NULL',
      [contentId],
      manager,
    );
    return rows[0]?.count ?? 0;
  }

  /**
   * Serialises everything that stores or removes the bytes of `sha256` until the transaction ends: an upload of
   * the same file cannot slip in between "no row uses it any more" and removing it.
   */
  async lockBytes(sha256: string, manager: EntityManager): Promise<void> {
    await this.run(`SELECT pg_advisory_xact_lock(hashtextextended('attachment:' || $1, 0))`, [sha256], manager);
  }

  async isReferenced(sha256: string, manager: EntityManager): Promise<boolean> {
    const rows = await this.run<{ used: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM attachment WHERE sha256 = $1 AND deleted_at IS NULL) AS used',
      [sha256],
      manager,
    );
    return rows[0]?.used ?? false;
  }

  async insert(input: AttachmentInsert, manager: EntityManager): Promise<AttachmentRow> {
    const rows = await this.run<AttachmentRow>(
      `INSERT INTO attachment AS a (content_id, sha256, name, size, media_type, text, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [input.contentId, input.sha256, input.name, input.size, input.mediaType, input.text, input.uploadedById],
      manager,
    );
    return rows[0]!;
  }

  async markDeleted(id: string, manager: EntityManager): Promise<void> {
    await this.run('UPDATE attachment SET deleted_at = now() WHERE id = $1', [id], manager);
  }
}
