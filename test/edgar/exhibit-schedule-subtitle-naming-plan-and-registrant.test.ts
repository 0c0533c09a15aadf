import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A fee schedule filed on its own under a one-line subtitle naming its plan and Registrant ("TO THE
// DISTRIBUTION PLAN OF LINDENWOOD TRUST"): the Registrant is the one named after "OF" — the whole
// line is no group heading — and a class in the plan's name ("TO THE CLASS C DISTRIBUTION PLAN OF
// …") is the schedule's class.
const schedule = (subtitle: string) => `<PAGE>
                                   SCHEDULE A
${subtitle}

Name of Fund                                        Annual Rate
------------                                        -----------
Lindenwood Equity Fund                                0.75%
Lindenwood Bond Fund                                  0.50%

Effective: August 1, 2003
`;

const rows = (text: string) =>
  parseExhibit(text, 'subtitle.txt').schedules.flatMap((s) =>
    s.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class} | ${e.aggregateFeePct}`),
  );

describe('"TO THE … PLAN OF <REGISTRANT>" under the schedule heading', () => {
  it('names the Registrant, not a group heading', () => {
    expect(
      rows(
        schedule(
          '                   TO THE DISTRIBUTION PLAN OF LINDENWOOD TRUST\n                                (CLASS C SHARES)',
        ),
      ),
    ).toEqual([
      'LINDENWOOD TRUST | Lindenwood Equity Fund | C | 0.75',
      'LINDENWOOD TRUST | Lindenwood Bond Fund | C | 0.50',
    ]);
  });

  it('and the class the plan is of', () => {
    const doc = parseExhibit(
      schedule('                 TO THE CLASS C DISTRIBUTION PLAN OF LINDENWOOD TRUST'),
      's.txt',
    );
    expect(doc.completeness).toEqual({ complete: true, gaps: [] });
    expect(rows(schedule('                 TO THE CLASS C DISTRIBUTION PLAN OF LINDENWOOD TRUST'))).toEqual([
      'LINDENWOOD TRUST | Lindenwood Equity Fund | C | 0.75',
      'LINDENWOOD TRUST | Lindenwood Bond Fund | C | 0.50',
    ]);
  });
});
