import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { UserRole, UserStatus } from '@infraforum/shared';
import { OrganizationEntity } from '../organizations/organization.entity.js';

const ROLES = `'member', 'org_admin', 'moderator', 'admin'`;

/** Constraint and index names are those the migrations created, so TypeORM's schema diff stays empty. */
@Entity('user')
@Index('user_organization_status_idx', ['organizationId', 'status'])
@Check('user_email_lower', `"email" = lower("email")`)
@Check('user_role_check', `"role" IN (${ROLES})`)
@Check('user_status_check', `"status" IN ('pending', 'active', 'suspended')`)
@Check('user_suspended_by_role_check', `"suspended_by_role" IN (${ROLES})`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('user_email_key', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ name: 'show_contact_details', type: 'boolean', default: false })
  showContactDetails: boolean;

  @Column({ type: 'varchar', length: 20, default: 'member' })
  role: UserRole;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  status: UserStatus;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT', eager: false })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'user_organization_id_fkey' })
  organization: Relation<OrganizationEntity>;

  /** False when the address is outside the organization's domains: someone must approve. */
  @Column({ name: 'email_domain_matches', type: 'boolean' })
  emailDomainMatches: boolean;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'approved_by_id', type: 'uuid', nullable: true })
  approvedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'approved_by_id', foreignKeyConstraintName: 'user_approved_by_id_fkey' })
  approvedBy: Relation<UserEntity> | null;

  /** Who suspended the account and their role at the time; both cleared on reactivation. */
  @Column({ name: 'suspended_by_id', type: 'uuid', nullable: true })
  suspendedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'suspended_by_id', foreignKeyConstraintName: 'user_suspended_by_id_fkey' })
  suspendedBy: Relation<UserEntity> | null;

  @Column({ name: 'suspended_by_role', type: 'varchar', length: 20, nullable: true })
  suspendedByRole: UserRole | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** Deleted by its owner: the row stays, anonymised, so their content keeps its municipality. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
