import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1, three layouts of the corpus's families the reader did not read (readings by hand):
 * MainStay's "SCHEDULE A" with its plan's class on the line under it ("FOR CLASS B SHARES"), in
 * EDGAR text and as the corpus renders .htm; Pioneer's Appendix A with its class column headed
 * "Class of Shares" (refused before); and a plain list headed by its trust in mixed case ("Reserve
 * Municipal Money-Market Trust", read as a portfolio before).
 */

const rowsOf = (d: ParsedExhibit) =>
  d.schedules.flatMap((s) =>
    s.entries.map((e) => [
      s.name,
      e.registrant,
      e.portfolio,
      e.class,
      e.assetBasedSalesChargePct,
      e.serviceFeePct,
      e.aggregateFeePct,
    ]),
  );

const MAINSTAY_TEXT = `                              THE MAINSTAY FUNDS
                 PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1

                                  SCHEDULE A
                              FOR CLASS B SHARES
                        (As amended February 28, 2014)

          Fund                                        Distribution Fee

          MainStay Common Stock Fund                        .75%
          MainStay Convertible Fund                         .75%
          MainStay Tax Free Bond Fund                       .25%
`;

const MAINSTAY_CELLS = `THE MAINSTAY FUNDS
PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1
SCHEDULE A
FOR CLASS B SHARES
(As amended February 28, 2014)
|Fund
|Distribution Fee
|MainStay Common Stock Fund
|.75%
|MainStay Tax Free Bond Fund
|.75%
THE MAINSTAY FUNDS
PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1
SCHEDULE A
FOR CLASS C SHARES
(As amended February 28, 2014)
|Fund
|Distribution Fee
|MainStay Common Stock Fund
|.75%
|MainStay Tax Free Bond Fund
|.25%
THE MAINSTAY FUNDS
PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1
SCHEDULE A
FOR INVESTOR CLASS SHARES
(As amended February 28, 2014)
MAINSTAY COMMON STOCK FUND
MAINSTAY TAX FREE BOND FUND
`;

const PIONEER_CLASS_OF_SHARES = `                                   APPENDIX A
                                DISTRIBUTION PLAN


                                                   Applicable Percentage
              Class of Shares                            Per Annum

                  Class A                                  0.25%

                  Class B                                  1.00%

                  Class C                                  1.00%

                  Class R                                  0.50%



July 2013
`;

const RESERVE_LIST = `Exhibit 99.(m)(3)
SCHEDULE A
Reserve Municipal Money-Market Trust
Arizona Municipal Money-Market Fund
Minnesota Municipal Money-Market Fund
Louisiana Municipal Money-Market Fund
Effective: September 28, 2007
`;

describe('a class line under the schedule heading, a "Class of Shares" column, a trust heading a list', () => {
  it('MainStay text: "SCHEDULE A / FOR CLASS B SHARES" gives every fund Class B, the distribution fee its ABSC', () => {
    const d = parseExhibit(MAINSTAY_TEXT, 'mainstay-b.txt');
    const r = 'THE MAINSTAY FUNDS';
    expect(rowsOf(d)).toEqual([
      ['Schedule A', r, 'MainStay Common Stock Fund', 'B', '0.75', null, null],
      ['Schedule A', r, 'MainStay Convertible Fund', 'B', '0.75', null, null],
      ['Schedule A', r, 'MainStay Tax Free Bond Fund', 'B', '0.25', null, null],
    ]);
    expect([d.kind, d.effectiveDate, d.classes, d.completeness.complete]).toEqual([
      'schedule',
      '2014-02-28',
      ['B'],
      true,
    ]);
  });

  it('MainStay cells: three Schedule A’s, each of the class under its heading, named by it', () => {
    const d = parseExhibit(MAINSTAY_CELLS, 'mainstay-b-c-investor.txt');
    const r = 'THE MAINSTAY FUNDS';
    expect(rowsOf(d)).toEqual([
      ['Schedule A (Class B)', r, 'MainStay Common Stock Fund', 'B', '0.75', null, null],
      ['Schedule A (Class B)', r, 'MainStay Tax Free Bond Fund', 'B', '0.75', null, null],
      ['Schedule A (Class C)', r, 'MainStay Common Stock Fund', 'C', '0.75', null, null],
      ['Schedule A (Class C)', r, 'MainStay Tax Free Bond Fund', 'C', '0.25', null, null],
      ['Schedule A (Investor Class)', r, 'MAINSTAY COMMON STOCK FUND', 'Investor', null, null, null],
      ['Schedule A (Investor Class)', r, 'MAINSTAY TAX FREE BOND FUND', 'Investor', null, null, null],
    ]);
    expect(d.effectiveDate).toBe('2014-02-28');
    expect(d.completeness.complete).toBe(true);
  });

  it('"FOR CLASS C SHARES OF MAINSTAY FUNDS TRUST" under the heading: the class, and the Registrant after its OF (capitals or not)', () => {
    for (const line of [
      'FOR CLASS C SHARES OF MAINSTAY FUNDS TRUST',
      'For Class C Shares of MainStay Funds Trust',
    ]) {
      const d = parseExhibit(
        `PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1\nSCHEDULE A\n${line}\n(As amended February 28, 2014)\n|Fund\n|Distribution Fee\n|MainStay Balanced Fund\n|.75%\n|MainStay Floating Rate Fund\n|.75%\n`,
        'mainstay-trust-c.txt',
      );
      const r = line.replace(/^.*? (?:of|OF) /, '');
      expect(rowsOf(d)).toEqual([
        ['Schedule A', r, 'MainStay Balanced Fund', 'C', '0.75', null, null],
        ['Schedule A', r, 'MainStay Floating Rate Fund', 'C', '0.75', null, null],
      ]);
      expect(d.completeness.complete).toBe(true);
    }
  });

  it('Pioneer: a class column headed "Class of Shares" is read as "Class of each Fund" is — one rate per class, for all funds', () => {
    const d = parseExhibit(PIONEER_CLASS_OF_SHARES, 'pioneer-appendix-a.txt');
    expect(rowsOf(d)).toEqual([
      ['Appendix A', null, '(all funds)', 'A', null, null, '0.25'],
      ['Appendix A', null, '(all funds)', 'B', null, null, '1.00'],
      ['Appendix A', null, '(all funds)', 'C', null, null, '1.00'],
      ['Appendix A', null, '(all funds)', 'R', null, null, '0.50'],
    ]);
    // "July 2013": a month, no day — read as the month (as the corpus's Pioneer Appendix A is), and
    // the day is the user's to state on import
    expect(d.effectiveDate).toBe('2013-07');
    expect(d.completeness.gaps.map((g) => g.fact)).toEqual(['effective-date']);
  });

  it('Reserve: "Reserve Municipal Money-Market Trust" heads the list — the funds’ Registrant, no portfolio', () => {
    const d = parseExhibit(RESERVE_LIST, 'reserve-schedule-a.txt');
    const r = 'Reserve Municipal Money-Market Trust';
    expect(rowsOf(d)).toEqual([
      ['Schedule A', r, 'Arizona Municipal Money-Market Fund', null, null, null, null],
      ['Schedule A', r, 'Minnesota Municipal Money-Market Fund', null, null, null, null],
      ['Schedule A', r, 'Louisiana Municipal Money-Market Fund', null, null, null, null],
    ]);
    expect(d.effectiveDate).toBe('2007-09-28');
    // the list names no class: the user states it on import
    expect(d.completeness.gaps.map((g) => g.fact)).toEqual(['class']);
  });

  it('Reserve in EDGAR text: the trust over its funds under one "Distribution Fee" heading is their Registrant (refused before: a current and former name?)', () => {
    const d = parseExhibit(
      `                                   SCHEDULE A

                                              Distribution Fee
      Reserve Municipal Money-Market Trust
         Arizona Municipal Money-Market Fund          0.25%
         Minnesota Municipal Money-Market Fund        0.25%

Effective: September 28, 2007
`,
      'reserve-rates.txt',
    );
    const r = 'Reserve Municipal Money-Market Trust';
    expect(rowsOf(d)).toEqual([
      ['Schedule A', r, 'Arizona Municipal Money-Market Fund', null, '0.25', null, null],
      ['Schedule A', r, 'Minnesota Municipal Money-Market Fund', null, '0.25', null, null],
    ]);
    expect(d.renames).toEqual([]);
    expect(d.effectiveDate).toBe('2007-09-28');
  });

  it('a trust heading nothing at the end of a list is refused at its line, never guessed a portfolio or dropped', () => {
    const doc = RESERVE_LIST.replace(
      'Reserve Municipal Money-Market Trust\nArizona Municipal Money-Market Fund\n',
      'Arizona Municipal Money-Market Fund\n',
    ).replace(
      'Louisiana Municipal Money-Market Fund\n',
      'Louisiana Municipal Money-Market Fund\nReserve Municipal Money-Market Trust\n',
    );
    let error: unknown;
    try {
      parseExhibit(doc, 'reserve-trailing-trust.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExhibitParseError);
    expect(error).toMatchObject({ line: 6 });
    expect((error as Error).message).toMatch(/Reserve Municipal Money-Market Trust" heads no portfolio/);
  });
});
