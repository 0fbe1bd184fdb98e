import type { FlagResolution, QueueFlag } from '@infraforum/shared';

/** One moderator's decision: it resolved every flag open on the item at that moment, so those flags share it. */
export interface Decision {
  resolution: FlagResolution;
  reason: string | null;
  resolvedBy: QueueFlag['resolvedBy'];
  resolvedAt: string;
  flagCount: number;
}

/** The decisions behind resolved flags, newest first; open flags are left out. */
export function decisionsOf(flags: readonly QueueFlag[]): Decision[] {
  const decisions = new Map<string, Decision>();
  for (const flag of flags) {
    if (flag.resolution === null || flag.resolvedAt === null) continue;
    const key = JSON.stringify([flag.resolvedAt, flag.resolution, flag.resolutionReason, flag.resolvedBy?.name ?? null]);
    const known = decisions.get(key);
    if (known) known.flagCount += 1;
    else
      decisions.set(key, {
        resolution: flag.resolution,
        reason: flag.resolutionReason,
        resolvedBy: flag.resolvedBy,
        resolvedAt: flag.resolvedAt,
        flagCount: 1,
      });
  }
  return [...decisions.values()].sort((a, b) => Date.parse(b.resolvedAt) - Date.parse(a.resolvedAt));
}
