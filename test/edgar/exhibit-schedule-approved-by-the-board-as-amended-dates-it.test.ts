import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1 dates; FORMATS: a schedule filed on its own takes effect on the latest date its date
 * lines state ("as amended on …"). Wells Fargo Variable Trust's Appendix A (sec.gov …/1081402/
 * 000119312504074276/dex99bm.txt, the whole exhibit, rows shortened) is dated "Approved by the
 * Board of Trustees: March 26, 1999, as amended February 4, 2003." — the line was not read as a
 * date line, and the appendix had no date (import asked for --effective-date). It takes effect
 * 2003-02-04, the amendment's date; "Most recent annual approval date: August 5, 2003" is the
 * plan's continuance (Plan §7), no date of the schedule.
 */
const TEXT = `<PAGE>

                                                                      EX-99.B(m)

                                   APPENDIX A
                                   ----------

                ---------------------------------------------------
                                                           Maximum
                Variable Trust Funds                      12b-1 Fee
                ---------------------------------------------------
                Asset Allocation Fund                          0.25
                ---------------------------------------------------
                Total Return Bond Fund                         0.25
                ---------------------------------------------------

Approved by the Board of Trustees: March 26, 1999, as amended February 4, 2003.

Most recent annual approval date: August 5, 2003.

dc-373447
`;

describe('"Approved by the Board of Trustees: …, as amended …" under a schedule', () => {
  it('dates the schedule by its latest amendment', () => {
    const d = parseExhibit(TEXT, 'dex99bm.txt');
    expect([d.kind, d.effectiveDate, d.instrument.datedAsOf]).toEqual([
      'schedule',
      '2003-02-04',
      '1999-03-26',
    ]);
    expect(d.schedules.flatMap((s) => s.entries.map((e) => `${e.portfolio} ${e.aggregateFeePct}`))).toEqual([
      'Asset Allocation Fund 0.25',
      'Total Return Bond Fund 0.25',
    ]);
  });
});
