import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ContentEntity } from '../content/content.entity.js';
import { UserEntity } from '../users/user.entity.js';

/** A member signed up for a planned webinar; the primary key makes a second sign-up a no-op. */
@Entity('webinar_registration')
@Index('webinar_registration_user_idx', ['userId'])
export class WebinarRegistrationEntity {
  @PrimaryColumn({ name: 'content_id', type: 'bigint', primaryKeyConstraintName: 'webinar_registration_pkey' })
  contentId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'webinar_registration_pkey' })
  userId: string;

  @ManyToOne(() => ContentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id', foreignKeyConstraintName: 'webinar_registration_content_id_fkey' })
  content: Relation<ContentEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'webinar_registration_user_id_fkey' })
  user: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
