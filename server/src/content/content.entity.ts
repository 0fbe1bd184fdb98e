import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { ContentKind, ContentStatus, Visibility } from '@infraforum/shared';
import { CatalogComponentEntity } from '../catalog/catalog-component.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ReplyEntity } from './reply.entity.js';

/** Content of every kind in one table; what only one kind has lives in `attributes`, validated by that kind's zod schema. */
@Entity('content')
@Check('content_kind_check', `"kind" IN ('question', 'guide', 'case', 'webinar', 'suggestion')`)
@Check('content_status_check', `"status" IN ('draft', 'in_review', 'scheduled', 'published', 'hidden')`)
@Check('content_visibility_check', `"visibility" IN ('public', 'members', 'organization')`)
@Index('content_kind_created_idx', ['kind', 'createdAt'])
@Index('content_kind_activity_idx', ['kind', 'lastActivityAt'])
@Index('content_kind_score_idx', ['kind', 'score'])
@Index('content_organization_kind_idx', ['organizationId', 'kind', 'createdAt'])
@Index('content_access_idx', ['kind', 'status', 'visibility', 'organizationId', 'authorId', 'deletedAt'])
// A GIN index, which TypeORM cannot describe: the migration owns it.
@Index('content_tags_idx', { synchronize: false })
// GIN indexes of the search fallback (migration 1765094400000-search).
@Index('content_search_idx', { synchronize: false })
@Index('content_title_trgm_idx', { synchronize: false })
// Expression indexes on attributes (migration 1765353600000-webinars).
@Index('content_webinar_link_idx', { synchronize: false })
@Index('content_lifecycle_idx', { synchronize: false })
@Index('content_case_system_idx', { synchronize: false })
@Index('content_review_idx', { synchronize: false })
// Scheduled items, for the minute job that publishes them (migration 1766649600000-publishing).
@Index('content_scheduled_idx', { synchronize: false })
export class ContentEntity {
  /** Numeric, stable: it is in every URL. pg returns bigint as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: ContentKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 100 })
  slug: string;

  /** Markdown source, as written. */
  @Column({ type: 'text' })
  body: string;

  /** Rendered once at write time and sanitised: the only HTML the UI shows. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  /** Plain text for search and summaries. */
  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  /** The PostgreSQL search fallback's document, kept by a trigger from title, summary, tags and body text. */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  @Column({ type: 'varchar', length: 300 })
  summary: string;

  @Index('content_author_idx')
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'content_author_id_fkey' })
  author: Relation<UserEntity> | null;

  /** The authoring municipality (or KOMBIT): `organization` visibility and org admins' edit rights follow it. */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'content_organization_id_fkey' })
  organization: Relation<OrganizationEntity>;

  @Column({ type: 'varchar', length: 20 })
  status: ContentStatus;

  @Column({ type: 'varchar', length: 20 })
  visibility: Visibility;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** Shown to the author while the item is hidden: why a moderator hid it. */
  @Column({ name: 'hidden_reason', type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  /** Hidden by the flag threshold pending review, not by a moderator: dismissing the flags shows it again. */
  @Column({ name: 'hidden_by_flags', type: 'boolean', default: false })
  hiddenByFlags: boolean;

  @Column({ name: 'duplicate_of_id', type: 'bigint', nullable: true })
  duplicateOfId: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'duplicate_of_id', foreignKeyConstraintName: 'content_duplicate_of_id_fkey' })
  duplicateOf: Relation<ContentEntity> | null;

  @Column({ name: 'accepted_reply_id', type: 'bigint', nullable: true })
  acceptedReplyId: string | null;

  @ManyToOne(() => ReplyEntity, { onDelete: 'SET NULL', nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'accepted_reply_id', foreignKeyConstraintName: 'content_accepted_reply_id_fkey' })
  acceptedReply: Relation<ReplyEntity> | null;

  /** Sum of votes; kept in step with `vote` in the same transaction. */
  @Column({ type: 'integer', default: 0 })
  score: number;

  /** Visible, undeleted replies. */
  @Column({ name: 'reply_count', type: 'integer', default: 0 })
  replyCount: number;

  /** Bumped on every edit of title, body, tags or attributes; the previous version goes to `revision`. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'last_activity_at', type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Last confirmed as still right by its author or a moderator ("Sidst gennemgået"); guides and cases are due after 12 months. */
  @Column({ name: 'checked_at', type: 'timestamptz', default: () => 'now()' })
  checkedAt: Date;

  /** Soft delete: the row stays for the audit trail and for replies' history, and is never shown. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('content_component')
@Index('content_component_component_idx', ['componentId', 'contentId'])
export class ContentComponentEntity {
  @PrimaryColumn({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId: string;

  /** The order the author listed the components in. */
  @Column({ type: 'smallint', default: 0 })
  position: number;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'content_component_content_id_fkey' })
  content: Relation<ContentEntity>;

  @ManyToOne(() => CatalogComponentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'component_id', foreignKeyConstraintName: 'content_component_component_id_fkey' })
  component: Relation<CatalogComponentEntity>;
}
