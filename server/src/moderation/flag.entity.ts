import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { ReplyEntity } from '../content/reply.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A member's flag on content (reply_id null) or on a reply in it; resolved once by a moderator's decision. */
@Entity('flag')
@Check('flag_reason_check', `"reason" IN ('outdated', 'off_topic', 'personal_data', 'abusive', 'other')`)
@Check('flag_resolution_check', `"resolution" IN ('dismiss', 'edit', 'hide', 'lock', 'delete')`)
@Check('flag_resolved_check', `("resolved_at" IS NULL) = ("resolution" IS NULL)`)
@Index('flag_target_idx', ['contentId', 'replyId'])
// Partial and expression indexes: the migration owns them.
@Index('flag_open_key', { synchronize: false })
@Index('flag_open_idx', { synchronize: false })
export class FlagEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'flag_content_id_fkey' })
  content: Relation<ContentEntity>;

  @Column({ name: 'reply_id', type: 'bigint', nullable: true })
  replyId: string | null;

  @ManyToOne(() => ReplyEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'reply_id', foreignKeyConstraintName: 'flag_reply_id_fkey' })
  reply: Relation<ReplyEntity> | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'flag_user_id_fkey' })
  user: Relation<UserEntity> | null;

  /** The flagger's municipality: the threshold counts municipalities, not people. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'flag_organization_id_fkey' })
  organization: Relation<OrganizationEntity>;

  @Column({ type: 'varchar', length: 20 })
  reason: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  text: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'flag_resolved_by_fkey' })
  resolver: Relation<UserEntity> | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  resolution: string | null;

  @Column({ name: 'resolution_reason', type: 'varchar', length: 500, nullable: true })
  resolutionReason: string | null;
}
