import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** How a member wants to hear about things: mails at once for direct events, and a digest of what they follow. */
@Entity('notification_settings')
@Check('notification_settings_digest_check', `"digest" IN ('off', 'daily', 'weekly')`)
export class NotificationSettingsEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_settings_user_id_fkey' })
  user: Relation<UserEntity>;

  @Column({ name: 'email_immediate', type: 'boolean', default: true })
  emailImmediate: boolean;

  @Column({ type: 'varchar', length: 10, default: 'weekly' })
  digest: string;

  /** Up to when the last digest covered; the next starts here. */
  @Column({ name: 'last_digest_at', type: 'timestamptz', nullable: true })
  lastDigestAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
