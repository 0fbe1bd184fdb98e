import { describe, expect, it } from 'vitest';
import { plainExcerpt } from './excerpt';

describe('plainExcerpt', () => {
  it('keeps the words of links and emphasis and drops their marks', () => {
    expect(plainExcerpt('Se **vejledningen** i [KOMBITs guide](https://kombit.dk/guide) og `ctx`.')).toBe(
      'Se vejledningen i KOMBITs guide og ctx.',
    );
  });

  it('drops heading, quote and list marks at the start of lines and folds the lines into one', () => {
    expect(plainExcerpt('# Overskrift\n> citat\n- punkt 1\n2. punkt 2')).toBe('Overskrift citat punkt 1 punkt 2');
  });

  it('cuts a long text at a word and marks the cut', () => {
    const excerpt = plainExcerpt('ord '.repeat(200), 50);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith('ord…')).toBe(true);
  });
});
