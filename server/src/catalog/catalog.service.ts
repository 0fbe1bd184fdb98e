import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  ComponentSlug,
  type AffectedSystemRef,
  type CatalogComponent,
  type CatalogSystem,
  type ComponentDetail,
  type ContentSummary,
  type Impact,
  type UpdateComponent,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canModerateContent, contentReadScope, requireAccess } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { toContentSummary } from '../content/content.mapper.js';
import { ContentRepository } from '../content/content.repository.js';
import { REFERENCE_COMPONENTS, REFERENCE_SYSTEMS } from './catalog-reference.js';
import { CatalogRepository, type CatalogGraph, type ComponentRow } from './catalog.repository.js';
import { computeImpact, intranetNotice, type ImpactResult } from './impact.js';

const componentNotFound = (): ApiException => ApiException.notFound('Komponenten findes ikke i kataloget.');

/** The infrastructure catalog: components, IT systems, and what is hit when something is down. */
@Injectable()
export class CatalogService implements OnApplicationBootstrap {
  constructor(
    private readonly repo: CatalogRepository,
    private readonly content: ContentRepository,
    private readonly audit: AuditService,
  ) {}

  /** Reference data is seeded at every start, idempotently (moderators' edits are kept). */
  async onApplicationBootstrap(): Promise<void> {
    await this.repo.seedReference(REFERENCE_COMPONENTS, REFERENCE_SYSTEMS);
  }

  async components(): Promise<CatalogComponent[]> {
    const graph = await this.repo.loadGraph();
    return graph.components.map((component) => toComponent(component, graph));
  }

  async systems(): Promise<CatalogSystem[]> {
    const graph = await this.repo.loadGraph();
    const slugs = new Map(graph.components.map((component) => [component.id, component.slug]));
    return graph.systems.map((system) => ({
      slug: system.slug,
      name: system.name,
      description: system.description,
      components: system.component_ids.flatMap((id) => slugs.get(id) ?? []),
    }));
  }

  async component(viewer: SessionUser | undefined, slug: string): Promise<ComponentDetail> {
    const graph = await this.repo.loadGraph();
    const component = graph.components.find((candidate) => candidate.slug === slug);
    if (!component) throw componentNotFound();
    const byId = new Map(graph.components.map((candidate) => [candidate.id, candidate]));
    const impact = computeImpact(graph, [component.id]);
    // Its guides and questions: about it or any of its parts.
    const partIds = graph.components
      .filter((candidate) => candidate.id === component.id || candidate.parent_id === component.id)
      .map((c) => c.id);
    const scope = contentReadScope(viewer);
    const [guides, questions] = await Promise.all([
      this.content.listForComponents(partIds, 'guide', scope, 20),
      this.content.listForComponents(partIds, 'question', scope, 20),
    ]);
    const parent = component.parent_id ? byId.get(component.parent_id) : undefined;
    return {
      ...toComponent(component, graph),
      parent: parent ? { slug: parent.slug, name: parent.name } : null,
      children: graph.components.filter((candidate) => candidate.parent_id === component.id).map((child) => toComponent(child, graph)),
      dependsOn: (graph.dependsOn.get(component.id) ?? []).flatMap((id) => {
        const needed = byId.get(id);
        return needed ? [{ slug: needed.slug, name: needed.name }] : [];
      }),
      affectedSystems: toAffectedSystems(impact),
      guides: guides.map((row) => toContentSummary(row, viewer)),
      questions: questions.map((row) => toContentSummary(row, viewer)),
    };
  }

  /** "Hvad rammes hvis … er nede?": the systems hit, the guides for the components, and a notice ready to post. */
  async impact(viewer: SessionUser | undefined, slugs: string[]): Promise<Impact> {
    const graph = await this.repo.loadGraph();
    const selected = slugs.map((slug) => graph.components.find((component) => component.slug === slug));
    const unknown = slugs.filter((_, index) => !selected[index]);
    if (unknown.length > 0) throw ApiException.field('components', `Ukendt komponent: ${unknown.join(', ')}`);
    const components = selected as ComponentRow[];
    const impact = computeImpact(
      graph,
      components.map((component) => component.id),
    );
    const guides = await this.content.listForComponents([...impact.downIds], 'guide', contentReadScope(viewer), 20);
    const systems = toAffectedSystems(impact);
    return {
      components: components.map((component) => toComponent(component, graph)),
      severity: impact.severity,
      systems,
      guides: guides.map((row): ContentSummary => toContentSummary(row, viewer)),
      notice: intranetNotice(
        components.map((component) => component.name),
        systems.map((system) => system.name),
      ),
    };
  }

  /** The notice for a guide whose author left the intranet texts blank. */
  async noticeFor(
    componentSlugs: string[],
    systemNames: string[],
    manager?: EntityManager,
  ): Promise<{ outage: string; maintenance: string }> {
    const graph = await this.repo.loadGraph(manager);
    const names = componentSlugs.map((slug) => graph.components.find((component) => component.slug === slug)?.name ?? slug);
    return intranetNotice(names, systemNames);
  }

