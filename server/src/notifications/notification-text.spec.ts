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
});
