import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Something a user should know about (a suggestion they voted on was planned …); in-app now, e-mail later. */
@Entity('notification')
@Index('notification_user_idx', ['userId', 'createdAt'])
// Partial index of unread rows (the bell's count): the migration owns it.
@Index('notification_unread_idx', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_user_id_fkey' })
  user: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ name: 'content_id', type: 'bigint', nullable: true })
  contentId: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'notification_content_id_fkey' })
  content: Relation<ContentEntity> | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notification_actor_id_fkey' })
  actor: Relation<UserEntity> | null;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** When it went out by e-mail (immediate mails only; digests are built from what is new). */
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;
}
