import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComponentType, Severity } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReferenceComponent, ReferenceSystem } from './catalog-reference.js';

export interface ComponentRow {
  id: string;
  slug: string;
  name: string;
  short_name: string | null;
  type: ComponentType;
  parent_id: string | null;
  description: string;
  severity: Severity;
  impact: string;
  aliases: string[];
  position: number;
  /** "2024-01-01" (a date column read as text). */
  phased_out_at: string | null;
  replaced_by_id: string | null;
}

export interface SystemRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  component_ids: string[];
}

/** The whole catalog is a few dozen rows: it is read at once and walked in memory. */
export interface CatalogGraph {
  components: ComponentRow[];
  systems: SystemRow[];
  /** component id → ids of the components it depends on */
  dependsOn: Map<string, string[]>;
}

@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The whole catalog in one statement (one round trip, and safe on a transaction's single connection).
   * Pass the transaction's manager when reading inside one: a second pool connection there can wait for ever.
   */
  async loadGraph(manager?: EntityManager): Promise<CatalogGraph> {
    const rows = (await (manager ?? this.dataSource.manager).query(`
      SELECT
        COALESCE((SELECT json_agg(c ORDER BY c.position, c.name) FROM (
          SELECT id, slug, name, short_name, type, parent_id, description, severity, impact, aliases, position,
                 to_char(phased_out_at, 'YYYY-MM-DD') AS phased_out_at, replaced_by_id FROM catalog_component
        ) c), '[]') AS components,
        COALESCE((SELECT json_agg(s ORDER BY lower(s.name)) FROM (
          SELECT s.id, s.slug, s.name, s.description,
                 COALESCE(array_agg(sc.component_id) FILTER (WHERE sc.component_id IS NOT NULL), '{}') AS component_ids
          FROM catalog_system s LEFT JOIN catalog_system_component sc ON sc.system_id = s.id GROUP BY s.id
        ) s), '[]') AS systems,
        COALESCE((SELECT json_agg(d) FROM catalog_component_dependency d), '[]') AS dependencies`)) as {
      components: ComponentRow[];
      systems: SystemRow[];
      dependencies: { component_id: string; depends_on_id: string }[];
    }[];
    const { components, systems, dependencies } = rows[0]!;
    const dependsOn = new Map<string, string[]>();
    for (const { component_id, depends_on_id } of dependencies) {
      dependsOn.set(component_id, [...(dependsOn.get(component_id) ?? []), depends_on_id]);
    }
    return { components, systems, dependsOn };
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async lockComponent(slug: string, manager: EntityManager): Promise<ComponentRow | null> {
    const rows = (await manager.query(
      `SELECT id, slug, name, short_name, type, parent_id, description, severity, impact, aliases, position,
              to_char(phased_out_at, 'YYYY-MM-DD') AS phased_out_at, replaced_by_id
       FROM catalog_component WHERE slug = $1 FOR UPDATE`,
      [slug],
    )) as ComponentRow[];
    return rows[0] ?? null;
  }

  async updateComponent(
    id: string,
    changes: {
      name: string;
      shortName: string | null;
      description: string;
      impact: string;
      severity: Severity;
      aliases: string[];
      phasedOutAt: string | null;
      replacedById: string | null;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE catalog_component SET name = $2, short_name = $3, description = $4, impact = $5, severity = $6, aliases = $7,
         phased_out_at = $8::date, replaced_by_id = $9, updated_at = now()
       WHERE id = $1`,
      [
        id,
        changes.name,
        changes.shortName,
        changes.description,
        changes.impact,
        changes.severity,
        changes.aliases,
        changes.phasedOutAt,
        changes.replacedById,
      ],
    );
  }

  /**
   * Seeds the reference data idempotently: new components, systems and links are added; existing rows keep what
   * moderators edited (names, descriptions, severity), so a restart never undoes their work.
   */
  async seedReference(components: ReferenceComponent[], systems: ReferenceSystem[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // One seeder at a time, when several instances start together.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('infraforum.catalog.seed'))`);
      for (const [position, component] of components.entries()) {
        await manager.query(
          `INSERT INTO catalog_component (slug, name, short_name, type, parent_id, description, severity, impact, aliases, position,
             phased_out_at, replaced_by_id)
           VALUES ($1, $2, $3, $4, (SELECT id FROM catalog_component WHERE slug = $5), $6, $7, $8, $9, $10,
             $11::date, (SELECT id FROM catalog_component WHERE slug = $12))
           ON CONFLICT (slug) DO NOTHING`,
          [
            component.slug,
            component.name,
            component.shortName,
            component.type,
            component.parent,
            component.description,
            component.severity,
            component.impact,
            component.aliases,
            position,
            component.phasedOut?.since ?? null,
            component.phasedOut?.replacedBy ?? null,
          ],
        );
      }
      for (const component of components) {
        for (const dependency of component.dependsOn ?? []) {
          await manager.query(
            `INSERT INTO catalog_component_dependency (component_id, depends_on_id)
             SELECT a.id, b.id FROM catalog_component a, catalog_component b WHERE a.slug = $1 AND b.slug = $2
             ON CONFLICT DO NOTHING`,
            [component.slug, dependency],
          );
        }
      }
      for (const system of systems) {
        await manager.query(`INSERT INTO catalog_system (slug, name, description) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING`, [
          system.slug,
          system.name,
          system.description,
        ]);
        await manager.query(
          `INSERT INTO catalog_system_component (system_id, component_id)
           SELECT s.id, c.id FROM catalog_system s, catalog_component c WHERE s.slug = $1 AND c.slug = ANY($2::text[])
           ON CONFLICT DO NOTHING`,
          [system.slug, system.components],
        );
      }
    });
  }
}
