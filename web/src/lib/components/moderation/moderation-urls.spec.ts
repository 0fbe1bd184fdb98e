import { describe, expect, it } from 'vitest';
import { auditLogHref, queueHref } from './moderation-urls';

describe('queueHref', () => {
  it('leaves the defaults out: open flags, first page', () => {
    expect(queueHref('open')).toBe('/admin/moderation');
    expect(queueHref('resolved', 3)).toBe('/admin/moderation?status=resolved&side=3');
  });
});

describe('auditLogHref', () => {
  it('keeps the filters that are set, encoded, and the page after the first', () => {
    expect(auditLogHref({ q: 'skjult & låst', action: '', from: '2025-03-01', to: '' }, 2)).toBe(
      '/admin/log?q=skjult+%26+l%C3%A5st&from=2025-03-01&side=2',
    );
    expect(auditLogHref({})).toBe('/admin/log');
  });
});
