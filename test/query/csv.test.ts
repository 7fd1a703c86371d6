import { describe, expect, it } from 'vitest';
import { csvCell, toCsvRow } from '../../src/query/csv.js';

describe('CSV cells', () => {
  it('quotes per RFC 4180', () => {
    expect(toCsvRow(['a', 'b,c', 'say "hi"', 'two\nlines'])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n');
  });
  it('neutralizes formulas but keeps numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+84 24')).toBe("'+84 24");
    expect(csvCell('-sum')).toBe("'-sum");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-2.3)).toBe('-2.3');
    expect(csvCell(150000000000000)).toBe('150000000000000');
  });
  it('writes empty cells for null', () => {
    expect(toCsvRow([null, undefined, 0])).toBe(',,0\r\n');
  });
});
