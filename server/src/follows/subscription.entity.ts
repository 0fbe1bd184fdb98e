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
import { UserEntity } from '../users/user.entity.js';

/** A member follows content (key: its id), a component (slug), a tag, or a toolbox section (slug). */
@Entity('subscription')
@Unique('subscription_target_key', ['userId', 'targetType', 'targetKey'])
@Check('subscription_target_type_check', `"target_type" IN ('content', 'component', 'tag', 'toolbox_section')`)
@Index('subscription_target_idx', ['targetType', 'targetKey'])
export class SubscriptionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'subscription_user_id_fkey' })
  user: Relation<UserEntity>;

  @Column({ name: 'target_type', type: 'varchar', length: 20 })
  targetType: string;

  @Column({ name: 'target_key', type: 'varchar', length: 100 })
  targetKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
