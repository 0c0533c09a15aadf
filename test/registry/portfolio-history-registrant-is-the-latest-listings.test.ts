import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// SPEC §2 (a portfolio may move between registrants) and FORMATS `portfolio history`: a day's
// registrant is the one the latest schedule listing the portfolio names. AIM Leisure Fund: Schedule
// A-2 of the Class B agreement (2003-08-18, never restated) lists it under "INVESCO SECTOR FUNDS,
// INC."; Amendment No. 6 (Class K, 2004-10-15) and Amendment No. 12 (Class R, 2006-03-31) under
// "AIM SECTOR FUNDS".
describe.skipIf(!seedsAvailable)('portfolio history: the registrant of the latest listing', () => {
  const registry = seedsAvailable ? buildRegistry(seedDocuments()) : (undefined as never);
  const registrants = (name: string) =>
    registry.portfolioHistory(name)!.registrants.map((r) => [r.registrant, r.from, r.lastDay]);

  it('AIM Leisure Fund: INVESCO SECTOR FUNDS, INC. to 2004-10-14, AIM SECTOR FUNDS from 2004-10-15', () => {
    expect(registrants('INVESCO Leisure Fund')).toEqual([
      ['INVESCO SECTOR FUNDS, INC.', '2003-08-18', '2004-10-14'],
      ['AIM SECTOR FUNDS', '2004-10-15', null],
    ]);
  });

  it('AIM Real Estate Fund moves on 2003-10-29 (Amendment No. 2), as before', () => {
    expect(registrants('AIM Real Estate Fund')).toEqual([
      ['AIM ADVISOR FUNDS', '2003-08-18', '2003-10-28'],
      ['AIM INVESTMENT SECURITIES FUNDS', '2003-10-29', null],
    ]);
  });

  it('AIM Balanced Fund: "AIM Funds Group" (Sixth A&R plan) and "AIM FUNDS GROUP" (Schedule A-1) are one registrant', () => {
    expect(registrants('AIM Balanced Fund')).toEqual([['AIM Funds Group', '2002-06-03', null]]);
  });
});
