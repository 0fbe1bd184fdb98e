import { describe, expect, it } from 'vitest';
import { copenhagenTimestamp, csvCell, toCsv } from './csv.js';

describe('a CSV cell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+45 12 34 56 78', "'+45 12 34 56 78"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', `'\tTAB`],
  ])('puts an apostrophe before %j, which Excel would run as a formula', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes a cell with a semicolon, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a;b "c"\nd')).toBe('"a;b ""c""\nd"');
  });

  it('quotes a defused formula that also needs quoting', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves numbers and ordinary text alone, and null empty', () => {
    expect([csvCell(-1), csvCell('Overblik'), csvCell(null)]).toEqual(['-1', 'Overblik', '']);
  });
});

describe('a CSV timestamp', () => {
  it('is on a Copenhagen clock in winter and in summer', () => {
    expect(copenhagenTimestamp(new Date('2023-11-02T09:15:03Z'))).toBe('2023-11-02 10:15:03');
    expect(copenhagenTimestamp(new Date('2024-06-20T08:00:00Z'))).toBe('2024-06-20 10:00:00');
  });
});

describe('a CSV file', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    expect(toCsv(['Navn', 'Kommune'], [['Søren', 'Ærø']])).toBe('\uFEFFNavn;Kommune\r\nSøren;Ærø\r\n');
  });
});
