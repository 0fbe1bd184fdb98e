import {
  Check,
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
import type { ComponentType, Severity } from '@infraforum/shared';

/** A piece of the common infrastructure: a component, a service on it (SF1601) or a module of it (Context Handler). */
@Entity('catalog_component')
@Check('catalog_component_type_check', `"type" IN ('component', 'service', 'module')`)
@Check('catalog_component_severity_check', `"severity" IN ('kritisk', 'medium', 'ingen')`)
export class CatalogComponentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'short_name', type: 'varchar', length: 40, nullable: true })
  shortName: string | null;

  @Column({ type: 'varchar', length: 20 })
  type: ComponentType;

  @Index('catalog_component_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CatalogComponentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'catalog_component_parent_id_fkey' })
  parent: Relation<CatalogComponentEntity> | null;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 10 })
  severity: Severity;

  @Column({ type: 'text', default: '' })
  impact: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Order within its parent, as the reference data lists it. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  /** Phased out from this day (SF1600): content that mentions it is marked as possibly outdated. */
  @Column({ name: 'phased_out_at', type: 'date', nullable: true })
  phasedOutAt: string | null;

  /** What replaces it (SF1601). */
  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById: string | null;

  @ManyToOne(() => CatalogComponentEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'replaced_by_id', foreignKeyConstraintName: 'catalog_component_replaced_by_id_fkey' })
  replacedBy: Relation<CatalogComponentEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** `componentId` needs `dependsOnId`: when the latter is down, the former is in trouble too. */
@Entity('catalog_component_dependency')
export class CatalogComponentDependencyEntity {
  @PrimaryColumn({ name: 'component_id', type: 'uuid' })
  componentId: string;

  @PrimaryColumn({ name: 'depends_on_id', type: 'uuid' })
  dependsOnId: string;

  @ManyToOne(() => CatalogComponentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'component_id', foreignKeyConstraintName: 'catalog_component_dependency_component_id_fkey' })
  component: Relation<CatalogComponentEntity>;

  @ManyToOne(() => CatalogComponentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'depends_on_id', foreignKeyConstraintName: 'catalog_component_dependency_depends_on_id_fkey' })
  dependsOn: Relation<CatalogComponentEntity>;
}
