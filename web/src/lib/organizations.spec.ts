import { describe, expect, it } from 'vitest';
import type { Organization } from '@infraforum/shared';
import { groupByRegion } from './organizations.js';

const org = (code: string, name: string, region: string | null, type: Organization['type'] = 'municipality'): Organization => ({
  code,
  name,
  region,
  type,
  emailDomains: [],
});

describe('groupByRegion', () => {
  it('groups municipalities by region in Danish order, with names sorted inside each region', () => {
    const groups = groupByRegion([
      org('0751', 'Aarhus', 'Region Midtjylland'),
      org('0159', 'Gladsaxe', 'Region Hovedstaden'),
      org('0101', 'København', 'Region Hovedstaden'),
      org('0657', 'Herning', 'Region Midtjylland'),
    ]);
    expect(groups.map((g) => [g.label, g.organizations.map((o) => o.name)])).toEqual([
      ['Region Hovedstaden', ['Gladsaxe', 'København']],
      ['Region Midtjylland', ['Herning', 'Aarhus']],
    ]);
  });

  it('puts KOMBIT last, in a group of its own', () => {
    const groups = groupByRegion([org('KOMBIT', 'KOMBIT', null, 'kombit'), org('0159', 'Gladsaxe', 'Region Hovedstaden')]);
    expect(groups.map((g) => g.label)).toEqual(['Region Hovedstaden', 'KOMBIT']);
  });
});
