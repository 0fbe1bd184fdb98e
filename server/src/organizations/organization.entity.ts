import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganizationType } from '@infraforum/shared';

@Entity('organization')
@Check('organization_type_check', `"type" IN ('municipality', 'kombit')`)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Kommunekode ("0159") or "KOMBIT". */
  @Column({ type: 'varchar', length: 16, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  type: OrganizationType;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  /** Mail domains whose addresses belong to this organization without approval. */
  @Column({ name: 'email_domains', type: 'text', array: true, default: () => "'{}'" })
  emailDomains: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
