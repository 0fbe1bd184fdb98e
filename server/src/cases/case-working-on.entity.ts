import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** "Jeg er i gang med det samme": a member whose municipality is working on the same migration as a case. */
@Entity('case_working_on')
@Index('case_working_on_user_idx', ['userId'])
export class CaseWorkingOnEntity {
  @PrimaryColumn({ name: 'content_id', type: 'bigint', primaryKeyConstraintName: 'case_working_on_pkey' })
  contentId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'case_working_on_pkey' })
  userId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'case_working_on_content_id_fkey' })
  content: Relation<ContentEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'case_working_on_user_id_fkey' })
  user: Relation<UserEntity>;

  /** The member's municipality when they marked it: the case counts municipalities, not people. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'case_working_on_organization_id_fkey' })
  organization: Relation<OrganizationEntity>;

  @Column({ name: 'show_contact', type: 'boolean', default: false })
  showContact: boolean;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
