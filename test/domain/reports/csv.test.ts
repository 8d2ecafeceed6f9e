import { csvCell, tableCsv } from '../../../src/domain/reports/csv';

describe('report CSV', () => {
  it('quotes as RFC 4180 says and ends lines with CRLF', () => {
    expect(
      tableCsv({
        columns: ['Title', 'n'],
        rows: [
          ['Says "hi", twice\nreally', 2],
          [null, 0],
        ],
      }),
    ).toBe('Title,n\r\n"Says ""hi"", twice\nreally",2\r\n,0\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['plain', 'plain'],
  ])('neutralises %j against formula injection', (cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });

  it('writes numbers as numbers, negative ones too', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
