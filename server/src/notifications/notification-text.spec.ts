import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text.js';

describe('a notification’s sentence', () => {
  it.each([
    ['considering', 'Emneforslaget «Værktøjskassen» er nu under overvejelse'],
    ['declined', 'Emneforslaget «Værktøjskassen» er nu afvist'],
    ['held', 'Emneforslaget «Værktøjskassen» er nu afholdt'],
  ])('reads as Danish for a suggestion moved to %s', (to, text) => {
    expect(notificationText({ type: 'suggestion.status', data: { from: 'new', to }, content_title: 'Værktøjskassen' })).toBe(text);
  });

  it('names the webinar a suggestion was planned for, and the reason given', () => {
    expect(
      notificationText({
        type: 'suggestion.status',
        data: { to: 'planned', webinarTitle: 'Leverandørskift', reason: 'Mange stemmer' },
        content_title: 'Cases',
      }),
    ).toBe('Emneforslaget «Cases» er nu planlagt (webinaret «Leverandørskift»). Begrundelse: Mange stemmer');
  });

  it('tells registrants that a webinar was cancelled, and why', () => {
    expect(notificationText({ type: 'webinar.status', data: { to: 'cancelled', reason: 'Sygdom' }, content_title: 'Webinar' })).toBe(
      'Webinaret «Webinar» er nu aflyst. Begrundelse: Sygdom',
    );
  });

  it('says so when the item is gone', () => {
    expect(notificationText({ type: 'content.reply', data: {}, content_title: null })).toBe('Nyt svar på «et indhold, der er slettet»');
  });

  it.each([
    [
      { sectionTitle: 'Krav, it-indkøb og leverandørstyring' },
      '«Guide» venter på godkendelse (til Værktøjskassen under «Krav, it-indkøb og leverandørstyring»)',
    ],
    [{ sectionTitle: null }, '«Guide» venter på godkendelse'],
  ])('tells moderators what waits for approval (%o)', (data, text) => {
    expect(notificationText({ type: 'publishing.submitted', data, content_title: 'Guide' })).toBe(text);
  });

  it('gives the author the reason their material was returned', () => {
    expect(notificationText({ type: 'publishing.returned', data: { reason: 'Mangler kilder' }, content_title: 'Guide' })).toBe(
      '«Guide» er sendt retur til kladde af en moderator. Begrundelse: Mangler kilder',
    );
  });

  it('says when approved material goes out, and where', () => {
    expect(
      notificationText({
        type: 'publishing.approved',
        data: { publishAt: '1. december 2026 kl. 10.00', sectionTitle: 'Roller' },
        content_title: 'Guide',
      }),
    ).toBe('«Guide» er godkendt og udgives 1. december 2026 kl. 10.00 og kommer i Værktøjskassen under «Roller»');
    expect(notificationText({ type: 'publishing.approved', data: { publishAt: null, sectionTitle: null }, content_title: 'Guide' })).toBe(
      '«Guide» er godkendt og offentliggjort',
    );
  });

  it('tells the author that scheduled material is out', () => {
    expect(notificationText({ type: 'publishing.published', data: { sectionTitle: null }, content_title: 'Guide' })).toBe(
      '«Guide» er nu offentliggjort som planlagt',
    );
  });
});
