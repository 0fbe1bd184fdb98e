import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect.js';

describe('safeRedirectPath', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeRedirectPath('/admin/brugere?kommune=0159', '/min-profil')).toBe('/admin/brugere?kommune=0159');
  });

  it.each(['https://evil.dk/', '//evil.dk', '/\\evil.dk', '/\t/evil.dk', 'javascript:alert(1)', 'min-profil', ''])(
    'falls back for %j',
    (value) => {
      expect(safeRedirectPath(value, '/min-profil')).toBe('/min-profil');
    },
  );

  it('falls back when there is no value', () => {
    expect(safeRedirectPath(null, '/min-profil')).toBe('/min-profil');
  });
});
