import { describe, expect, it } from 'vitest';
import { capsOf, exceedsCapsOrFinra } from '../../src/registry/boardRate.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// Issue 10 item 10. The Class B agreement's Schedules are plain lists of portfolios: the
// rates come from its body (SEVENTH(B) 0.75%, TENTH 0.25%). FINRA Rule 2341 caps still apply.
describe.skipIf(!seedsAvailable)(
  'Board-set rates: FINRA caps always, and one fee never drops the other',
  () => {
    const board = (portfolio: string, effectiveDate: string, d: string | null, s: string | null) => ({
      portfolio,
      class: 'B',
      effectiveDate,
      distributionFeePct: d,
      serviceFeePct: s,
      reason: null,
    });

    it('0.80% on a Class B portfolio listed without rates is refused; 0.50% is accepted', () => {
      const registry = buildRegistry(seedDocuments());
      expect(registry.checkBoardRate(board('AIM Basic Value Fund', '2005-01-03', '0.80', null))).toMatch(
        /distribution fee above the maximum/,
      );
      expect(registry.checkBoardRate(board('AIM Basic Value Fund', '2005-01-03', '0.50', null))).toBeNull();
      expect(registry.checkBoardRate(board('AIM Basic Value Fund', '2005-01-03', null, '0.30'))).toMatch(
        /service fee above the maximum/,
      );
    });

    it('a service fee set in March survives a distribution fee set in June', () => {
      const registry = buildRegistry(seedDocuments(), [
        board('AIM Basic Value Fund', '2005-03-01', null, '0.20'),
        board('AIM Basic Value Fund', '2005-06-01', '0.50', null),
      ]);
      const pid = registry.identities.resolve('AIM Basic Value Fund')!;
      const april = registry.governingOn(pid, 'B', '2005-04-15')!;
      expect([april.distributionFeePct, april.serviceFeePct]).toEqual(['0.75', '0.20']);
      const july = registry.governingOn(pid, 'B', '2005-07-15')!;
      expect([july.distributionFeePct, july.serviceFeePct, july.rateSource]).toEqual([
        '0.50',
        '0.20',
        'board',
      ]);
    });
  },
);

describe('FINRA caps where neither the schedule nor the body states a rate', () => {
  const bare = capsOf({
    assetBasedSalesChargePct: null,
    assetBasedSalesChargeBound: null,
    serviceFeePct: null,
    aggregateFeePct: null,
  });
  it('a distribution fee alone is checked against 0.75%, a service fee alone against 0.25%', () => {
    expect(exceedsCapsOrFinra(bare, '0.80', null)).toBe('distribution fee above the maximum');
    expect(exceedsCapsOrFinra(bare, '0.75', null)).toBeNull();
    expect(exceedsCapsOrFinra(bare, null, '0.26')).toBe('service fee above the maximum');
    expect(exceedsCapsOrFinra(bare, null, '0.25')).toBeNull();
  });
});
