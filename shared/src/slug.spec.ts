import { describe, expect, it } from 'vitest';
import { slugify } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Context Handler er nede – hvad gør jeg?', 'context-handler-er-nede-hvad-goer-jeg'],
    ['Fælleskommunal Adgangsstyring', 'faelleskommunal-adgangsstyring'],
    ['Skift af leverandør på Beskedfordeleren', 'skift-af-leverandoer-paa-beskedfordeleren'],
    ['ÆRØ, Ølstykke og Århus', 'aeroe-oelstykke-og-aarhus'],
    ['SF1601 – Digital Post (v2)', 'sf1601-digital-post-v2'],
    ['Café naïve résumé', 'cafe-naive-resume'],
    ['  --- !!! ---  ', ''],
  ])('turns %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts a long title at a word, within the limit', () => {
    const slug = slugify('Hvordan flytter vi integrationen fra den gamle snitflade til Serviceplatformen uden nedetid i weekenden', 40);
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('hvordan-flytter-vi-integrationen-fra-den');
  });

  it('cuts a single long word at the limit', () => {
    expect(slugify('a'.repeat(100), 10)).toBe('a'.repeat(10));
  });
});
