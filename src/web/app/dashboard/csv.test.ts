import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { fileNameFor } from './file-name';

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(
      toCsv(
        ['region', 'revenue'],
        [
          ['North', 1000],
          ['South', 2.5],
        ],
      ),
    ).toBe('region,revenue\r\nNorth,1000\r\nSouth,2.5\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv(['a', 'b', 'c'], [['x, y', 'say "hi"', 'two\nlines']])).toBe(
      'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n',
    );
    expect(toCsv(['a'], [['cr\rhere']])).toBe('a\r\n"cr\rhere"\r\n');
  });

  it('quotes the header too', () => {
    expect(toCsv(['revenue, EUR', 'n'], [])).toBe('"revenue, EUR",n\r\n');
  });

  it('writes null and missing values as empty fields', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined]])).toBe('a,b,c\r\n,,\r\n');
  });

  it('keeps ISO dates and timestamps as the API sends them; Date objects become ISO', () => {
    expect(
      toCsv(['day', 'at', 'obj'], [['2026-01-31', '2026-01-31T10:20:30Z', new Date(Date.UTC(2026, 0, 2, 3, 4, 5))]]),
    ).toBe('day,at,obj\r\n2026-01-31,2026-01-31T10:20:30Z,2026-01-02T03:04:05.000Z\r\n');
  });

  it('writes booleans, negative numbers and nested values plainly', () => {
    expect(toCsv(['ok', 'n', 'list'], [[true, -5, [1, 'a']]])).toBe('ok,n,list\r\ntrue,-5,"[1,""a""]"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers written as text', () => {
    expect(toCsv(['v'], [['=SUM(A1)'], ['@cmd'], ['+1 555'], ['-5'], ['-1.5e3']])).toBe(
      "v\r\n'=SUM(A1)\r\n'@cmd\r\n'+1 555\r\n-5\r\n-1.5e3\r\n",
    );
  });
});

describe('fileNameFor', () => {
  it('keeps a readable title and adds the extension', () => {
    expect(fileNameFor('Revenue by region', 'png')).toBe('Revenue by region.png');
  });

  it('replaces characters file systems refuse', () => {
    expect(fileNameFor('Sales: 2026/Q1 <EU> "net"?', 'csv')).toBe('Sales 2026 Q1 EU net.csv');
  });

  it('falls back to "chart" when nothing usable is left', () => {
    expect(fileNameFor(' /// ', 'svg')).toBe('chart.svg');
    expect(fileNameFor('...', 'svg')).toBe('chart.svg');
  });
});
