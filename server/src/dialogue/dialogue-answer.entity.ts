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
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { DialogueQuestionEntity } from './dialogue-question.entity.js';

/**
 * An answer: text for an open question, a value 1–5 for a statement. Anonymous answers hide who gave them from
 * other participants; the municipality stays for moderators (abuse handling). Imported answers have no user.
 */
@Entity('dialogue_answer')
@Check('dialogue_answer_value_check', `"value" BETWEEN 1 AND 5`)
@Check('dialogue_answer_shape_check', `("text" IS NULL) <> ("value" IS NULL)`)
@Index('dialogue_answer_question_idx', ['questionId', 'id'])
// Partial unique index (one evaluation per user per statement): the migration owns it.
@Index('dialogue_answer_likert_key', { synchronize: false })
export class DialogueAnswerEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId: string;

  @ManyToOne(() => DialogueQuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'dialogue_answer_question_id_fkey' })
  question: Relation<DialogueQuestionEntity>;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'dialogue_answer_user_id_fkey' })
  user: Relation<UserEntity> | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'dialogue_answer_organization_id_fkey' })
  organization: Relation<OrganizationEntity> | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  text: string | null;

  @Column({ type: 'smallint', nullable: true })
  value: number | null;

  @Column({ type: 'boolean', default: true })
  anonymous: boolean;

  @Column({ type: 'boolean', default: false })
  hidden: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
