import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/governance/approval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { instrumentKey, type StoredDocument } from '../../src/registry/storedDocument.js';
import { BOARD_CARRIES, governance } from './support/testPlan.js';

// Agreement FOURTEENTH: in force until June 30, 2004, then from year to year if continued.
// FIFTEENTH(B): "if this Agreement is terminated for any reason", the Fund's obligations under
// SEVENTH(B) (the 12b-1 Share of the Distribution Fees) survive. A lapse of continuance is such a
// termination: the Class B fees continue (as after `terminate --instrument agreement`), the answer
// says the Agreement lapsed. A Plan that lapses stops its fees (Plan §7, §9) — not changed here.
const AGREEMENT_REF = {
  kind: 'agreement' as const,
  title: 'Master Distribution Agreement (Class B Shares)',
  registrant: null,
  classes: ['B'],
  datedAsOf: '2003-08-18',
};
const AGREEMENT: StoredDocument = {
  id: 'e'.repeat(64),
  fileName: 'agreement.txt',
  doc: {
    kind: 'agreement',
    title: AGREEMENT_REF.title,
    exhibit: null,
    instrument: AGREEMENT_REF,
    amendmentNumber: null,
    effectiveDate: '2003-08-18',
    datedDate: '2003-08-18',
    // FOURTEENTH as the seed Agreement words it
    continuance: { until: '2004-06-30', line: 120, text: 'continue in force and effect until June 30, 2004' },
    terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
    schedules: [
      {
        name: 'Schedule A-1',
        replacesEntirely: false,
        entries: [
          {
            registrant: 'TEST FUNDS',
            portfolio: 'Test Value Fund',
            class: 'B',
            assetBasedSalesChargePct: null,
            assetBasedSalesChargeBound: null,
            serviceFeePct: null,
            aggregateFeePct: null,
          },
        ],
      },
    ],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
  },
};

const boardApproval = (meetingDate: string, subject: Approval['subject'], id: string): Approval => ({
  kind: 'approval',
  id,
  meetingDate,
  body: 'board',
  subject,
  documentId: subject === 'instrument' ? AGREEMENT.id : null,
  instrumentKey: instrumentKey(AGREEMENT_REF),
  approvedName: AGREEMENT_REF.title,
  portfolioId: null,
  portfolioName: null,
  class: null,
  vote: BOARD_CARRIES,
});

describe('an Agreement whose continuance lapsed (enforcement on)', () => {
  // approved 2003-08-01, continued 2004-06-10; nothing by 2005-06-30 → ends 2005-07-01
  const approvals = [
    boardApproval('2003-08-01', 'instrument', 'agreement-approved'),
    boardApproval('2004-06-10', 'continuance', 'agreement-continued-2004'),
  ];
  const r = buildRegistry([AGREEMENT], [], governance(approvals, { today: '2006-01-01' }));
  const fund = r.identities.resolve('Test Value Fund')!;

  it('is flagged lapsed, ending 2005-07-01', () => {
    const c = r.continuance('2006-01-01')[0]!;
    expect(c).toMatchObject({ kind: 'agreement', status: 'lapsed', endsOn: '2005-07-01' });
  });

  it('still governs Class B at 0.75% / 0.25% after the lapse, and the schedule answer says why', () => {
    const before = r.governingOn(fund, 'B', '2005-06-30')!;
    const after = r.governingOn(fund, 'B', '2005-07-01')!;
    expect([before.distributionFeePct, before.serviceFeePct, before.stopped]).toEqual(['0.75', '0.25', null]);
    expect([after.distributionFeePct, after.serviceFeePct, after.stopped]).toEqual(['0.75', '0.25', null]);
    const answer = r.scheduleAsOf('2005-07-01', { portfolio: 'Test Value Fund' });
    expect(
      answer.warnings.some((w) =>
        /lapsed for Test Value Fund: .*FIFTEENTH\(B\)\): the fees continue/.test(w),
      ),
    ).toBe(true);
    expect(r.scheduleAsOf('2005-06-30', { portfolio: 'Test Value Fund' }).warnings).toEqual([]);
  });
});
