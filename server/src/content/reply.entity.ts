import {
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
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ContentEntity } from './content.entity.js';

/** An answer in a thread (or a comment on other kinds later): Markdown source beside its sanitised HTML. */
@Entity('reply')
@Index('reply_content_idx', ['contentId', 'createdAt'])
export class ReplyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'reply_content_id_fkey' })
  content: Relation<ContentEntity>;

  @Index('reply_author_idx')
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'reply_author_id_fkey' })
  author: Relation<UserEntity> | null;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'reply_organization_id_fkey' })
  organization: Relation<OrganizationEntity>;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  /** Hidden by a moderator: shown only to its author and moderators. */
  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  /** Shown to the author while the item is hidden: why a moderator hid it. */
  @Column({ name: 'hidden_reason', type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  /** Hidden by the flag threshold pending review, not by a moderator: dismissing the flags shows it again. */
  @Column({ name: 'hidden_by_flags', type: 'boolean', default: false })
  hiddenByFlags: boolean;

  @Column({ type: 'integer', default: 0 })
  score: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
