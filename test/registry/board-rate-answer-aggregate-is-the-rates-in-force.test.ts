import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { OMEGA_TRUST_PLAN } from './registryFixtures.js';

/**
 * SPEC §2: Board-set current rates below the schedule maxima, effective-dated; FORMATS: the
 * answer's rates are those in force, `rateSource` says `board`, and `scheduleRates` keeps the
 * schedule's. Omega Delta Fund class B: Schedule A says maximum ABSC 0.50%, service 0.25%,
 * aggregate 0.75%; the Board sets the distribution fee to 0.40% from 2011-06-01. The fee in force
 * is then 0.40% + 0.25% = 0.65% — the answer said ABSC 0.40%, service 0.25% and aggregate 0.75%
 * (the schedule's maximum), three figures that do not add up.
 */
const plan = OMEGA_TRUST_PLAN;
const documents: StoredDocument[] = [{ id: 'p1', fileName: 'plan.txt', doc: plan }];
const registry = buildRegistry(documents, [
  {
    portfolio: 'omega  DELTA fund',
    class: 'B',
    effectiveDate: '2011-06-01',
    distributionFeePct: '0.40',
    serviceFeePct: null,
    reason: 'Board vote of 2011-05-20',
  },
]);
const rates = (day: string) => {
  const [e] = registry.scheduleAsOf(day, { class: 'B' }).entries;
  return [
    e!.assetBasedSalesChargePct,
    e!.serviceFeePct,
    e!.aggregateFeePct,
    e!.rateSource,
    e!.scheduleRates.aggregateFeePct,
  ];
};

describe('the aggregate fee of an answer under a Board-set rate', () => {
  it('the day before the Board rate: the schedule rates, aggregate 0.75%', () => {
    expect(rates('2011-05-31')).toEqual(['0.50', '0.25', '0.75', 'schedule', '0.75']);
  });
  it('on and after it: 0.40% + 0.25% = 0.65% in force, the schedule maximum 0.75% kept aside', () => {
    expect(rates('2011-06-01')).toEqual(['0.40', '0.25', '0.65', 'board', '0.75']);
    expect(rates('2015-01-02')).toEqual(['0.40', '0.25', '0.65', 'board', '0.75']);
  });
  it('the portfolio history says the same', () => {
    const runs = registry.portfolioHistory('Omega Delta Fund')!.classes;
    expect(
      runs.map((r) => [
        r.from,
        r.lastDay,
        r.distributionFeePct,
        r.serviceFeePct,
        r.aggregateFeePct,
        r.rateSource,
      ]),
    ).toEqual([
      ['2011-03-01', '2011-05-31', '0.50', '0.25', '0.75', 'schedule'],
      ['2011-06-01', null, '0.40', '0.25', '0.65', 'board'],
    ]);
  });
});
