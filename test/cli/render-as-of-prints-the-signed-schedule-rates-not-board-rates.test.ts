import { describe, expect, it } from 'vitest';
import { scheduleDocumentAsOf } from '../../src/cli/scheduleDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { OMEGA_TRUST_PLAN } from '../registry/registryFixtures.js';

/**
 * `exhibit render --as-of D` prints the schedule in force as a conformed Schedule A to compare with
 * the signed instruments. Omega Delta Fund class B: Schedule A says MAXIMUM ABSC 0.50%, MAXIMUM
 * service 0.25%, MAXIMUM aggregate 0.75%; the Board set the distribution fee to 0.40% from
 * 2011-06-01. The rendering printed 0.40% under the heading "MAXIMUM ASSET BASED SALES CHARGE" —
 * a maximum no instrument states. It must print the schedule's 0.50% / 0.25% / 0.75%.
 */
const plan = OMEGA_TRUST_PLAN;

describe('exhibit render --as-of under a Board-set rate', () => {
  const registry = buildRegistry(
    [{ id: 'p1', fileName: 'plan.txt', doc: plan }],
    [
      {
        portfolio: 'Omega Delta Fund',
        class: 'B',
        effectiveDate: '2011-06-01',
        distributionFeePct: '0.40',
        serviceFeePct: null,
        reason: null,
      },
    ],
  );
  it('renders, and reads back, the signed maxima', () => {
    const text = renderExhibit(scheduleDocumentAsOf(registry, '2011-06-01', 'B').document);
    const row = text.split('\n').find((l) => l.includes('Omega Delta Fund'))!;
    expect(row.match(/\d+\.\d+%/g)).toEqual(['0.50%', '0.25%', '0.75%']);
    const back = parseExhibit(text, 'rendered.txt');
    const entries = back.schedules.flatMap((s) => s.entries);
    expect(
      entries.map((e) => [
        e.portfolio,
        e.assetBasedSalesChargePct,
        e.assetBasedSalesChargeBound,
        e.serviceFeePct,
        e.aggregateFeePct,
      ]),
    ).toEqual([['Omega Delta Fund', '0.50', 'maximum', '0.25', '0.75']]);
  });
});
