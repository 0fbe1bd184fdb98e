import type { OrganizationType } from '@infraforum/shared';
import municipalities from './municipalities.json' with { type: 'json' };

export interface ReferenceOrganization {
  code: string;
  name: string;
  type: OrganizationType;
  region: string | null;
  emailDomains: string[];
}

/** The 98 municipalities (copied from the design folder's data/municipalities.json) plus KOMBIT. */
export function referenceOrganizations(): ReferenceOrganization[] {
  const list: ReferenceOrganization[] = municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    type: 'municipality',
    region: m.region,
    emailDomains: m.emailDomains.map((d) => d.toLowerCase()),
  }));
  list.push({ code: 'KOMBIT', name: 'KOMBIT', type: 'kombit', region: null, emailDomains: ['kombit.dk'] });
  return list;
}
