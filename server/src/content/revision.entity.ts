import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ContentEntity } from './content.entity.js';
import { ReplyEntity } from './reply.entity.js';

/** The version of content (or of one of its replies) as it was before an edit, with who edited and why. */
@Entity('revision')
@Index('revision_content_idx', ['contentId', 'replyId', 'version'])
export class RevisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'revision_content_id_fkey' })
  content: Relation<ContentEntity>;

  /** Set when the revision is of a reply. */
  @Column({ name: 'reply_id', type: 'bigint', nullable: true })
  replyId: string | null;

  @ManyToOne(() => ReplyEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'reply_id', foreignKeyConstraintName: 'revision_reply_id_fkey' })
  reply: Relation<ReplyEntity> | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  /** The person whose edit replaced this version. */
  @Column({ name: 'editor_id', type: 'uuid', nullable: true })
  editorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'editor_id', foreignKeyConstraintName: 'revision_editor_id_fkey' })
  editor: Relation<UserEntity> | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'edited_at', type: 'timestamptz', default: () => 'now()' })
  editedAt: Date;
}
