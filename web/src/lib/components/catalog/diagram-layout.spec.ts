import { describe, expect, it } from 'vitest';
import type { AffectedSystemRef } from '@infraforum/shared';
import { DIAGRAM, layoutDiagram, wrapText, type DiagramInput, type DiagramNode } from './diagram-layout.js';

const names = {
  'faelleskommunal-adgangsstyring': 'Fælleskommunal Adgangsstyring',
  'context-handler': 'Context Handler',
  'sf1514-security-token-service': 'SF1514 Security Token Service',
  'sf1500-organisation': 'SF1500 Organisation',
  organisationssystem: 'Fælleskommunalt Organisationssystem',
};

const system = (slug: string, via: string[], direct = true): AffectedSystemRef => ({ slug, name: slug.toUpperCase(), via, direct });

const input = (overrides: Partial<DiagramInput> = {}): DiagramInput => ({
  component: { slug: 'context-handler', name: 'Context Handler', note: 'Hvis nede: Kritisk' },
  parts: [],
  dependsOn: [],
  systems: [],
  names,
  ...overrides,
});

const overlaps = (a: DiagramNode, b: DiagramNode) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('wrapText', () => {
  it('keeps short text on one line', () => {
    expect(wrapText('Context Handler', 20)).toEqual(['Context Handler']);
  });

  it('breaks between words', () => {
    expect(wrapText('Administrationsmodul til jobfunktionsroller', 24)).toEqual(['Administrationsmodul til', 'jobfunktionsroller']);
  });

  it('breaks a word longer than a line', () => {
    expect(wrapText('Bygningsogboligregistret', 10)).toEqual(['Bygningso-', 'gboligreg-', 'istret']);
  });

  it('ends the last allowed line with an ellipsis when text is left over', () => {
    const lines = wrapText('en to tre fire fem seks syv otte ni ti', 8, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
  });
});

describe('layoutDiagram', () => {
  it('draws one solid line from the component to each system it hits directly', () => {
    const layout = layoutDiagram(input({ systems: [system('bbr', ['context-handler']), system('dar', ['context-handler'])] }));
    expect(layout.edges.map((edge) => [edge.from, edge.to, edge.indirect])).toEqual([
      ['Context Handler', 'BBR', false],
      ['Context Handler', 'DAR', false],
    ]);
  });

  it('draws a dashed line from each dependency into the component', () => {
    const layout = layoutDiagram(
      input({
        component: { slug: 'sf1500-organisation', name: 'SF1500 Organisation', note: 'Hvis nede: Medium' },
        dependsOn: [{ slug: 'organisationssystem', name: 'Fælleskommunalt Organisationssystem' }],
      }),
    );
    expect(layout.edges).toEqual([
      expect.objectContaining({ from: 'Fælleskommunalt Organisationssystem', to: 'SF1500 Organisation', indirect: true }),
    ]);
    expect(layout.columns[0]?.heading).toBe('Afhænger af');
  });

  it('starts the lines of systems hit through a part at the part, inside the component', () => {
    const layout = layoutDiagram(
      input({
        component: { slug: 'faelleskommunal-adgangsstyring', name: 'Fælleskommunal Adgangsstyring', note: 'Hvis nede: Kritisk' },
        parts: [{ slug: 'context-handler', name: 'Context Handler' }],
        systems: [system('bbr', ['context-handler'])],
      }),
    );
    const main = layout.nodes.find((node) => node.kind === 'component')!;
    const part = layout.nodes.find((node) => node.kind === 'part')!;
    expect(part.y).toBeGreaterThan(main.y);
    expect(part.y + part.height).toBeLessThanOrEqual(main.y + main.height);
    expect(layout.edges[0]?.path.startsWith(`M ${part.x + part.width} `)).toBe(true);
  });

  it('shows a component that depends on this one, dashed, and the systems hit through it with "via"', () => {
    const layout = layoutDiagram(
      input({
        component: { slug: 'sf1514-security-token-service', name: 'SF1514 Security Token Service', note: 'Hvis nede: Kritisk' },
        systems: [system('os2', ['sf1500-organisation'], false)],
      }),
    );
    const dependent = layout.nodes.find((node) => node.kind === 'dependent');
    expect(dependent).toMatchObject({ lines: ['SF1500 Organisation'], indirect: true });
    expect(layout.nodes.find((node) => node.kind === 'system')).toMatchObject({ note: 'via SF1500 Organisation', indirect: true });
    expect(layout.edges.every((edge) => edge.indirect)).toBe(true);
  });

  it('leaves out the column of dependencies when there are none, and says so when no system is hit', () => {
    const layout = layoutDiagram(input());
    expect(layout.columns.map((column) => [column.heading, column.emptyText])).toEqual([
      ['Komponenten', null],
      ['Berørte it-systemer', 'Ingen it-systemer i kataloget'],
    ]);
    expect(layout.width).toBeLessThan(layoutDiagram(input({ dependsOn: [{ slug: 'postkomponent', name: 'Postkomponent' }] })).width);
  });

  it('places fifteen systems without overlap, inside the drawing', () => {
    const systems = Array.from({ length: 15 }, (_, index) => system(`system-med-et-ret-langt-navn-nummer-${index}`, ['context-handler']));
    const layout = layoutDiagram(input({ systems }));
    const boxes = layout.nodes.filter((node) => node.kind === 'system');
    for (const [index, box] of boxes.entries()) {
      expect(box.y).toBeGreaterThanOrEqual(DIAGRAM.top);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
    }
  });

  it('centres the component against a tall column of systems', () => {
    const systems = Array.from({ length: 9 }, (_, index) => system(`s${index}`, ['context-handler']));
    const layout = layoutDiagram(input({ systems }));
    const main = layout.nodes.find((node) => node.kind === 'component')!;
    const boxes = layout.nodes.filter((node) => node.kind === 'system');
    const middleOfSystems = (boxes[0]!.y + boxes.at(-1)!.y + boxes.at(-1)!.height) / 2;
    expect(Math.abs(main.y + main.height / 2 - middleOfSystems)).toBeLessThanOrEqual(1);
  });
});
