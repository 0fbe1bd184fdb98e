/**
 * At most `active` tasks at once and `queued` waiting; beyond that `run` refuses at once. Keeps the
 * PostgreSQL fallback (far costlier per query than Meilisearch) from taking the database down under load.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly active: number,
    private readonly queued: number,
  ) {}

  async run<T>(task: () => Promise<T>, refuse: () => Error): Promise<T> {
    if (this.running >= this.active) {
      if (this.waiting.length >= this.queued) throw refuse();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
