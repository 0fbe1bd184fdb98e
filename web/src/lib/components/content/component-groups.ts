import type { CatalogComponent } from '@infraforum/shared';

export interface ComponentOption {
  value: string;
  label: string;
  /** 0 for a top-level component, 1 for its modules and services, and so on. */
  depth: number;
}

export interface ComponentGroup {
  label: string;
  options: ComponentOption[];
}

/** Top-level components as groups, each with itself first and then its sub-components (depth first). */
export function componentGroups(components: readonly CatalogComponent[]): ComponentGroup[] {
  const childrenOf = new Map<string | null, CatalogComponent[]>();
  for (const component of components) {
    const list = childrenOf.get(component.parentSlug) ?? [];
    list.push(component);
    childrenOf.set(component.parentSlug, list);
  }
  const descendants = (slug: string, depth: number): ComponentOption[] =>
    (childrenOf.get(slug) ?? []).flatMap((child) => [
      { value: child.slug, label: child.name, depth },
      ...descendants(child.slug, depth + 1),
    ]);
  return (childrenOf.get(null) ?? []).map((top) => ({
    label: top.name,
    options: [{ value: top.slug, label: top.name, depth: 0 }, ...descendants(top.slug, 1)],
  }));
}

/** The same groups for a <select>, where indentation is written out ("– Context Handler"). */
export function componentSelectGroups(groups: readonly ComponentGroup[]): { label: string; options: { value: string; label: string }[] }[] {
  return groups.map((group) => ({
    label: group.label,
    options: group.options.map((option) => ({ value: option.value, label: `${'– '.repeat(option.depth)}${option.label}` })),
  }));
}
