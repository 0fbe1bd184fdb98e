import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

/** What must never appear in a rendered tag, whatever the input (escaped text like "&lt;script" is inert and allowed). */
const DANGEROUS = [
  /<script/i,
  /\son\w+\s*=/i,
  /javascript:/i,
  /vbscript:/i,
  /data:/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<svg/i,
  /<style/i,
  /<form/i,
  /<input/i,
  /<meta/i,
  /<link/i,
  /<base/i,
  /srcdoc/i,
];

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '[klik](javascript:alert(1))',
  '[klik](JaVaScRiPt:alert(1))',
  '[klik](java\nscript:alert(1))',
  '[klik](&#106;avascript:alert(1))',
  '[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klik](vbscript:msgbox(1))',
  '![billede](javascript:alert(1))',
  '![billede](https://tracker.example/pixel.png)',
  '![billede](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="https://evil.example"><input name=x></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<object data="x.swf"></object><embed src="x.swf">',
  '"><script>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<script>ipt>alert(1)</script>',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1))',
  '<details open ontoggle=alert(1)>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<style>body{display:none}</style>',
  '<iframe srcdoc="<script>alert(1)</script>">',
];

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('renders %j inert', (payload) => {
    const { html } = renderMarkdown(payload);
    const tags = html.match(/<[^>]*>/g) ?? [];
    for (const tag of tags) for (const pattern of DANGEROUS) expect(tag, `${pattern} in ${html}`).not.toMatch(pattern);
    expect(
      tags.every((tag) =>
        /^<\/?(p|br|h[2-6]|strong|em|s|del|code|pre|blockquote|ul|ol|li|a|img|table|thead|tbody|tr|th|td|hr)[\s/>]/.test(tag),
      ),
    ).toBe(true);
  });

  it('renders headings from h2, lists, tables with column headers, code and quotes', () => {
    const { html } = renderMarkdown(
      '# Titel\n\n## Trin\n\n1. Et\n2. To\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n> Citat\n\n```sql\nselect 1\n```',
    );
    expect(html).toContain('<h2>Titel</h2>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<th scope="col">A</th>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<code class="language-sql">');
  });

  it('marks links as user content that passes on no trust', () => {
    const { html } = renderMarkdown('Se [vejledningen](https://www.kombit.dk/infrastruktur)');
    expect(html).toContain('<a href="https://www.kombit.dk/infrastruktur" rel="nofollow noopener ugc">vejledningen</a>');
  });

  it('keeps images from our own attachments and drops all others', () => {
    expect(renderMarkdown('![diagram](/api/attachments/abc123)').html).toContain('<img src="/api/attachments/abc123" alt="diagram" />');
    expect(renderMarkdown('![diagram](https://example.org/a.png)').html).not.toContain('<img');
  });

  it('shows raw HTML as text instead of passing it through', () => {
    expect(renderMarkdown('<b>fed</b>').html).toBe('<p>&lt;b&gt;fed&lt;/b&gt;</p>\n');
  });

  it('gives plain text with blocks apart and entities decoded once', () => {
    expect(renderMarkdown('# Nede\n\nBBR & DAR rammes.\n\nSkriv `&lt;` her').text).toBe('Nede BBR & DAR rammes. Skriv &lt; her');
  });
});
