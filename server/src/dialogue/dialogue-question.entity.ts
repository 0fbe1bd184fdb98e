import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A dialogue question (open text) or an evaluation statement (Likert 1–5) of a webinar; moderators open and close it live. */
@Entity('dialogue_question')
@Check('dialogue_question_kind_check', `"kind" IN ('open', 'likert')`)
@Index('dialogue_question_content_idx', ['contentId', 'position'])
export class DialogueQuestionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'content_id', type: 'bigint' })
  contentId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'dialogue_question_content_id_fkey' })
  content: Relation<ContentEntity>;

  @Column({ type: 'varchar', length: 10 })
  kind: 'open' | 'likert';

  @Column({ type: 'varchar', length: 300 })
  prompt: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'boolean', default: false })
  open: boolean;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'dialogue_question_created_by_fkey' })
  createdBy: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
