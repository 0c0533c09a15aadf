import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// "All references to Cedar Cash Reserve Shares in the Plan are deleted and replaced with Birch
// Cash Reserve Shares": the sponsor's name in the class changes, the class does not — its code is
// "Cash Reserve" before and after, so there is no class rename, and the class is no fund.
const AMENDMENT = `AMENDMENT NO. 4
TO THE AMENDED AND RESTATED
MASTER DISTRIBUTION PLAN
(Cedar Cash Reserve Shares)
The Amended and Restated Master Distribution Plan (the "Plan"), dated as of March 3, 2004,
pursuant to Rule 12b-1, is hereby amended, effective May 1, 2011, as follows:
WHEREAS, Cedar Money Market Fund is now named Birch Money Market Fund and Cedar
Cash Reserve Shares is now named Birch Cash Reserve Shares.
NOW THEREFORE, All references to Cedar Cash Reserve Shares in the Plan are deleted and replaced
with Birch Cash Reserve Shares; and
NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the
following:
"SCHEDULE A
TO
MASTER DISTRIBUTION PLAN
(BIRCH CASH RESERVE SHARES)
|Distribution
|Fee
|Service
|Fee
|Portfolio – Birch Cash Reserve Shares
|
Birch Money Market Fund
|
|0.10
|%
|
|0.15
|%"
All other terms and provisions of the Plan not amended herein shall remain in full force and effect.
`;

describe('a Cash Reserve class whose sponsor name changes', () => {
  const doc = parseExhibit(AMENDMENT, 'cash-reserve-renamed.htm.txt');

  it('gives no class rename: the code is Cash Reserve before and after', () => {
    expect(doc.classRenames).toEqual([]);
    expect(doc.schedules[0]!.entries.map((e) => `${e.portfolio} | ${e.class}`)).toEqual([
      'Birch Money Market Fund | Cash Reserve',
    ]);
  });

  it('renames the fund, never the class as if it were a fund', () => {
    expect(doc.renames.map((r) => `${r.from} → ${r.to}`)).toEqual([
      'Cedar Money Market Fund → Birch Money Market Fund',
    ]);
  });
});
