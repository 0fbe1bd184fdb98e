import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A file attached to content. The bytes live in the attachment store under their SHA-256 (content-addressed:
 * the same slides uploaded twice are stored once); this row holds the name shown, the type found from the
 * bytes and, for PDFs, the extracted text that goes into the search index.
 */
@Entity('attachment')
@Check('attachment_size_check', `"size" >= 0`)
@Index('attachment_content_idx', ['contentId', 'createdAt'])
@Index('attachment_sha256_idx', ['sha256'])
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'attachment_content_id_fkey' })
  content: Relation<ContentEntity>;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Bytes; pg returns bigint as a string. */
  @Column({ type: 'bigint' })
  size: string;

  @Column({ name: 'media_type', type: 'varchar', length: 120 })
  mediaType: string;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'attachment_uploaded_by_fkey' })
  uploadedBy: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
