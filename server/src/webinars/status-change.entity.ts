import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** One step in the life of a suggestion or webinar (new → considering → planned …), shown as its timeline. */
@Entity('status_change')
@Index('status_change_content_idx', ['contentId', 'createdAt'])
export class StatusChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'status_change_content_id_fkey' })
  content: Relation<ContentEntity>;

  /** Null for the first step (created). */
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** The webinar a suggestion was planned for. */
  @Column({ name: 'webinar_id', type: 'bigint', nullable: true })
  webinarId: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'webinar_id', foreignKeyConstraintName: 'status_change_webinar_id_fkey' })
  webinar: Relation<ContentEntity> | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'status_change_actor_id_fkey' })
  actor: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
