import type { Organization } from '@infraforum/shared';

export interface OrganizationGroup {
  label: string;
  organizations: Organization[];
}

const danish = new Intl.Collator('da');

/** Municipalities by region (regions and names in Danish order), then KOMBIT in a group of its own. */
export function groupByRegion(organizations: readonly Organization[]): OrganizationGroup[] {
  const regions = new Map<string, Organization[]>();
  const others: Organization[] = [];
  for (const organization of organizations) {
    if (organization.type === 'municipality' && organization.region) {
      const list = regions.get(organization.region) ?? [];
      list.push(organization);
      regions.set(organization.region, list);
    } else {
      others.push(organization);
    }
  }
  const groups = [...regions.entries()]
    .sort(([a], [b]) => danish.compare(a, b))
    .map(([label, list]) => ({ label, organizations: list.sort((a, b) => danish.compare(a.name, b.name)) }));
  if (others.length > 0) groups.push({ label: 'KOMBIT', organizations: others.sort((a, b) => danish.compare(a.name, b.name)) });
  return groups;
}
