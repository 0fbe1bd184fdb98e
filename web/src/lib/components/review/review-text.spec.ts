import { describe, expect, it } from 'vitest';
import { CONTENT_KINDS } from '@infraforum/shared';
import { formatCalendarDay, hasBegun, isReviewedKind } from './review-text';
import { reviewHref } from './review-url';

describe('review texts', () => {
  it('writes a calendar day the Danish way, whatever the time zone', () => {
    expect(formatCalendarDay('2022-03-31')).toBe('31. marts 2022');
    expect(formatCalendarDay('2024-01-01')).toBe('1. januar 2024');
  });

  it('counts a phase-out as begun from its own day in Copenhagen', () => {
    // 23:30 UTC on 30 March is already 31 March in Copenhagen (summer time).
    expect(hasBegun('2022-03-31', new Date('2022-03-30T23:30:00Z'))).toBe(true);
    expect(hasBegun('2022-04-01', new Date('2022-03-30T23:30:00Z'))).toBe(false);
  });

  it('gives guides and cases a review date, and no other kind', () => {
    expect(CONTENT_KINDS.filter((kind) => isReviewedKind(kind))).toEqual(['guide', 'case']);
  });

  it('keeps the scope and the page in the review page’s address', () => {
    expect(reviewHref('mine')).toBe('/gennemgang');
    expect(reviewHref('all')).toBe('/gennemgang?omfang=alt');
    expect(reviewHref('all', 3)).toBe('/gennemgang?omfang=alt&side=3');
    expect(reviewHref('mine', 2)).toBe('/gennemgang?side=2');
  });
});
