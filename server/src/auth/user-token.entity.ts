import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

export type UserTokenPurpose = 'verify_email' | 'reset_password';

/** One-time tokens sent by mail. Only a SHA-256 of the token is stored. */
@Entity('user_token')
@Index('user_token_user_idx', ['userId', 'purpose'])
@Check('user_token_purpose_check', `"purpose" IN ('verify_email', 'reset_password')`)
export class UserTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_token_user_id_fkey' })
  user: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 20 })
  purpose: UserTokenPurpose;

  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
