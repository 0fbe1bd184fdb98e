import { describe, expect, it } from 'vitest';
import type { CatalogComponent } from '@infraforum/shared';
import { componentTree, danishList, displayName, firstSentence } from './component-tree.js';

const component = (slug: string, parentSlug: string | null = null): CatalogComponent => ({
  slug,
  name: slug,
  shortName: null,
  type: parentSlug ? 'service' : 'component',
  parentSlug,
  description: '',
  severity: 'medium',
  impact: '',
  aliases: [],
  phasedOut: null,
});

describe('componentTree', () => {
  it('nests parts under their parent, in the order given', () => {
    const tree = componentTree([component('sp'), component('sf1601', 'sp'), component('bf'), component('sf1500', 'sp')]);
    expect(tree.map((node) => [node.component.slug, node.children.map((child) => child.component.slug)])).toEqual([
      ['sp', ['sf1601', 'sf1500']],
      ['bf', []],
    ]);
  });

  it('shows a part whose parent is missing at the top', () => {
    expect(componentTree([component('sf1601', 'gone')]).map((node) => node.component.slug)).toEqual(['sf1601']);
  });
});

describe('displayName', () => {
  it('adds the short form when the name does not hold it', () => {
    expect(displayName({ name: 'Context Handler', shortName: 'CH' })).toBe('Context Handler (CH)');
    expect(displayName({ name: 'SF1601 Kombit Digital Post', shortName: 'SF1601' })).toBe('SF1601 Kombit Digital Post');
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop before a capital letter, not at an abbreviation', () => {
    expect(firstSentence('Sender post, bl.a. til Digital Post. Status kommer tilbage.')).toBe('Sender post, bl.a. til Digital Post.');
    expect(firstSentence('Fælles register over klassifikationer, bl.a. KLE, som systemerne bruger.')).toBe(
      'Fælles register over klassifikationer, bl.a. KLE, som systemerne bruger.',
    );
  });
});

describe('danishList', () => {
  it('joins with commas and "og"', () => {
    expect(danishList(['BBR', 'DAR', 'Kitos'])).toBe('BBR, DAR og Kitos');
    expect(danishList(['BBR'])).toBe('BBR');
  });
});
