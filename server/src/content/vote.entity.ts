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
import { UserEntity } from '../users/user.entity.js';
import { ContentEntity } from './content.entity.js';
import { ReplyEntity } from './reply.entity.js';

/** One vote per user on content or on a reply (never both); the partial unique indexes belong to the migration. */
@Entity('vote')
@Check('vote_value_check', `"value" IN (-1, 1)`)
@Check('vote_target_check', `("content_id" IS NULL) <> ("reply_id" IS NULL)`)
@Index('vote_user_content_key', { synchronize: false })
@Index('vote_user_reply_key', { synchronize: false })
export class VoteEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'vote_user_id_fkey' })
  user: Relation<UserEntity>;

  @Index('vote_content_idx')
  @Column({ name: 'content_id', type: 'bigint', nullable: true })
  contentId: string | null;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'vote_content_id_fkey' })
  content: Relation<ContentEntity> | null;

  @Index('vote_reply_idx')
  @Column({ name: 'reply_id', type: 'bigint', nullable: true })
  replyId: string | null;

  @ManyToOne(() => ReplyEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'reply_id', foreignKeyConstraintName: 'vote_reply_id_fkey' })
  reply: Relation<ReplyEntity> | null;

  @Column({ type: 'smallint' })
  value: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
