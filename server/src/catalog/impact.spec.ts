import { describe, expect, it } from 'vitest';
import type { CatalogGraph, ComponentRow, SystemRow } from './catalog.repository.js';
import { computeImpact, danishList, intranetNotice, worstSeverity } from './impact.js';

const component = (id: string, parent: string | null = null, severity: ComponentRow['severity'] = 'medium'): ComponentRow => ({
  id,
  slug: id,
  name: id.toUpperCase(),
  short_name: null,
  type: parent ? 'module' : 'component',
  parent_id: parent,
  description: '',
  severity,
  impact: '',
  aliases: [],
  position: 0,
});
const system = (id: string, componentIds: string[]): SystemRow => ({
  id,
  slug: id,
  name: id.toUpperCase(),
  description: '',
  component_ids: componentIds,
});

// adgang ⊃ ch, admin; bf depends on sp; bbr on ch; nexus on bf; kitos on admin
const graph: CatalogGraph = {
  components: [
    component('adgang', null, 'kritisk'),
    component('ch', 'adgang', 'kritisk'),
    component('admin', 'adgang', 'ingen'),
    component('sp'),
    component('bf'),
  ],
  systems: [system('bbr', ['ch']), system('nexus', ['bf']), system('kitos', ['admin']), system('flis', ['sp'])],
  dependsOn: new Map([['bf', ['sp']]]),
};

describe('computeImpact', () => {
  it('takes a component’s parts down with it, so systems on a part are hit directly', () => {
    const impact = computeImpact(graph, ['adgang']);
    expect(impact.systems.map((hit) => [hit.system.id, hit.direct])).toEqual([
      ['bbr', true],
      ['kitos', true],
    ]);
  });

  it('does not take the parent or siblings down with a part', () => {
    const impact = computeImpact(graph, ['ch']);
    expect(impact.systems.map((hit) => hit.system.id)).toEqual(['bbr']);
    expect(impact.downIds.has('adgang')).toBe(false);
  });

  it('follows dependencies: what needs a component that is down is hit indirectly, and says through what', () => {
    const impact = computeImpact(graph, ['sp']);
    expect(impact.systems.map((hit) => [hit.system.id, hit.direct, hit.via.map((c) => c.id)])).toEqual([
      ['flis', true, ['sp']],
      ['nexus', false, ['bf']],
    ]);
  });

  it('reports the worst severity of the components asked about', () => {
    expect(computeImpact(graph, ['admin']).severity).toBe('ingen');
    expect(computeImpact(graph, ['admin', 'ch']).severity).toBe('kritisk');
  });

  it('ignores unknown ids instead of failing', () => {
    expect(computeImpact(graph, ['nothing']).systems).toEqual([]);
  });
});

describe('texts', () => {
  it('joins lists the Danish way', () => {
    expect(danishList(['A'])).toBe('A');
    expect(danishList(['A', 'B', 'C'])).toBe('A, B og C');
  });

  it('orders severities', () => {
    expect(worstSeverity(['ingen', 'medium'])).toBe('medium');
    expect(worstSeverity([])).toBe('ingen');
  });

  it('writes an outage and a maintenance notice naming the affected systems', () => {
    const notice = intranetNotice(['Fælleskommunal Adgangsstyring'], ['BBR', 'DAR']);
    expect(notice.outage).toContain('Der er problemer med Fælleskommunal Adgangsstyring');
    expect(notice.outage).toContain('Dette påvirker blandt andet: BBR, DAR.');
    expect(notice.maintenance).toMatch(/^Planlagt vedligehold på Fælleskommunal Adgangsstyring/);
    expect(notice.maintenance).toContain('BBR, DAR');
  });
});
