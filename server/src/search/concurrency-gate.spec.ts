import { describe, expect, it } from 'vitest';
import { ConcurrencyGate } from './concurrency-gate.js';

const later = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('ConcurrencyGate', () => {
  it('runs at most `active` at once, queues up to `queued`, and refuses the rest', async () => {
    const gate = new ConcurrencyGate(2, 1);
    const blockers = [later(), later(), later()];
    let peak = 0;
    let running = 0;
    const task = (blocker: { promise: Promise<void> }) => async () => {
      running++;
      peak = Math.max(peak, running);
      await blocker.promise;
      running--;
      return 'done';
    };
    const refuse = () => new Error('busy');
    const runs = blockers.map((blocker) => gate.run(task(blocker), refuse));
    await expect(gate.run(async () => 'x', refuse)).rejects.toThrow('busy');
    blockers.forEach((blocker) => blocker.resolve());
    expect(await Promise.all(runs)).toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
  });
});
