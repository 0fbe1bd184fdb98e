import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A section of Værktøjskassen: an introduction and an ordered list of items, curated by KOMBIT. */
@Entity('toolbox_section')
@Unique('toolbox_section_slug_key', ['slug'])
@Unique('toolbox_section_position_key', ['position'], { deferrable: 'INITIALLY DEFERRED' })
export class ToolboxSectionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'varchar', length: 150 })
  title: string;

  /** Markdown, rendered once on write into `introHtml`. */
  @Column({ type: 'text', default: '' })
  intro: string;

  @Column({ name: 'intro_html', type: 'text', default: '' })
  introHtml: string;

  /** 1..n, dense. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'toolbox_section_created_by_fkey' })
  creator: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
