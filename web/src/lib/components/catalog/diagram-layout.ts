import type { AffectedSystemRef } from '@infraforum/shared';

/**
 * The layout of a component's dependency diagram, computed on the server (no layout library): three columns read
 * left to right the way trouble spreads — the components it depends on → the component with its parts (and the
 * components that depend on it) → the IT systems hit. Solid lines are direct, dashed lines go through a dependency.
 */

export interface ComponentRef {
  slug: string;
  name: string;
}

export interface DiagramInput {
  component: ComponentRef & { note: string };
  parts: readonly ComponentRef[];
  dependsOn: readonly ComponentRef[];
  systems: readonly AffectedSystemRef[];
  /** Component names by slug, for the components systems are hit through. */
  names: Readonly<Record<string, string>>;
}

export type NodeKind = 'dependency' | 'component' | 'part' | 'dependent' | 'system';

export interface DiagramNode {
  key: string;
  kind: NodeKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The name, wrapped to the box. */
  lines: string[];
  /** A smaller line under the name: the severity, or what a system is hit through. */
  note: string | null;
  /** Hit through a dependency (dashed border). */
  indirect: boolean;
}

export interface DiagramEdge {
  key: string;
  path: string;
  indirect: boolean;
  /** What is down and what it hits, by name, for the text version. */
  from: string;
  to: string;
}

