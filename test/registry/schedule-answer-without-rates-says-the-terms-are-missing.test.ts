import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { apartFromLapses } from './registryFixtures.js';

/**
 * SPEC §2: rates missing from a schedule come from the instrument's terms. Amendment No. 2 to a
 * Class B agreement replaces Schedule A-1 with a plain list (no rates); the agreement itself, whose
 * SEVENTH(B) and TENTH state 0.75% and 0.25%, is not imported (or was withdrawn). `fees` warns
 * that no fee accrues; `schedule` answered null rates with no word of why. With the agreement
 * imported the terms fill the rates and there is nothing to warn.
 */
const agreementRef = {
  kind: 'agreement' as const,
  title: 'Amended and Restated Master Distribution Agreement',
  registrant: null,
  classes: ['B'],
  datedAsOf: '2010-01-01',
};
const listOf = (names: string[]) =>
  names.map((portfolio) => ({
    registrant: 'ZETA EQUITY FUNDS',
    portfolio,
    class: 'B',
    assetBasedSalesChargePct: null,
    assetBasedSalesChargeBound: null,
    serviceFeePct: null,
    aggregateFeePct: null,
  }));
const common = { exhibit: null, renames: [], renameRules: [], footnotes: [], warnings: [] };
const agreement: ExhibitDocument = {
  ...common,
  kind: 'agreement',
  title: agreementRef.title,
  instrument: agreementRef,
  amendmentNumber: null,
  effectiveDate: '2010-01-01',
  datedDate: null,
  terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
  schedules: [{ name: 'Schedule A-1', replacesEntirely: false, entries: listOf(['Zeta Gamma Fund']) }],
};
const amendment2: ExhibitDocument = {
  ...common,
  kind: 'agreement-amendment',
  title: 'Amendment No. 2',
  instrument: agreementRef,
  amendmentNumber: 2,
  effectiveDate: '2012-06-01',
  datedDate: '2012-06-01',
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [{ name: 'Schedule A-1', replacesEntirely: true, entries: listOf(['Zeta Gamma Fund']) }],
};

describe('a schedule answer whose rates neither the schedule nor the imported terms state', () => {
  it('the amendment alone: null rates, and a warning saying why', () => {
    const answer = buildRegistry([{ id: 'a2', fileName: 'no2.txt', doc: amendment2 }]).scheduleAsOf(
      '2012-06-01',
      {
        class: 'B',
      },
    );
    expect(answer.entries.map((e) => [e.portfolio, e.assetBasedSalesChargePct, e.serviceFeePct])).toEqual([
      ['Zeta Gamma Fund', null, null],
    ]);
    expect(apartFromLapses(answer.warnings)).toHaveLength(1);
    expect(apartFromLapses(answer.warnings)[0]).toMatch(
      /^Zeta Gamma Fund class B: Schedule A-1 of .* states no distribution fee rate/,
    );
  });
  it('with the agreement: 0.75% and 0.25% from its terms, no warning', () => {
    const answer = buildRegistry([
      { id: 'a0', fileName: 'agreement.txt', doc: agreement },
      { id: 'a2', fileName: 'no2.txt', doc: amendment2 },
    ]).scheduleAsOf('2012-06-01', { class: 'B' });
    expect(
      answer.entries.map((e) => [e.assetBasedSalesChargePct, e.serviceFeePct, e.aggregateFeePct]),
    ).toEqual([['0.75', '0.25', '1.00']]);
    expect(apartFromLapses(answer.warnings)).toEqual([]);
  });
});
