import { describe, expect, it } from 'vitest';
import { introExcerpt, textOfHtml } from './intro-excerpt';

describe('textOfHtml', () => {
  it('drops tags and decodes entities', () => {
    expect(textOfHtml('<p>Krav &amp; <strong>leverandører</strong> &#8211; &lt;nu&gt;</p>')).toBe('Krav & leverandører – <nu>');
  });

  it('leaves an entity it does not know as it is', () => {
    expect(textOfHtml('a &bogus; b &#99999999;')).toBe('a &bogus; b &#99999999;');
  });
});

describe('introExcerpt', () => {
  it('takes the first paragraph', () => {
    expect(introExcerpt('<p>Første afsnit.</p>\n<p>Andet afsnit.</p>')).toBe('Første afsnit.');
  });

  it('cuts a long paragraph at a word and marks the cut', () => {
    const excerpt = introExcerpt(`<p>${'infrastruktur '.repeat(30)}</p>`, 50);
    expect(excerpt.length).toBeLessThanOrEqual(50);
    expect(excerpt).toMatch(/infrastruktur…$/);
  });

  it('is empty for an empty introduction', () => {
    expect(introExcerpt('')).toBe('');
  });
});
