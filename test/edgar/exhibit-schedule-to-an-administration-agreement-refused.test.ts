import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1: only 12b-1 plans and distribution agreements are read. Pacific Funds files a Schedule
 * A "(to Amended and Restated Administration and Shareholder Services Agreement dated March 25,
 * 2015)" with a fee per fund and class list (sec.gov …/1137761/000110465918033405/
 * a18-13230_1ex99dbh2x.htm; its first rows, as the corpus renders it). Its fees are an
 * administration agreement's, never 12b-1 fees: refused at the line that names the agreement,
 * whether the rendering wraps that line or not — it was refused only by chance before (at the
 * wrapped "dated …" line, or at a fund's missing rate).
 */
const PACIFIC_ADMIN = `Schedule A
(to Amended and Restated Administration and Shareholder Services Agreement
dated March 25, 2015)
|
Fund Name
|
|
Share Class(es)
|
|
Fee
|
|
Pacific FundsSM Portfolio Optimization Conservative
|
|
A, B, C, R, Advisor
|
|
0.15
|
%
|
PF Comstock Fund
|
|
P
|
|
0.15
|
%
`;

describe('a schedule to an administration agreement', () => {
  for (const [about, text] of [
    ['as rendered', PACIFIC_ADMIN],
    ['its subtitle on one line', PACIFIC_ADMIN.replace('Agreement\ndated', 'Agreement dated')],
  ] as const)
    it(`is refused at the line naming the agreement (${about})`, () => {
      let error: unknown;
      try {
        parseExhibit(text, 'pacific-admin-schedule-a.txt');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ExhibitParseError);
      expect(error).toMatchObject({ file: 'pacific-admin-schedule-a.txt', line: 2 });
      expect((error as ExhibitParseError).reason).toMatch(
        /names another agreement, whose fees are no Rule 12b-1 fees/,
      );
    });
});
