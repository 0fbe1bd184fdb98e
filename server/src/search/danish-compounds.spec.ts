import { beforeAll, describe, expect, it } from 'vitest';
import { DanishCompoundSplitter } from './danish-compounds.js';

let splitter: DanishCompoundSplitter;
beforeAll(async () => {
  splitter = await DanishCompoundSplitter.load();
});

describe('DanishCompoundSplitter (with the Danish spelling dictionary)', () => {
  it.each([
    ['beskedfordeler', ['besked', 'fordeler']],
    ['beskedfordeleren', ['besked', 'fordeleren']],
    ['adgangsstyring', ['adgang', 'styring']],
    ['driftsmeddelelse', ['drift', 'meddelelse']],
    ['jobfunktionsroller', ['jobfunktion', 'roller']],
    ['sikkerhedscertifikat', ['sikkerhed', 'certifikat']],
    ['integrationsplatform', ['integration', 'platform']],
    ['systemejerne', ['system', 'ejerne']],
    ['vidensbase', ['viden', 'base']],
  ])('splits %s into its parts', (word, parts) => {
    expect(splitter.split(word)).toEqual(parts);
  });

  it.each([
    'tilslutning',
    'snitflade',
    'kontekst',
    'infrastrukturen',
    'kommunernes',
    'forstår',
    'gennemgår',
    'manglede',
    'processen',
    'nedbruddet',
  ])('leaves %s whole: a word (or an inflected form) of its own', (word) => {
    expect(splitter.split(word)).toEqual([]);
  });

  it('collects the parts of every compound in a text, once each', () => {
    expect(splitter.partsOf('Beskedfordeleren er nede; beskedfordeleren sender ingen driftsmeddelelser.')).toEqual([
      'besked',
      'fordeleren',
      'drift',
      'meddelelser',
    ]);
  });
});
