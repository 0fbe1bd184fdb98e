import { describe, expect, it } from 'vitest';
import type { DialogueQuestion, DialogueResultAnswer, DialogueResults } from '@infraforum/shared';
import { mergeResults, reloadedAnswers, resultsUrl, snapshotOf } from './live-merge';

const question = (overrides: Partial<DialogueQuestion> = {}): DialogueQuestion => ({
  id: 7,
  webinarId: 3,
  kind: 'open',
  prompt: 'Hvad fylder mest i jeres drift?',
  position: 1,
  open: true,
  openedAt: '2025-01-01T10:00:00Z',
  closedAt: null,
  answerCount: 0,
  myAnswers: [],
  permissions: { answer: true, manage: false },
  ...overrides,
});

const answer = (id: number, overrides: Partial<DialogueResultAnswer> = {}): DialogueResultAnswer => ({
  id,
  text: `Svar ${id}`,
  createdAt: '2025-01-01T10:05:00Z',
  anonymous: true,
  author: null,
  organization: null,
  hidden: false,
  mine: false,
  ...overrides,
});

const results = (overrides: Partial<DialogueResults> = {}): DialogueResults => ({
  question: question(),
  total: 0,
  answers: [],
  hasMore: false,
  cursor: null,
  hiddenIds: [],
  distribution: [],
  mean: null,
  ...overrides,
});

const likertCounts = (counts: number[]) => counts.map((count, i) => ({ value: i + 1, label: String(i + 1), count }));

describe('mergeResults', () => {
  const shown = snapshotOf(results({ total: 2, answers: [answer(2), answer(1)], cursor: 2 }));

  it('puts new answers on top, newest first, and says how many came', () => {
    const { snapshot, changes } = mergeResults(shown, results({ total: 4, answers: [answer(3), answer(4)], cursor: 4 }), {
      kind: 'open',
      moderator: false,
    });
    expect(snapshot.answers.map((a) => a.id)).toEqual([4, 3, 2, 1]);
    expect(snapshot.cursor).toBe(4);
    expect(changes).toEqual(['2 nye svar']);
  });

  it('keeps the same list and says nothing when nothing changed', () => {
    const { snapshot, changes } = mergeResults(shown, results({ total: 2, cursor: 2 }), { kind: 'open', moderator: false });
    expect(snapshot.answers).toBe(shown.answers);
    expect(changes).toEqual([]);
  });

  it('drops an answer a moderator hid for participants, and marks it for moderators', () => {
    const next = results({ total: 1, cursor: 2, hiddenIds: [1] });
    expect(mergeResults(shown, next, { kind: 'open', moderator: false }).snapshot.answers.map((a) => a.id)).toEqual([2]);
    const forModerator = mergeResults(shown, next, { kind: 'open', moderator: true }).snapshot.answers;
    expect(forModerator.map((a) => [a.id, a.hidden])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('announces a changed evaluation result and a closed question', () => {
    const likert = snapshotOf(results({ question: question({ kind: 'likert' }), total: 2, distribution: likertCounts([0, 0, 1, 1, 0]) }));
    const next = results({ question: question({ kind: 'likert', open: false }), total: 2, distribution: likertCounts([0, 0, 0, 2, 0]) });
    expect(mergeResults(likert, next, { kind: 'likert', moderator: false }).changes).toEqual([
      'Resultatet er opdateret',
      'Spørgsmålet er lukket',
    ]);
  });

  it('counts new evaluations by the total', () => {
    const likert = snapshotOf(results({ question: question({ kind: 'likert' }), total: 2, distribution: likertCounts([0, 0, 1, 1, 0]) }));
    const next = results({ question: question({ kind: 'likert' }), total: 3, distribution: likertCounts([0, 0, 1, 1, 1]) });
    expect(mergeResults(likert, next, { kind: 'likert', moderator: false }).changes).toEqual(['1 nyt svar']);
  });
});

describe('reloadedAnswers', () => {
  it('shows a full reload newest first and counts only answers not shown before', () => {
    const { answers, added } = reloadedAnswers([answer(1), answer(2), answer(3)], [answer(3), answer(2)], false);
    expect(answers.map((a) => a.id)).toEqual([3, 2, 1]);
    expect(added).toBe(1);
  });
});

describe('resultsUrl', () => {
  it('asks for what came after the cursor when there is one', () => {
    expect(resultsUrl(7, 12)).toBe('/api/dialogue/7/results?limit=500&after=12');
    expect(resultsUrl(7)).toBe('/api/dialogue/7/results?limit=500');
  });
});
