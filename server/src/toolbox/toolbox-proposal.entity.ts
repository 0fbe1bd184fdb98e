import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ToolboxSectionEntity } from './toolbox-section.entity.js';

/** "Foreslå til Værktøjskassen": a member proposes an item for a section; a moderator accepts or declines. */
@Entity('toolbox_proposal')
@Check('toolbox_proposal_status_check', `"status" IN ('pending', 'accepted', 'declined')`)
@Index('toolbox_proposal_status_idx', ['status', 'createdAt'])
// Partial unique index (one open proposal per item and section): the migration owns it.
@Index('toolbox_proposal_pending_key', { synchronize: false })
export class ToolboxProposalEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'section_id', type: 'bigint' })
  sectionId: string;

  @ManyToOne(() => ToolboxSectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'toolbox_proposal_section_id_fkey' })
  section: Relation<ToolboxSectionEntity>;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'toolbox_proposal_content_id_fkey' })
  content: Relation<ContentEntity>;

  @Column({ name: 'proposer_id', type: 'uuid', nullable: true })
  proposerId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'proposer_id', foreignKeyConstraintName: 'toolbox_proposal_proposer_id_fkey' })
  proposer: Relation<UserEntity> | null;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'toolbox_proposal_organization_id_fkey' })
  organization: Relation<OrganizationEntity>;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'toolbox_proposal_decided_by_fkey' })
  decider: Relation<UserEntity> | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
