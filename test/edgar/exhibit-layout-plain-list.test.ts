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
});
