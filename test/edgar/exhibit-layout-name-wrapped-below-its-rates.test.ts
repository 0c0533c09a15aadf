import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A text fee schedule whose long fund name wraps onto an indented line below the line that holds
// its rate ("Alderwood International Small Company   0.75%" / "  Growth Fund"): one fund, one entry.
// A line as far left as the names is the next fund, not the tail of the one above.
const TEXT = `<PAGE>
                                   SCHEDULE A
                                (CLASS C SHARES)

Name of Fund                                        Annual Rate
------------                                        -----------
Alderwood International Small Company                 0.75%
  Growth Fund
Alderwood Equity Fund                                 0.75%

Effective: August 1, 2003
`;

const rows = (text: string) =>
  parseExhibit(text, 'wrapped.txt').schedules.flatMap((s) =>
    s.entries.map((e) => `${e.portfolio} | ${e.class} | ${e.aggregateFeePct}`),
  );

describe('a fund name wrapped below the line of its rate', () => {
  it('is one name, with the rate of its first line', () => {
    expect(rows(TEXT)).toEqual([
      'Alderwood International Small Company Growth Fund | C | 0.75',
      'Alderwood Equity Fund | C | 0.75',
    ]);
  });

  it('a line not indented past the names is still refused as a name without rates', () => {
    expect(() => rows(TEXT.replace('  Growth Fund', 'Growth Fund'))).toThrow(/"Growth Fund" has no rates/);
  });
});
