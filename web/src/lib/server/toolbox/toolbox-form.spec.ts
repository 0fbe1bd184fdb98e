import { describe, expect, it } from 'vitest';
import {
  checkContentItem,
  checkDecline,
  checkItemUpdate,
  checkLinkItem,
  checkPosition,
  checkProposal,
  checkSectionUpdate,
  contentIdFrom,
  numberField,
} from './toolbox-form';

describe('contentIdFrom', () => {
  it.each([
    ['123', 123],
    [' #123 ', 123],
    ['/vejledninger/123-context-handler-er-nede', 123],
    ['https://infraforum.dk/cases/7-fra-sbsys-til-nexus?x=1', 7],
    ['/spoergsmaal/42-titel/svar/3/rediger', 42],
  ])('reads %j as %j', (text, expected) => {
    expect(contentIdFrom(text)).toBe(expected);
  });

  it('leaves what is not an item of the forum as typed, and blank as missing', () => {
    expect(contentIdFrom('/kommuner/0159')).toBe('/kommuner/0159');
    expect(contentIdFrom('tolv')).toBe('tolv');
    expect(contentIdFrom('  ')).toBeUndefined();
  });
});

describe('numberField', () => {
  it('reads whole numbers, leaves other text for the schema to refuse, and blank as missing', () => {
    expect([numberField(' 3 '), numberField('2,5'), numberField('')]).toEqual([3, '2,5', undefined]);
  });
});

describe('checkContentItem', () => {
  it('sends the id, the description and the position', () => {
    expect(checkContentItem({ contentId: '/vejledninger/12-x', description: ' Godt eksempel ', position: '2' })).toEqual({
      ok: true,
      data: { contentId: 12, description: 'Godt eksempel', position: 2 },
    });
  });

  it('leaves out a blank description and position', () => {
    expect(checkContentItem({ contentId: '12', description: ' ', position: '' })).toEqual({ ok: true, data: { contentId: 12 } });
  });

  it('asks for the id and for a position as a number', () => {
    const checked = checkContentItem({ contentId: '', description: '', position: 'først' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.fields).sort()).toEqual(['contentId', 'position']);
    expect(checked.fields.contentId).toEqual(['Angiv id’et på indholdet (et tal, fx 123)']);
    expect(checked.fields.position).toEqual(['Angiv en placering som et tal']);
  });
});

describe('checkLinkItem', () => {
  it('asks for both the address and the title of a link', () => {
    expect(checkLinkItem({ url: '', title: ' ', description: '' })).toEqual({
      ok: false,
      fields: { url: ['Angiv linket'], title: ['Skriv en titel'] },
    });
  });

  it('refuses an address that is not a web address', () => {
    const checked = checkLinkItem({ url: 'ftp://kombit.dk/fil', title: 'KOMBITs side', description: '' });
    expect(checked.ok ? [] : Object.keys(checked.fields)).toEqual(['url']);
  });

  it('sends address, title and description', () => {
    expect(checkLinkItem({ url: 'https://www.kombit.dk/', title: 'KOMBIT', description: 'Forsiden' })).toEqual({
      ok: true,
      data: { url: 'https://www.kombit.dk/', title: 'KOMBIT', description: 'Forsiden' },
    });
  });
});

describe('checkItemUpdate', () => {
  it('sends an emptied description as empty, so the API removes it', () => {
    expect(checkItemUpdate({ title: 'ignored', url: 'ignored', description: '  ' }, false)).toEqual({
      ok: true,
      data: { description: '' },
    });
  });

  it('keeps the title of an external link required', () => {
    expect(checkItemUpdate({ title: '', url: 'https://www.kombit.dk/', description: '' }, true)).toEqual({
      ok: false,
      fields: { title: ['Skriv en titel'] },
    });
  });
});

describe('checkSectionUpdate', () => {
  it('sends an emptied introduction as empty and leaves a blank position out', () => {
    expect(checkSectionUpdate({ title: 'Strategisk forankring', intro: '', position: '' })).toEqual({
      ok: true,
      data: { title: 'Strategisk forankring', intro: '' },
    });
  });

  it('keeps the title required', () => {
    const checked = checkSectionUpdate({ title: '', intro: 'Tekst', position: '0' });
    expect(checked.ok ? [] : Object.keys(checked.fields).sort()).toEqual(['position', 'title']);
  });
});

describe('checkPosition', () => {
  it('accepts positions from 1', () => {
    expect([checkPosition('1').ok, checkPosition('0').ok, checkPosition('x').ok]).toEqual([true, false, false]);
  });
});

describe('checkProposal', () => {
  it('sends the content id and the note, without a blank note', () => {
    expect(checkProposal({ contentId: '5', note: ' Bruges i hele regionen ' })).toEqual({
      ok: true,
      data: { contentId: 5, note: 'Bruges i hele regionen' },
    });
    expect(checkProposal({ contentId: '5', note: '' })).toEqual({ ok: true, data: { contentId: 5 } });
  });
});

describe('checkDecline', () => {
  it('asks for a reason', () => {
    expect(checkDecline('  ')).toEqual({
      ok: false,
      fields: { reason: ['Skriv en begrundelse for at afvise forslaget. Forslagsstilleren får den at se.'] },
    });
  });

  it('refuses a reason of fewer than three characters', () => {
    const checked = checkDecline('Nej');
    expect(checked.ok).toBe(true);
    expect(checkDecline('N.').ok).toBe(false);
  });
});
