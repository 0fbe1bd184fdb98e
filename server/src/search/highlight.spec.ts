import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, markedToHtml } from './highlight.js';

describe('markedToHtml', () => {
  it('escapes everything and turns only the markers into <mark>', () => {
    expect(markedToHtml(`<script>alert(1)</script> ${S}Context${E} & "Handler"`)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>Context</mark> &amp; &quot;Handler&quot;',
    );
  });

  it('keeps the tags balanced whatever order the markers come in', () => {
    expect(markedToHtml(`${E}a${S}${S}b${E}${E}c${S}d`)).toBe('a<mark>b</mark>c<mark>d</mark>');
  });

  it('does not let a marked part hide an attribute or a tag', () => {
    expect(markedToHtml(`${S}<img src=x onerror=alert(1)>${E}`)).toBe('<mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
  });
});