export interface DiagramColumn {
  heading: string;
  x: number;
  width: number;
  /** Shown when the column has no boxes. */
  emptyText: string | null;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** Baseline of the column headings. */
  headingY: number;
  columns: DiagramColumn[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export const DIAGRAM = {
  headingY: 22,
  top: 44,
  fontSize: 15,
  lineHeight: 19,
  noteSize: 13,
  noteHeight: 18,
  padX: 12,
  padY: 10,
  gap: 10,
  /** Average width of a character at fontSize in IBM Plex Sans, rounded up so wrapped text stays inside its box. */
  charWidth: 8.2,
  indent: 28,
} as const;

const LEFT = { x: 0, width: 250 };
const MIDDLE_WIDTH = 270;
const RIGHT_WIDTH = 260;
/** Between the columns: room for the curves. */
const GUTTER = 90;

/** Words into lines of at most `maxChars`; the last allowed line ends in "…" when text is left over. */
export function wrapText(text: string, maxChars: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > maxChars) {
      // A word longer than a line is broken where it must be.
      if (line) lines.push(line);
      lines.push(rest.slice(0, maxChars - 1) + '-');
      rest = rest.slice(maxChars - 1);
      line = '';
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= maxChars) line += ' ' + rest;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = (last.length >= maxChars ? last.slice(0, maxChars - 1) : last) + '…';
  return kept;
}

/** Bold text (the component's own name) is wider. */
const charsFor = (width: number, bold = false) => Math.floor((width - 2 * DIAGRAM.padX) / (DIAGRAM.charWidth * (bold ? 1.12 : 1)));

const boxHeight = (lines: number, note: boolean) => 2 * DIAGRAM.padY + lines * DIAGRAM.lineHeight + (note ? DIAGRAM.noteHeight : 0);

function box(key: string, kind: NodeKind, column: { x: number; width: number }, text: string, note: string | null, indirect: boolean) {
  const lines = wrapText(text, charsFor(column.width, kind === 'component'));
  return { key, kind, x: column.x, y: 0, width: column.width, height: boxHeight(lines.length, note !== null), lines, note, indirect };
}

/** A line from the right edge of one box to the left edge of another, as a gentle S-curve. */
function curve(from: DiagramNode, to: DiagramNode): string {
  const sx = from.x + from.width;
  const sy = from.y + from.height / 2;
  const tx = to.x;
  const ty = to.y + to.height / 2;
  const mx = (sx + tx) / 2;
  return `M ${sx} ${sy} C ${mx} ${sy}, ${mx} ${ty}, ${tx} ${ty}`;
}

/** Stacks boxes from `top`, a gap apart; returns the height used. */
function stack(nodes: DiagramNode[], top: number): number {
  let y = top;
  for (const node of nodes) {
    node.y = y;
    y += node.height + DIAGRAM.gap;
  }
  return nodes.length === 0 ? 0 : y - DIAGRAM.gap - top;
}

export function layoutDiagram(input: DiagramInput): DiagramLayout {
  // Without dependencies the left column is left out, so the drawing stays narrow (and legible on a phone).
  const hasLeft = input.dependsOn.length > 0;
  const MIDDLE = { x: hasLeft ? LEFT.width + GUTTER : 0, width: MIDDLE_WIDTH };
  const RIGHT = { x: MIDDLE.x + MIDDLE_WIDTH + GUTTER, width: RIGHT_WIDTH };
  const width = RIGHT.x + RIGHT.width;
  const nameOf = (slug: string) => input.names[slug] ?? slug;
  const componentKey = (slug: string) => `component:${slug}`;

  // Left: what it depends on.
  const dependencies = input.dependsOn.map((dependency) =>
    box(componentKey(dependency.slug), 'dependency', LEFT, dependency.name, null, false),
  );

  // Middle: the component as a frame around its parts, then the components that are hit because they depend on it.
  const inner = { x: MIDDLE.x + DIAGRAM.padX, width: MIDDLE.width - 2 * DIAGRAM.padX };
  const parts = input.parts.map((part) => box(componentKey(part.slug), 'part', inner, part.name, null, false));
  const main = box(componentKey(input.component.slug), 'component', MIDDLE, input.component.name, input.component.note, false);
  const partsHeight = parts.reduce((sum, part) => sum + part.height + DIAGRAM.gap, 0);
  main.height += partsHeight;

  const inMiddle = new Set([main.key, ...parts.map((part) => part.key)]);
  const dependents: DiagramNode[] = [];
  const dependentColumn = { x: MIDDLE.x + DIAGRAM.indent, width: MIDDLE.width - DIAGRAM.indent };
  for (const system of input.systems) {
    for (const slug of system.via) {
      const key = componentKey(slug);
      if (inMiddle.has(key)) continue;
      inMiddle.add(key);
      dependents.push(box(key, 'dependent', dependentColumn, nameOf(slug), `afhænger af ${input.component.name}`, true));
    }
  }

  // Right: the systems.
  const systems = input.systems.map((system) =>
    box(
      `system:${system.slug}`,
      'system',
      RIGHT,
      system.name,
      system.direct ? null : `via ${system.via.map(nameOf).join(', ')}`,
      !system.direct,
    ),
  );

  // Stack each column, then centre the shorter ones against the tallest.
  const dependentsTop = main.height + (dependents.length > 0 ? 2 * DIAGRAM.gap : 0);
  const middleHeight = dependentsTop + stack(dependents, 0);
  const leftHeight = stack(dependencies, 0);
  const rightHeight = stack(systems, 0);
  const contentHeight = Math.max(leftHeight, middleHeight, rightHeight, 2 * DIAGRAM.lineHeight);
  const offset = (height: number) => DIAGRAM.top + Math.round((contentHeight - height) / 2);

  for (const node of dependencies) node.y += offset(leftHeight);
  for (const node of systems) node.y += offset(rightHeight);
  main.y = offset(middleHeight);
  let partY = main.y + DIAGRAM.padY + main.lines.length * DIAGRAM.lineHeight + DIAGRAM.noteHeight + DIAGRAM.gap;
  for (const part of parts) {
    part.y = partY;
    partY += part.height + DIAGRAM.gap;
  }
  for (const node of dependents) node.y += main.y + dependentsTop;

  const byKey = new Map([...parts, main, ...dependents].map((node) => [node.key, node]));
  const edges: DiagramEdge[] = [];
  input.dependsOn.forEach((dependency, index) => {
    const source = dependencies[index];
    if (!source) return;
    edges.push({
      key: `${source.key}>${main.key}`,
      path: curve(source, main),
      indirect: true,
      from: dependency.name,
      to: input.component.name,
    });
  });
  // The dependents hang from the frame's lower left corner.
  const spineX = MIDDLE.x + DIAGRAM.indent / 2;
  for (const dependent of dependents) {
    edges.push({
      key: `${main.key}>${dependent.key}`,
      path: `M ${spineX} ${main.y + main.height} V ${dependent.y + dependent.height / 2} H ${dependent.x}`,
      indirect: true,
      from: input.component.name,
      to: nameOf(dependent.key.slice('component:'.length)),
    });
  }
  input.systems.forEach((system, index) => {
    const target = systems[index];
    if (!target) return;
    for (const slug of system.via) {
      const source = byKey.get(componentKey(slug));
      if (!source) continue;
      // A system can be hit both directly and through a dependent component: each line says which.
      edges.push({
        key: `${source.key}>${target.key}`,
        path: curve(source, target),
        indirect: source.kind === 'dependent',
        from: nameOf(slug),
        to: system.name,
      });
    }
  });

  return {
    width,
    height: DIAGRAM.top + contentHeight + DIAGRAM.gap,
    headingY: DIAGRAM.headingY,
    columns: [
      ...(hasLeft ? [{ heading: 'Afhænger af', ...LEFT, emptyText: null }] : []),
      { heading: 'Komponenten', ...MIDDLE, emptyText: null },
      { heading: 'Berørte it-systemer', ...RIGHT, emptyText: systems.length === 0 ? 'Ingen it-systemer i kataloget' : null },
    ],
    nodes: [...dependencies, main, ...parts, ...dependents, ...systems],
    edges,
  };
}
