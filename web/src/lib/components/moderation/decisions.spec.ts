import type { QueueFlag } from '@infraforum/shared';
import { describe, expect, it } from 'vitest';
import { decisionsOf } from './decisions';

const moderator = { name: 'Mette Moderator', organization: { code: 'KOMBIT', name: 'KOMBIT' } };

function flag(id: number, decided: Partial<QueueFlag> = {}): QueueFlag {
  return {
    id,
    reason: 'abusive',
    text: null,
    flaggedBy: { name: `Anmelder ${id}`, organization: { code: '0159', name: 'Gladsaxe' } },
    createdAt: '2025-03-01T10:00:00.000Z',
    resolution: null,
    resolutionReason: null,
    resolvedBy: null,
    resolvedAt: null,
    ...decided,
  };
}

describe('decisionsOf', () => {
  it('counts the flags one decision resolved together as one decision', () => {
    const hide = {
      resolution: 'hide' as const,
      resolutionReason: 'Personangreb',
      resolvedBy: moderator,
      resolvedAt: '2025-03-02T09:00:00.000Z',
    };
    expect(decisionsOf([flag(1, hide), flag(2, hide), flag(3, hide)])).toEqual([
      { resolution: 'hide', reason: 'Personangreb', resolvedBy: moderator, resolvedAt: '2025-03-02T09:00:00.000Z', flagCount: 3 },
    ]);
  });

  it('lists separate decisions newest first and leaves open flags out', () => {
    const decisions = decisionsOf([
      flag(1, { resolution: 'dismiss', resolvedBy: moderator, resolvedAt: '2025-03-02T09:00:00.000Z' }),
      flag(2),
      flag(3, {
        resolution: 'lock',
        resolutionReason: 'Tråden er løbet løbsk',
        resolvedBy: moderator,
        resolvedAt: '2025-03-05T09:00:00.000Z',
      }),
    ]);
    expect(decisions.map((decision) => decision.resolution)).toEqual(['lock', 'dismiss']);
  });
});
