import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What Meilisearch still has to learn: one row per changed document (or the synonyms), written by triggers. */
@Entity('search_outbox')
@Check('search_outbox_entity_check', `"entity" IN ('content', 'synonyms')`)
@Index('search_outbox_available_idx', ['availableAt', 'id'])
export class SearchOutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  entity: 'content' | 'synonyms';

  @Column({ name: 'entity_id', type: 'bigint', nullable: true })
  entityId: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Not before: a failed row waits with exponential backoff. */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
