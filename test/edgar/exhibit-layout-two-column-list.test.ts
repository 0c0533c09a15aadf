import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

describe('a plain list printed in two columns side by side (AIM Advisor Funds Amendment No. 4)', () => {
  it('reads the left column, then the right, each class heading over its own list — the closing quote mid-way', () => {
    const body = `CLASS A SHARES                               CLASS R SHARES
AIM International Core Equity Fund           AIM International Core Equity Fund
AIM Real Estate Fund
CLASS C SHARES                               INVESTOR CLASS SHARES
AIM International Core Equity Fund           AIM Real Estate Fund"
AIM Real Estate Fund`;
    const doc = parseExhibit(amendmentWith(body, { heading: '"APPENDIX A' }), 'two-columns.txt');
    expect(doc.schedules[0]!.entries.map((e) => `${e.class} ${e.portfolio}`)).toEqual([
      'A AIM International Core Equity Fund',
      'A AIM Real Estate Fund',
      'C AIM International Core Equity Fund',
      'C AIM Real Estate Fund',
      'R AIM International Core Equity Fund',
      'Investor AIM Real Estate Fund',
    ]);
    expect(doc.completeness.complete).toBe(true);
  });

  it('a line whose text crosses the column boundary is not read as two columns (it is refused)', () => {
    const body = `CLASS A SHARES                               CLASS R SHARES
AIM International Core Equity Fund           AIM International Core Equity Fund
AIM Real Estate Fund and a name that runs on past the column boundary here
CLASS C SHARES                               INVESTOR CLASS SHARES
AIM International Core Equity Fund           AIM Real Estate Fund"`;
    expect(() => parseExhibit(amendmentWith(body, { heading: '"APPENDIX A' }), 'crossing.txt')).toThrow(
      /two columns side by side/,
    );
  });
});
