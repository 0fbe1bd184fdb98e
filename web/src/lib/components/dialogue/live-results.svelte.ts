import type { DialogueKind, DialogueResultAnswer, DialogueResults, LikertCount } from '@infraforum/shared';
import { mergeResults, newestId, reloadedAnswers, resultsUrl, snapshotOf, type LiveSnapshot } from './live-merge';
import { newAnswersText } from './format';

/** How often an open results page asks for news. */
export const POLL_INTERVAL_MS = 3000;
/** After failed polls the wait doubles, up to this many intervals. */
const BACKOFF_MAX = 8;
/** A pause before the live region gets its new text, so the same words twice are read twice. */
const ANNOUNCE_DELAY_MS = 100;

/**
 * A question's results as the page shows them, kept current in the browser (see `mergeResults`): each poll asks
 * for the answers after the newest one shown, and the totals. What changed is said in `announcement`, for a live
 * region.
 */
export class LiveResults {
  /** Newest first. */
  answers: DialogueResultAnswer[] = $state.raw([]);
  total = $state(0);
  distribution: LikertCount[] = $state.raw([]);
  mean: number | null = $state(null);
  open = $state(false);
  announcement = $state('');

  private cursor: number | null;
  private readonly questionId: number;
  private readonly kind: DialogueKind;
  private readonly moderator: boolean;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The total at the last full reload. */
  private reloadedAt: number | null = null;

  /** `initial` as the server loaded it, answers newest first; moderators keep hidden answers in view. */
  constructor(initial: DialogueResults, moderator: boolean) {
    this.questionId = initial.question.id;
    this.kind = initial.question.kind;
    this.moderator = moderator;
    const snapshot = snapshotOf(initial);
    this.cursor = snapshot.cursor;
    this.show(snapshot);
  }

  /** One poll: the answers after the newest one shown, and the totals. */
  async refresh(fetcher: typeof fetch = fetch): Promise<void> {
    const next = await this.fetchResults(fetcher, this.kind === 'open' && this.cursor !== null ? this.cursor : undefined);
    const { snapshot, changes } = mergeResults(this.snapshot(), next, { kind: this.kind, moderator: this.moderator });
    this.cursor = snapshot.cursor;
    this.show(snapshot);
    if (changes.length > 0) this.announce(changes.join('. '));
    // An answer shown again after being hidden is older than the cursor: when the list falls short of the total,
    // fetch it whole, once per total (an answer arriving mid-query must not cost a reload on every poll).
    const visible = this.answers.filter((answer) => !answer.hidden).length;
    if (this.kind === 'open' && !next.hasMore && visible < this.total && this.reloadedAt !== this.total) {
      this.reloadedAt = this.total;
      await this.reload(fetcher);
    }
  }

  /** Stops a pending announcement (the page is leaving or got new data). */
  dispose(): void {
    clearTimeout(this.announceTimer);
  }

  private snapshot(): LiveSnapshot {
    return {
      answers: this.answers,
      total: this.total,
      distribution: this.distribution,
      mean: this.mean,
      open: this.open,
      cursor: this.cursor,
    };
  }

  private show(snapshot: LiveSnapshot): void {
    if (snapshot.answers !== this.answers) this.answers = snapshot.answers;
    this.total = snapshot.total;
    this.distribution = snapshot.distribution;
    this.mean = snapshot.mean;
    this.open = snapshot.open;
  }

  private async fetchResults(fetcher: typeof fetch, after: number | undefined): Promise<DialogueResults> {
    const response = await fetcher(resultsUrl(this.questionId, after), { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET results answered ${response.status}`);
    return (await response.json()) as DialogueResults;
  }

  private async reload(fetcher: typeof fetch): Promise<void> {
    const all: DialogueResultAnswer[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await this.fetchResults(fetcher, after);
      all.push(...page.answers);
      if (!page.hasMore || page.cursor === null) break;
      after = page.cursor;
    }
    const { answers, added } = reloadedAnswers(all, this.answers, this.moderator);
    this.answers = answers;
    this.cursor = newestId(all, this.cursor);
    if (added > 0) this.announce(newAnswersText(added));
  }

  private announce(text: string): void {
    clearTimeout(this.announceTimer);
    this.announcement = '';
    this.announceTimer = setTimeout(() => {
      this.announcement = text;
    }, ANNOUNCE_DELAY_MS);
  }
}

/**
 * Runs `task` every `interval` ms while the tab is visible: paused when it is hidden, at once when it is shown
 * again; one run at a time, and slower after failures. Returns the function that stops it.
 */
export function pollWhileVisible(task: () => Promise<void>, interval = POLL_INTERVAL_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running = false;
  let failures = 0;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    if (!stopped && document.visibilityState === 'visible') timer = setTimeout(() => void run(), delay);
  };
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await task();
      failures = 0;
    } catch {
      // A missed poll (network, a restart) is tried again later; the page keeps what it shows.
      failures += 1;
    } finally {
      running = false;
    }
    schedule(interval * Math.min(2 ** failures, BACKOFF_MAX));
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') schedule(0);
    else clearTimeout(timer);
  };

  document.addEventListener('visibilitychange', onVisibilityChange);
  schedule(interval);
  return () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
