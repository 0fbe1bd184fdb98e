import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { CatalogComponentEntity } from './catalog-component.entity.js';

/** An IT system municipalities run (BBR, KMD Nexus …) that depends on infrastructure components. */
@Entity('catalog_system')
export class CatalogSystemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The system depends directly on the component. */
@Entity('catalog_system_component')
@Index('catalog_system_component_component_idx', ['componentId'])
export class CatalogSystemComponentEntity {
  @PrimaryColumn({ name: 'system_id', type: 'uuid' })
  systemId: string;

  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @ManyToOne(() => CatalogSystemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'system_id', foreignKeyConstraintName: 'catalog_system_component_system_id_fkey' })
  system: Relation<CatalogSystemEntity>;

  @ManyToOne(() => CatalogComponentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'component_id', foreignKeyConstraintName: 'catalog_system_component_component_id_fkey' })
  component: Relation<CatalogComponentEntity>;
}
