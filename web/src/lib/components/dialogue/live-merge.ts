import {
  DIALOGUE_RESULTS_PAGE_MAX,
  type DialogueKind,
  type DialogueResultAnswer,
  type DialogueResults,
  type LikertCount,
} from '@infraforum/shared';
import { newAnswersText } from './format';

/** What a live results page shows. */
export interface LiveSnapshot {
  /** Newest first. */
  answers: DialogueResultAnswer[];
  total: number;
  distribution: LikertCount[];
  mean: number | null;
  open: boolean;
  /** The newest answer id seen: the next poll asks for what came after it. */
  cursor: number | null;
}

export interface MergeOptions {
  kind: DialogueKind;
  /** Moderators keep hidden answers (marked); everyone else has them dropped. */
  moderator: boolean;
}

/** The address of one poll: answers after `after` (open questions), and always the totals. */
export function resultsUrl(questionId: number, after?: number): string {
  const query = `limit=${DIALOGUE_RESULTS_PAGE_MAX}` + (after === undefined ? '' : `&after=${after}`);
  return `/api/dialogue/${questionId}/results?${query}`;
}

export function newestId(answers: readonly DialogueResultAnswer[], fallback: number | null): number | null {
  return answers.reduce<number | null>((newest, answer) => Math.max(newest ?? 0, answer.id), fallback);
}

/** The page as the server rendered it (answers already newest first). */
export function snapshotOf(results: DialogueResults): LiveSnapshot {
  return {
    answers: results.answers,
    total: results.total,
    distribution: results.distribution,
    mean: results.mean,
    open: results.question.open,
    cursor: newestId(results.answers, results.cursor),
  };
}

const distributionKey = (distribution: readonly LikertCount[]) => distribution.map((entry) => `${entry.value}:${entry.count}`).join(',');

/**
 * One poll's answer applied to what is shown: new answers on top, answers a moderator hid dropped (or, for
 * moderators, marked), totals replaced. `changes` says what is worth reading aloud; empty when nothing changed.
 */
export function mergeResults(
  current: LiveSnapshot,
  next: DialogueResults,
  options: MergeOptions,
): { snapshot: LiveSnapshot; changes: string[] } {
  const hidden = new Set(next.hiddenIds);
  const shown = new Set(current.answers.map((answer) => answer.id));
  const fresh = next.answers.filter((answer) => !shown.has(answer.id) && (options.moderator || !hidden.has(answer.id))).reverse();
  const kept = current.answers
    .filter((answer) => options.moderator || !hidden.has(answer.id))
    .map((answer) => (answer.hidden === hidden.has(answer.id) ? answer : { ...answer, hidden: hidden.has(answer.id) }));
  const unchanged =
    fresh.length === 0 && kept.length === current.answers.length && kept.every((answer, i) => answer === current.answers[i]);

  const changes: string[] = [];
  const added = options.kind === 'open' ? fresh.filter((answer) => !answer.hidden).length : Math.max(0, next.total - current.total);
  if (added > 0) changes.push(newAnswersText(added));
  else if (options.kind === 'likert' && distributionKey(next.distribution) !== distributionKey(current.distribution)) {
    changes.push('Resultatet er opdateret');
  }
  if (next.question.open !== current.open) changes.push(next.question.open ? 'Spørgsmålet er åbnet' : 'Spørgsmålet er lukket');

  return {
    snapshot: {
      answers: unchanged ? current.answers : [...fresh, ...kept],
      total: next.total,
      distribution: next.distribution,
      mean: next.mean,
      open: next.question.open,
      cursor: next.cursor === null ? current.cursor : Math.max(current.cursor ?? 0, next.cursor),
    },
    changes,
  };
}

/** Answers of a full reload (oldest first from the API) as shown, and how many of them the viewer had not seen. */
export function reloadedAnswers(
  all: readonly DialogueResultAnswer[],
  shownBefore: readonly DialogueResultAnswer[],
  moderator: boolean,
): { answers: DialogueResultAnswer[]; added: number } {
  const before = new Set(shownBefore.map((answer) => answer.id));
  const answers = all.filter((answer) => moderator || !answer.hidden).reverse();
  return { answers, added: answers.filter((answer) => !answer.hidden && !before.has(answer.id)).length };
}
