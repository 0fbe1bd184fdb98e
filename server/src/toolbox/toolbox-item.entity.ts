import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { ToolboxSectionEntity } from './toolbox-section.entity.js';

/** An item of a section: content of the forum, or an external link with a title. */
@Entity('toolbox_item')
@Unique('toolbox_item_position_key', ['sectionId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Unique('toolbox_item_content_key', ['sectionId', 'contentId'])
@Check('toolbox_item_target_check', `("content_id" IS NULL) = ("url" IS NOT NULL AND "title" IS NOT NULL)`)
@Index('toolbox_item_content_idx', ['contentId'])
export class ToolboxItemEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'section_id', type: 'bigint' })
  sectionId: string;

  @ManyToOne(() => ToolboxSectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'toolbox_item_section_id_fkey' })
  section: Relation<ToolboxSectionEntity>;

  /** 1..n within the section, dense. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'content_id', type: 'bigint', nullable: true })
  contentId: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'toolbox_item_content_id_fkey' })
  content: Relation<ContentEntity> | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'added_by', foreignKeyConstraintName: 'toolbox_item_added_by_fkey' })
  adder: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
