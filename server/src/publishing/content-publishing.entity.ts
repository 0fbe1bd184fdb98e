import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { ToolboxSectionEntity } from '../toolbox/toolbox-section.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** Where a KOMBIT item stands in the publishing workflow; the status itself is the content's. */
@Entity('content_publishing')
export class ContentPublishingEntity {
  @PrimaryColumn({ name: 'content_id', type: 'bigint', primaryKeyConstraintName: 'content_publishing_pkey' })
  contentId: string;

  @OneToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'content_publishing_content_id_fkey' })
  content: Relation<ContentEntity>;

  /** Toolbox material: approval places it in this section, and needs a second moderator. */
  @Column({ name: 'toolbox_section_id', type: 'bigint', nullable: true })
  toolboxSectionId: string | null;

  @ManyToOne(() => ToolboxSectionEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'toolbox_section_id', foreignKeyConstraintName: 'content_publishing_toolbox_section_id_fkey' })
  toolboxSection: Relation<ToolboxSectionEntity> | null;

  @Column({ name: 'publish_at', type: 'timestamptz', nullable: true })
  publishAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'content_publishing_submitted_by_fkey' })
  submitter: Relation<UserEntity> | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'content_publishing_approved_by_fkey' })
  approver: Relation<UserEntity> | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'returned_by', type: 'uuid', nullable: true })
  returnedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'returned_by', foreignKeyConstraintName: 'content_publishing_returned_by_fkey' })
  returner: Relation<UserEntity> | null;

  @Column({ name: 'returned_reason', type: 'varchar', length: 1000, nullable: true })
  returnedReason: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
