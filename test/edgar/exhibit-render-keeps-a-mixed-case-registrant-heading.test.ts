import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

// SPEC §2.1: names keep the document's spelling and case, and parse(render(x)) = x. A schedule
// read from an .htm filing names its Registrants in mixed case ("Invesco Equity Funds"); render
// printed them in capitals, so the document read back named "INVESCO EQUITY FUNDS".
const RATE_BODY = `      AIM EQUITY FUNDS
      ----------------

                                             Minimum Asset   Maximum    Maximum
                                              Based Sales    Service   Aggregate
                                                 Charge        Fee        Fee
                                             -------------   -------   ---------
Portfolio - Class B Shares
AIM Charter Fund                                 0.75%        0.25%      1.00%

      AIM GROWTH SERIES
      -----------------

      PORTFOLIOS

      AIM Basic Value Fund
      AIM Mid Cap Equity Fund"`;

const MIXED: Record<string, string> = {
  'AIM EQUITY FUNDS': 'Invesco Equity Funds',
  'AIM GROWTH SERIES': 'AIM Growth Series',
};

describe('exhibit render keeps a mixed-case Registrant heading as spelled', () => {
  it('parse(render(x)) keeps "Invesco Equity Funds" and "AIM Growth Series" over their rows', () => {
    const read = parseExhibit(amendmentWith(RATE_BODY), 'caps.txt');
    const doc = {
      ...read,
      schedules: read.schedules.map((s) => ({
        ...s,
        entries: s.entries.map((e) => ({ ...e, registrant: MIXED[e.registrant ?? ''] ?? e.registrant })),
      })),
    };
    const back = parseExhibit(renderExhibit(doc), 'rendered.txt');
    expect(rows(back)).toEqual([
      'Invesco Equity Funds | AIM Charter Fund | B | 0.75 minimum | 0.25 | 1.00',
      'AIM Growth Series | AIM Basic Value Fund | B | null null | null | null',
      'AIM Growth Series | AIM Mid Cap Equity Fund | B | null null | null | null',
    ]);
    expect(back.schedules).toEqual(doc.schedules);
  });

  it('a filing’s underlined mixed-case Registrant heading is the Registrant of its list, no portfolio', () => {
    const body = `      Invesco Equity Funds
      --------------------

      PORTFOLIOS

      Invesco Charter Fund
      Invesco Constellation Fund"`;
    expect(rows(parseExhibit(amendmentWith(body), 'mixed.txt'))).toEqual([
      'Invesco Equity Funds | Invesco Charter Fund | B | null null | null | null',
      'Invesco Equity Funds | Invesco Constellation Fund | B | null null | null | null',
    ]);
  });
});