  /** Systems typed in any case, or by an alias-free slug, become the catalog's spelling; free text stays as written. */
  /** A component by slug, short name ("SF1601"), name or alias, any case; null when the catalog does not know it. */
  async resolveComponent(
    reference: string,
    manager?: EntityManager,
  ): Promise<{ slug: string; name: string; shortName: string | null } | null> {
    const wanted = reference.trim().toLocaleLowerCase('da');
    const { components } = await this.repo.loadGraph(manager);
    const match =
      components.find((component) => component.slug === wanted) ??
      components.find(
        (component) =>
          component.short_name?.toLocaleLowerCase('da') === wanted ||
          component.name.toLocaleLowerCase('da') === wanted ||
          component.aliases.some((alias) => alias.toLocaleLowerCase('da') === wanted),
      );
    return match ? { slug: match.slug, name: match.name, shortName: match.short_name } : null;
  }

  /** The named reference to a component by its slug (a case's target). */
  async componentRef(slug: string): Promise<{ slug: string; name: string; shortName: string | null } | null> {
    const { components } = await this.repo.loadGraph();
    const match = components.find((component) => component.slug === slug);
    return match ? { slug: match.slug, name: match.name, shortName: match.short_name } : null;
  }

  /** Phasing out: the replacement must exist and be another component; undefined keeps what is stored. */
  private async phaseOut(
    current: ComponentRow,
    input: UpdateComponent['phasedOut'],
    manager: EntityManager,
  ): Promise<{ phasedOutAt: string | null; replacedById: string | null }> {
    if (input === undefined) return { phasedOutAt: current.phased_out_at, replacedById: current.replaced_by_id };
    if (input === null) return { phasedOutAt: null, replacedById: null };
    if (input.replacedBy === null) return { phasedOutAt: input.since, replacedById: null };
    const { components } = await this.repo.loadGraph(manager);
    const replacement = components.find((component) => component.slug === input.replacedBy);
    if (!replacement) throw ApiException.field('phasedOut.replacedBy', `Ukendt komponent: ${input.replacedBy}`);
    if (replacement.id === current.id) throw ApiException.field('phasedOut.replacedBy', 'En komponent kan ikke erstatte sig selv');
    return { phasedOutAt: input.since, replacedById: replacement.id };
  }

  async canonicalSystemNames(names: string[], manager?: EntityManager): Promise<string[]> {
    const graph = await this.repo.loadGraph(manager);
    const known = new Map<string, string>();
    for (const system of graph.systems) {
      known.set(system.name.toLocaleLowerCase('da'), system.name);
      known.set(system.slug, system.name);
    }
    return [...new Set(names.map((name) => known.get(name.toLocaleLowerCase('da')) ?? name))];
  }

  async updateComponent(actor: SessionUser, slug: string, input: UpdateComponent, correlationId?: string): Promise<CatalogComponent> {
    requireAccess(canModerateContent(actor), 'Kun moderatorer kan redigere kataloget.');
    // A slug no component can have (a NUL byte, say) is simply not found; it never reaches SQL.
    if (!ComponentSlug.safeParse(slug).success) throw componentNotFound();
    await this.repo.transaction(async (manager) => {
      const current = await this.repo.lockComponent(slug, manager);
      if (!current) throw componentNotFound();
      const next = {
        name: input.name ?? current.name,
        shortName: input.shortName === undefined ? current.short_name : input.shortName,
        description: input.description ?? current.description,
        impact: input.impact ?? current.impact,
        severity: input.severity ?? current.severity,
        aliases: input.aliases ?? current.aliases,
        ...(await this.phaseOut(current, input.phasedOut, manager)),
      };
      await this.repo.updateComponent(current.id, next, manager);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'catalog.component.edit',
          targetType: 'catalog_component',
          targetId: current.id,
          reason: input.reason ?? null,
          before: {
            name: current.name,
            shortName: current.short_name,
            severity: current.severity,
            aliases: current.aliases,
            phasedOutAt: current.phased_out_at,
          },
          after: {
            name: next.name,
            shortName: next.shortName,
            severity: next.severity,
            aliases: next.aliases,
            phasedOutAt: next.phasedOutAt,
          },
          correlationId,
        },
        manager,
      );
    });
    const graph = await this.repo.loadGraph();
    return toComponent(
      graph.components.find((component) => component.slug === slug)!,
      graph,
    );
  }
}

function toComponent(row: ComponentRow, graph: CatalogGraph): CatalogComponent {
  const parent = row.parent_id ? graph.components.find((candidate) => candidate.id === row.parent_id) : undefined;
  return {
    slug: row.slug,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    parentSlug: parent?.slug ?? null,
    description: row.description,
    severity: row.severity,
    impact: row.impact,
    aliases: row.aliases,
    phasedOut: phasedOutOf(row, graph),
  };
}

function phasedOutOf(row: ComponentRow, graph: CatalogGraph): CatalogComponent['phasedOut'] {
  if (!row.phased_out_at) return null;
  const replacement = row.replaced_by_id ? graph.components.find((candidate) => candidate.id === row.replaced_by_id) : undefined;
  return { since: row.phased_out_at, replacedBy: replacement ? { slug: replacement.slug, name: replacement.name } : null };
}

function toAffectedSystems(impact: ImpactResult): AffectedSystemRef[] {
  return impact.systems.map((hit) => ({
    slug: hit.system.slug,
    name: hit.system.name,
    via: hit.via.map((component) => component.slug),
    direct: hit.direct,
  }));
}
