import type { Severity } from '@infraforum/shared';
import type { CatalogGraph, ComponentRow, SystemRow } from './catalog.repository.js';

export interface ImpactResult {
  /** Everything that is down or in trouble: the components asked about, their parts, and what depends on them. */
  downIds: Set<string>;
  systems: { system: SystemRow; via: ComponentRow[]; direct: boolean }[];
  severity: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { ingen: 0, medium: 1, kritisk: 2 };

export function worstSeverity(severities: Severity[]): Severity {
  return severities.reduce<Severity>((worst, next) => (SEVERITY_RANK[next] > SEVERITY_RANK[worst] ? next : worst), 'ingen');
}

/**
 * What is hit when the `selected` components are down. A component's parts (services, modules) are down with it:
 * systems on them are hit directly. Components that depend on something down are in trouble too: systems on those
 * are hit through the dependency.
 */
export function computeImpact(graph: CatalogGraph, selectedIds: string[]): ImpactResult {
  const byId = new Map(graph.components.map((component) => [component.id, component]));
  const children = new Map<string, string[]>();
  for (const component of graph.components) {
    if (component.parent_id) children.set(component.parent_id, [...(children.get(component.parent_id) ?? []), component.id]);
  }
  const dependents = new Map<string, string[]>();
  for (const [componentId, needs] of graph.dependsOn) {
    for (const need of needs) dependents.set(need, [...(dependents.get(need) ?? []), componentId]);
  }
  const withParts = (start: Iterable<string>): Set<string> => {
    const found = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (found.has(id)) continue;
      found.add(id);
      queue.push(...(children.get(id) ?? []));
    }
    return found;
  };
  const directIds = withParts(selectedIds);
  const downIds = new Set(directIds);
  const queue = [...directIds];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const dependent of dependents.get(id) ?? []) {
      for (const part of withParts([dependent])) {
        if (!downIds.has(part)) {
          downIds.add(part);
          queue.push(part);
        }
      }
    }
  }
  const systems = graph.systems
    .map((system) => {
      const via = system.component_ids.filter((id) => downIds.has(id)).flatMap((id) => byId.get(id) ?? []);
      return { system, via, direct: via.some((component) => directIds.has(component.id)) };
    })
    .filter((hit) => hit.via.length > 0)
    .sort((a, b) => Number(b.direct) - Number(a.direct) || a.system.name.localeCompare(b.system.name, 'da'));
  const severity = worstSeverity(selectedIds.flatMap((id) => byId.get(id)?.severity ?? []));
  return { downIds, systems, severity };
}

/** "A, B og C" */
export function danishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

/** The two texts a hotline posts on the intranet, written as Gladsaxe's example: what is wrong, and what it hits. */
export function intranetNotice(componentNames: string[], systemNames: string[]): { outage: string; maintenance: string } {
  const components = danishList(componentNames);
  const affects = systemNames.length > 0 ? `\n\nDette påvirker blandt andet: ${systemNames.join(', ')}.` : '';
  return {
    outage: `Der er problemer med ${components}. Der kan opleves fejl i it-systemer, der bruger ${components}.${affects}`,
    maintenance:
      `Planlagt vedligehold på ${components}.\n\n` +
      `Den [dato] kl. [xx–xx] kan der opleves problemer med it-systemer, der bruger ${components}.${affects}`,
  };
}
