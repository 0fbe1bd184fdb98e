import { describe, expect, it } from 'vitest';
import type { Revision } from '@infraforum/shared';
import { compareRevisions, revisionViews, textDiff } from './revision-diff';

const revision = (version: number, changes: Partial<Revision> = {}): Revision => ({
  version,
  title: 'Context Handler er nede',
  body: 'Tjek driftsstatus.',
  tags: ['hotline'],
  attributes: {},
  editor: null,
  editedAt: '2025-03-01T10:00:00.000Z',
  reason: null,
  current: false,
  ...changes,
});

describe('textDiff', () => {
  it('joins neighbouring changed words into one deletion and one insertion', () => {
    expect(textDiff('Sæt teksten på intranettet.', 'Ring til den lokale it-drift.')).toEqual([
      { text: 'Sæt teksten på intranettet', change: 'removed' },
      { text: 'Ring til den lokale it-drift', change: 'added' },
      { text: '.', change: 'same' },
    ]);
  });

  it('keeps unchanged words between changes as they are', () => {
    expect(textDiff('Ring til hotline nu', 'Skriv til hotline i dag')).toEqual([
      { text: 'Ring', change: 'removed' },
      { text: 'Skriv', change: 'added' },
      { text: ' til hotline ', change: 'same' },
      { text: 'nu', change: 'removed' },
      { text: 'i dag', change: 'added' },
    ]);
  });
});

describe('compareRevisions', () => {
  it('lists only the fields that changed, with severities in Danish', () => {
    const older = revision(1, { attributes: { severity: 'kritisk', affectedSystems: ['BBR'] } });
    const newer = revision(2, {
      title: 'Context Handler er nede igen',
      attributes: { severity: 'medium', affectedSystems: ['BBR', 'DAR'] },
    });
    const changes = compareRevisions(older, newer);
    expect(changes.map((change) => change.label)).toEqual(['Titel', 'Hvis nede', 'Berørte it-systemer']);
    expect(changes[1]?.parts).toEqual([
      { text: 'Kritisk', change: 'removed' },
      { text: 'Medium', change: 'added' },
    ]);
    expect(changes[2]?.parts).toEqual([
      { text: 'BBR', change: 'same' },
      { text: ', ', change: 'same' },
      { text: 'DAR', change: 'added' },
    ]);
  });

  it('compares nested intranet texts one by one', () => {
    const older = revision(1, { attributes: { intranetNotice: { outage: 'Nede.', maintenance: 'Vedligehold.' } } });
    const newer = revision(2, { attributes: { intranetNotice: { outage: 'Nede nu.', maintenance: 'Vedligehold.' } } });
    expect(compareRevisions(older, newer).map((change) => change.label)).toEqual(['Tekst til intranettet ved nedbrud']);
  });
});

describe('revisionViews', () => {
  it('compares each version with the one before it and marks the first', () => {
    const views = revisionViews([revision(2, { body: 'Tjek status.', current: true }), revision(1)]);
    expect(views.map((view) => [view.version, view.first, view.changes.map((change) => change.label)])).toEqual([
      [2, false, ['Tekst']],
      [1, true, []],
    ]);
  });
});
