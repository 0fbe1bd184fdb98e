import { describe, expect, it } from 'vitest';
import {
  checkWebinarCreate,
  emptyWebinarForm,
  parseContentReference,
  readWebinarForm,
  webinarFieldErrors,
  withBlankRows,
} from './webinar-form';

function formData(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const programmeRow = (index: number, start: string, end: string, title: string) => ({
  [`programme.${index}.start`]: start,
  [`programme.${index}.end`]: end,
  [`programme.${index}.title`]: title,
  [`programme.${index}.speaker`]: '',
  [`programme.${index}.speakerOrganization`]: '',
  [`programme.${index}.content`]: '',
});

describe('readWebinarForm', () => {
  it('keeps the filled programme rows in time order and counts the blank ones', () => {
    const values = readWebinarForm(
      formData({
        ...programmeRow(0, '10:15', '11:00', 'Erfaringer'),
        ...programmeRow(1, '', '', ''),
        ...programmeRow(2, '9.30', '10:15', 'Velkomst'),
        hosts: ['0159', '0561'],
      }),
    );
    expect(values.programme.map((row) => row.title)).toEqual(['Velkomst', 'Erfaringer']);
    expect([values.emptyRows, values.hosts]).toEqual([1, ['0159', '0561']]);
  });

  it('leaves rows as typed when a start time cannot be read', () => {
    const values = readWebinarForm(
      formData({ ...programmeRow(0, '11:00', '12:00', 'Senere'), ...programmeRow(1, 'ti', '10:15', 'Først') }),
    );
    expect(values.programme.map((row) => row.title)).toEqual(['Senere', 'Først']);
  });
});

describe('withBlankRows', () => {
  it('adds three more blank rows, never beyond the programme’s limit', () => {
    expect(withBlankRows(emptyWebinarForm({ emptyRows: 2 }), 3).emptyRows).toBe(5);
    expect(withBlankRows(emptyWebinarForm({ emptyRows: 39 }), 3).emptyRows).toBe(40);
    expect(withBlankRows(emptyWebinarForm({ emptyRows: 0 })).emptyRows).toBe(3);
  });
});

describe('parseContentReference', () => {
  it.each([
    ['12', 12],
    ['#12', 12],
    ['/vejledninger/12-context-handler', 12],
    ['https://infraforum.dk/cases/7-skift', 7],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseContentReference(text)).toBe(expected);
  });

  it('refuses what names no item', () => {
    expect(parseContentReference('tolv')).toBeUndefined();
  });
});

describe('checkWebinarCreate', () => {
  const base = emptyWebinarForm({
    title: 'Infrastruktur i praksis: Beskedfordeleren',
    body: 'Om Beskedfordeleren.',
    startTime: '10:00',
    endTime: '12:00',
  });

  it('turns the Copenhagen wall clock into instants with the offset of that day', () => {
    const winter = checkWebinarCreate({ ...base, date: '2027-01-14' }, 'published');
    const summer = checkWebinarCreate({ ...base, date: '2027-06-03' }, 'published');
    const startOf = (checked: typeof winter) =>
      checked.ok && checked.data.kind === 'webinar' ? checked.data.attributes.startsAt : undefined;
    expect([startOf(winter), startOf(summer)]).toEqual(['2027-01-14T10:00:00+01:00', '2027-06-03T10:00:00+02:00']);
  });

  it('asks for the date once, without also blaming the times that were given', () => {
    const checked = checkWebinarCreate(base, 'published');
    expect(checked.ok ? {} : webinarFieldErrors(checked.fields)).toEqual({ date: ['Angiv datoen for webinaret'] });
  });

  it('puts an end before the start on the end time', () => {
    const checked = checkWebinarCreate({ ...base, date: '2027-01-14', endTime: '09:00' }, 'published');
    expect(checked.ok ? {} : webinarFieldErrors(checked.fields)).toEqual({ endTime: ['Webinaret skal slutte efter det begynder'] });
  });

  it('refuses a day that does not exist', () => {
    const checked = checkWebinarCreate({ ...base, date: '2027-02-30' }, 'published');
    expect(checked.ok ? {} : webinarFieldErrors(checked.fields).date).toEqual(['Angiv datoen som åååå-mm-dd, fx 2027-01-14']);
  });
});

describe('webinarFieldErrors', () => {
  it('moves the API’s nested keys onto the form’s fields', () => {
    expect(
      webinarFieldErrors({
        'attributes.programme.2.end': ['Punktet skal slutte efter det begynder'],
        'attributes.programme.1.contentId': ['Findes ikke'],
        'attributes.hosts.0': ['Ukendt kommune'],
        'attributes.startsAt': ['Angiv hvornår webinaret begynder'],
        'programme.0.content': ['Skriv nummeret'],
      }),
    ).toEqual({
      'programme.2.end': ['Punktet skal slutte efter det begynder'],
      'programme.1.content': ['Findes ikke'],
      hosts: ['Ukendt kommune'],
      startTime: ['Angiv hvornår webinaret begynder'],
      'programme.0.content': ['Skriv nummeret'],
    });
  });
});
