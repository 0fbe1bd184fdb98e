import type { CatalogComponent } from '@infraforum/shared';

export interface ComponentNode {
  component: CatalogComponent;
  children: ComponentNode[];
}

/** The flat catalog as a tree by `parentSlug`, in the API's order; a part whose parent is missing is shown at the top. */
export function componentTree(components: readonly CatalogComponent[]): ComponentNode[] {
  const nodes = new Map(components.map((component) => [component.slug, { component, children: [] } as ComponentNode]));
  const roots: ComponentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.component.parentSlug ? nodes.get(node.component.parentSlug) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** "Context Handler (CH)"; the short form only when it adds something. */
export function displayName(component: Pick<CatalogComponent, 'name' | 'shortName'>): string {
  const { name, shortName } = component;
  return shortName && !name.includes(shortName) ? `${name} (${shortName})` : name;
}

/**
 * The first sentence, for one-line descriptions in lists. A sentence ends at a full stop after a word (not after an
 * abbreviation such as "bl.a.") followed by a capitalised word.
 */
export function firstSentence(text: string): string {
  return text.split(/(?<=[^\s.]{2}\.)\s+(?=[A-ZÆØÅ])/)[0] ?? text;
}

/** "A, B og C" */
export function danishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}
