import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('a plain list of portfolios (no rate columns): null rates, bound null, class from the instrument', () => {
  it('reads one name per line under group headings and PORTFOLIO(S) labels', () => {
    const body = `      AIM SERIES TRUST
      ----------------

      PORTFOLIO

      AIM Global Trends Fund

      INVESCO COMBINATION STOCK & BOND FUNDS, INC.

      PORTFOLIOS

      INVESCO Balanced Fund
      INVESCO Core Equity Fund"`;
    const doc = parseExhibit(amendmentWith(body), 'list.txt');
    expect(rows(doc)).toEqual([
      'AIM SERIES TRUST | AIM Global Trends Fund | B | null null | null | null',
      'INVESCO COMBINATION STOCK & BOND FUNDS, INC. | INVESCO Balanced Fund | B | null null | null | null',
      'INVESCO COMBINATION STOCK & BOND FUNDS, INC. | INVESCO Core Equity Fund | B | null null | null | null',
    ]);
  });

  it('reads a bare list of fund names with no headings at all', () => {
    const body = `      AIM Charter Fund
      AIM Constellation Fund
      AIM U.S. Growth Fund"`;
    const doc = parseExhibit(amendmentWith(body), 'bare-list.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'AIM Charter Fund',
      'AIM Constellation Fund',
      'AIM U.S. Growth Fund',
    ]);
  });

  it('a class or group heading repeated after a page break with "(continued)" is the same heading, not a fund', () => {
    const body = `      AIM EQUITY FUNDS

      CLASS A SHARES

      AIM Charter Fund
      AIM Constellation Fund

      CLASS C SHARES

      AIM Charter Fund
<PAGE>
      AIM EQUITY FUNDS (continued)

      CLASS C SHARES (continued)

      AIM Constellation Fund"`;
    const doc = parseExhibit(
      amendmentWith(body, { classes: '(CLASS A AND CLASS C SHARES)' }),
      'continued.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'AIM EQUITY FUNDS | AIM Charter Fund | A',
      'AIM EQUITY FUNDS | AIM Constellation Fund | A',
      'AIM EQUITY FUNDS | AIM Charter Fund | C',
      'AIM EQUITY FUNDS | AIM Constellation Fund | C',
    ]);
  });
});
