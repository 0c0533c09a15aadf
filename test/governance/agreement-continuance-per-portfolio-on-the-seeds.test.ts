import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/governance/approval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import {
  agreementApproval,
  BOARD_CARRIES,
  ONLY_DISINTERESTED,
  SHAREHOLDERS_CARRY,
} from './support/testAgreement.js';
import { governance } from './support/testPlan.js';

// The seeds' A&R Master Distribution Agreement (Class B), made as of 2003-08-18: 82 Portfolios
// (Schedule A-1, 54, as replaced by Amendment No. 2; Schedule A-2, 28), first deadline 2004-06-30
// (FOURTEENTH). The Board continues all of them on 2004-06-10; for 2005 only AIM Real Estate Fund
// (the Board, naming it, 2005-06-09) and AIM Energy Fund (its Class B shareholders 2005-06-01, 402
// of 600 present, 1,000 outstanding, with the Dis-interested Trustees 4 of 6 on 2005-06-09) are
// continued: on 2005-08-01 those two run to 2006-06-30, the other 80 lapsed on 2005-07-01.
const docs = seedDocuments();
const plain = buildRegistry(docs);
const agreementKey = plain.instruments.find((i) => i.kind === 'agreement')!.key;
const portfolio = (name: string) => ({ id: plain.identities.resolveOn(name, '2005-06-01')!, name });
const vote = (...args: Parameters<typeof agreementApproval>): Approval => ({
  ...agreementApproval(...args),
  instrumentKey: agreementKey,
});
const registry = buildRegistry(
  docs,
  [],
  governance(
    [
      vote('2004-06-10', BOARD_CARRIES),
      vote('2005-06-09', BOARD_CARRIES, portfolio('AIM Real Estate Fund')),
      vote('2005-06-01', SHAREHOLDERS_CARRY, portfolio('AIM Energy Fund')),
      vote('2005-06-09', ONLY_DISINTERESTED, portfolio('AIM Energy Fund')),
    ],
    { enforce: false },
  ),
);

describe('the seeds’ Class B Agreement, continued per Portfolio', () => {
  const [ag] = registry.continuance('2005-08-01').filter((c) => c.kind === 'agreement');

  it('lists its 82 Portfolios, each first due 2004-06-30', () => {
    expect(ag!.portfolios).toHaveLength(82);
    expect(new Set(ag!.portfolios!.map((p) => p.firstDeadline))).toEqual(new Set(['2004-06-30']));
  });

  it('on 2005-08-01: AIM Energy Fund and AIM Real Estate Fund run to 2006-06-30; the other 80 lapsed on 2005-07-01', () => {
    const inForce = ag!.portfolios!.filter((p) => p.status === 'in force');
    expect(inForce.map((p) => [p.portfolio, p.nextDeadline])).toEqual([
      ['AIM Energy Fund', '2006-06-30'],
      ['AIM Real Estate Fund', '2006-06-30'],
    ]);
    const lapsed = ag!.portfolios!.filter((p) => p.status === 'lapsed');
    expect(lapsed).toHaveLength(80);
    expect(new Set(lapsed.map((p) => p.endsOn))).toEqual(new Set(['2005-07-01']));
    expect(ag).toMatchObject({ status: 'in force', nextDeadline: '2006-06-30', lapsedPortfolios: 80 });
  });

  it('tells apart the two Portfolios a rename rule gave one name (INVESCO → AIM, 2004-10-15)', () => {
    const names = ag!
      .portfolios!.map((p) => p.portfolio)
      .filter((n) => /^AIM (Balanced|High Yield) Fund/.test(n));
    expect(names).toEqual([
      'AIM Balanced Fund',
      'AIM Balanced Fund (was INVESCO Balanced Fund)',
      'AIM High Yield Fund',
      'AIM High Yield Fund (was INVESCO High Yield Fund)',
    ]);
  });

  it('on 2005-06-30 all 82 are in force, due that day', () => {
    const [c] = registry.continuance('2005-06-30').filter((x) => x.kind === 'agreement');
    expect(c).toMatchObject({ status: 'in force', nextDeadline: '2005-06-30', lapsedPortfolios: 0 });
  });
});
