import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { entryShape } from './realExhibitChecks.js';

/**
 * SPEC §2.1: a document it reads only in part says so. Neuberger Berman files its Class C Schedule
 * A as two tables over the same funds — "Distribution Fee" first, then "Service Fee" — each rate
 * with its "%" in its own cell ("|0.75%"). Cut by the corpus inside the second table, on a rate
 * without its "%" ("|0.25"), it was read as whole (no cut said), its last funds given no service
 * fee at all. Invented fixture in the rendered-HTML style of that schedule (real-exhibits-13/06).
 */
const fund = (n: string) => `Quarry Point ${n} Fund`;
const table = (heading: string, rate: string, funds: readonly string[]) =>
  [
    `|Series`,
    `|${heading} (as a Percentage of`,
    `Average Daily Net Assets of Class C)`,
    ...funds.flatMap((f) => [`|${f}`, `|${rate}%`]),
  ].join('\n');
const FUNDS = ['Alder', 'Birch', 'Cedar', 'Dogwood'].map(fund);

const whole = `QUARRY POINT EQUITY FUNDS
CLASS C
PLAN PURSUANT TO RULE 12b-1
SCHEDULE A
Class C of the following series of Quarry Point Equity Funds are subject to this Plan Pursuant to 12b-1, at the fee rates specified:
${table('Distribution Fee', '0.75', FUNDS)}
${table('Service Fee', '0.25', FUNDS)}
Dated: March 22, 2010
`;

// cut in the second table after Birch's service fee, on Cedar's rate without its "%"
const cut = `${whole.slice(0, whole.lastIndexOf(`|${fund('Cedar')}\n|0.25%`))}|${fund('Cedar')}\n|0.25`;

const row = (portfolio: string, service: string) => ({
  registrant: 'Quarry Point Equity Funds',
  portfolio,
  class: 'C',
  rates: ['0.75', service],
});

describe('a schedule of a distribution-fee table and a service-fee table', () => {
  it('whole, is read as one entry per fund with both rates', () => {
    const doc = parseExhibit(whole, 'whole.htm');
    expect(doc.completeness).toEqual({ complete: true, gaps: [] });
    // 0.75% distribution fee and 0.25% service fee for each of the four funds
    expect(doc.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual(FUNDS.map((f) => row(f, '0.25')));
  });

  it('cut inside the second table on a rate without its "%", is read only in part, saying so at its last line', () => {
    const doc = parseExhibit(cut, 'cut.htm');
    const lines = cut.split('\n').length;
    expect(doc.completeness.complete).toBe(false);
    const gaps = doc.completeness.gaps.filter((g) => g.fact === 'text');
    expect(gaps.map((g) => g.line)).toEqual([lines]);
    expect(gaps[0]!.reason).toMatch(/after 3 whole entries of its two tables, on a rate \("0\.25"\)/);
    // Alder and Birch whole (0.75 / 0.25); Cedar's "0.25" read as its digits stand (as a rate cut
    // before its "%" cell is, exhibit-cut-on-a-rate-without-its-percent-cell); Dogwood, which the
    // second table never reached, has lost its service fee with the cut: not read
    expect(doc.schedules.flatMap((s) => s.entries.map(entryShape))).toEqual([
      row(fund('Alder'), '0.25'),
      row(fund('Birch'), '0.25'),
      row(fund('Cedar'), '0.25'),
    ]);
  });
});
