import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { corpusAsHtml } from './edgarHtml.js';

/**
 * SPEC §2.1: a schedule heading as filed. Calvert's 2019 exhibit (m)(1)(b) (sec.gov …/884110/
 * 000094039419001297/exhibitm1b_ex-99zm1b.htm) is headed "AMENDED SCHEDULE A to MASTER
 * DISTRIBUTION PLAN FOR CLASS A SHARES1": "AMENDED" before the keyword, "to" in lower case, the
 * footnote's number glued to the last word. No schedule was found ("no SCHEDULE, APPENDIX or
 * EXHIBIT A heading"). An invented document of that shape (Elmstead), its fee cells and a
 * "0.25%2" footnote mark as Calvert prints them; the single "Distribution Service Fee" column is
 * one fee for both (the aggregate fee).
 */
const DOC = `EXHIBIT (m)(1)(b)
AMENDED SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS A SHARES1
Dated: October 1, 2019
|Fund
|Distribution Service Fee
|Elmstead Floating-Rate Fund
|0.25%
|Elmstead Income Fund
|0.25%2
`;

describe('"AMENDED SCHEDULE A to … SHARES1"', () => {
  it('is the heading of Schedule A', () => {
    const d = parseExhibit(corpusAsHtml(DOC), 'calvert-like.htm');
    expect(d.effectiveDate).toBe('2019-10-01');
    expect(
      d.schedules.map((s) => [
        s.name,
        s.entries.map((e) => [e.portfolio, e.assetBasedSalesChargePct, e.serviceFeePct, e.aggregateFeePct]),
      ]),
    ).toEqual([
      [
        'Schedule A',
        [
          ['Elmstead Floating-Rate Fund', null, null, '0.25'],
          ['Elmstead Income Fund', null, null, '0.25'],
        ],
      ],
    ]);
  });

  it('a prose line "Schedule A to the Plan is hereby amended" stays no heading', () => {
    const prose = DOC.replace(
      'AMENDED SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS A SHARES1',
      'MASTER DISTRIBUTION PLAN\nSCHEDULE A to the Plan is hereby amended as follows:',
    );
    expect(() => parseExhibit(corpusAsHtml(prose), 'prose.htm')).toThrow(/prose\.htm:\d+/);
  });
});
