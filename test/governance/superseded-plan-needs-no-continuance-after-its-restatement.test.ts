import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import type { Approval } from '../../src/governance/approval.js';
import { documentLapses } from '../../src/governance/documentLapse.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { continuanceLines } from '../../src/reports/boardReportGovernance.js';
import { continuanceCsvRows } from '../../src/reports/continuanceReport.js';
import { documentListRows, listedDocuments } from '../../src/reports/documentListCsv.js';
import type { DocumentRecord } from '../../src/store/registryStore.js';

/** The lines as before each named the source of its deadline (that is tested on its own). */
const withoutSource = <L extends { source: string }>(lines: readonly L[]) =>
  lines.map(({ source: _source, ...line }) => line);

/**
 * Plan §7 (SPEC §10): a Plan continues after June 30, 2003 only while re-approved at least
 * annually. An Amended and Restated Plan supersedes the Plan it restates from its effective date
 * (registry/supersededInstruments.ts): the earlier Plan governs nothing after that, so it needs no
 * continuance — the roster used to keep counting its deadlines and flagged it lapsed.
 * Invented documents (Class A of Test Funds):
 * - "Master Distribution Plan of Test Funds", dated and effective 2002-06-03: first deadline the
 *   Plan's stated 2003-06-30 (it is dated before it);
 * - "Amended and Restated Master Distribution Plan of Test Funds", effective 2004-09-01: it restates
 *   the first (same title once the restatement words are set aside, same Registrant and class), so
 *   the first ends 2004-08-31; its own first deadline is one year after its date, 2005-09-01.
 * Expected by hand, as of 2006-01-15:
 * - Board continuances 2003-06-12 and 2004-06-10 met 2003-06-30 and 2004-06-30; the next deadline,
 *   2005-06-30, falls after 2004-09-01: none is due. Status superseded, by the restatement, from
 *   2004-09-01; no next deadline, no end date, no lapse (before the fix: lapsed, ended 2005-07-01).
 * - With only the 2003 continuance, 2004-06-30 (before the restatement) was missed: it lapsed on
 *   2004-07-01 and that stays a lapse, shown beside the supersession.
 * - As of 2004-08-01 (restatement ahead): in force, its deadlines met, none ahead before 2004-09-01.
 */
const plan = (title: string, date: string, kind: 'plan' = 'plan'): ExhibitDocument => ({
  kind,
  title: `${title} of Test Funds (Class A Shares)`,
  exhibit: null,
  instrument: { kind: 'plan', title, registrant: 'Test Funds', classes: ['A'], datedAsOf: date },
  amendmentNumber: null,
  effectiveDate: date,
  datedDate: date,
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    {
      name: 'Schedule A',
      replacesEntirely: false,
      entries: [
        {
          registrant: 'TEST FUNDS',
          portfolio: 'Test Growth Fund',
          class: 'A',
          assetBasedSalesChargePct: '0.10',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.25',
          aggregateFeePct: '0.35',
        },
      ],
    },
  ],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
  // the 2002 Plan's §7 states its first deadline, as the AIM plans' do; the restatement's states none
  ...(date < '2003-06-30'
    ? { continuance: { until: '2003-06-30', line: 40, text: 'continue in effect until June 30, 2003' } }
    : {}),
});
const original: StoredDocument = {
  id: 'a'.repeat(64),
  fileName: 'mdp-2002.txt',
  doc: plan('Master Distribution Plan', '2002-06-03'),
};
const restated: StoredDocument = {
  id: 'b'.repeat(64),
  fileName: 'ar-mdp-2004.txt',
  doc: plan('Amended and Restated Master Distribution Plan', '2004-09-01'),
};
const documents = [original, restated];
const originalKey = buildRegistry(documents).instruments.find((i) =>
  i.documentIds.includes(original.id),
)!.key;

const continuance = (meetingDate: string): Approval => ({
  kind: 'approval',
  id: `${meetingDate}-board`,
  meetingDate,
  body: 'board',
  subject: 'continuance',
  documentId: original.id,
  instrumentKey: originalKey,
  approvedName: original.fileName,
  portfolioId: null,
  portfolioName: null,
  class: null,
  vote: {
    kind: 'board-vote',
    trusteesInOffice: 9,
    trusteesFor: 8,
    trusteesAgainst: 0,
    disinterestedInOffice: 6,
    disinterestedFor: 6,
    disinterestedAgainst: 0,
    inPerson: true,
    calledForThePurpose: true,
  },
});
const registryOn = (today: string, meetings: string[]) =>
  buildRegistry(documents, [], {
    settings: DEFAULT_GOVERNANCE_SETTINGS,
    approvals: meetings.map(continuance),
    terminations: [],
    today,
  });
const listed = (id: string, title: string, effectiveDate: string): DocumentRecord =>
  ({
    id,
    fileName: id === original.id ? original.fileName : restated.fileName,
    kind: 'plan',
    title,
    effectiveDate,
    importedBy: 'cco',
    importedAt: '2006-01-01T00:00:00.000Z',
    withdrawal: null,
  }) as unknown as DocumentRecord;
const successor = {
  instrument: 'Amended and Restated Master Distribution Plan',
  documentId: restated.id,
  file: 'ar-mdp-2004.txt',
  from: '2004-09-01',
};

describe('a Plan superseded by its Amended and Restated successor needs no continuance after it', () => {
  it('continued each year before the restatement: superseded, no deadline, no lapse', () => {
    const registry = registryOn('2006-01-15', ['2003-06-12', '2004-06-10']);
    const c = registry.continuance('2006-01-15').find((x) => x.instrumentKey === originalKey)!;
    expect(c).toMatchObject({
      status: 'superseded',
      nextDeadline: null,
      endsOn: null,
      missedDeadline: null,
      supersededBy: successor,
    });
    expect(c.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null])).toEqual([
      ['2003-06-30', '2003-06-12'],
      ['2004-06-30', '2004-06-10'],
    ]);
    // the restatement itself is continued from its own first deadline (one year after 2004-09-01)
    const next = registry.continuance('2006-01-15').find((x) => x.instrumentKey !== originalKey)!;
    expect(next).toMatchObject({ status: 'lapsed', firstDeadline: '2005-09-01', supersededBy: null });
    // exhibit list: superseded, not lapsed; the board report and the CSV say the same
    expect(documentLapses(registry).has(original.id)).toBe(false);
    const rows = documentListRows(
      listedDocuments(
        [
          listed(original.id, original.doc.title, '2002-06-03'),
          listed(restated.id, restated.doc.title, '2004-09-01'),
        ],
        registry,
      ),
    );
    expect(rows[0]).toMatchObject({
      status: 'superseded',
      missedDeadline: '',
      lapsedOn: '',
      supersededBy: 'Amended and Restated Master Distribution Plan',
      supersededFrom: '2004-09-01',
    });
    expect(rows[1]).toMatchObject({ status: 'lapsed', supersededBy: '', lapsedOn: '2005-09-02' });
    expect(withoutSource(continuanceLines(c, '2006-01-15'))).toEqual([
      {
        instrument: 'Master Distribution Plan (Class A)',
        deadline: '',
        status:
          'superseded by Amended and Restated Master Distribution Plan from 2004-09-01: no continuance due',
      },
    ]);
    const csv = continuanceCsvRows({
      asOf: '2006-01-15',
      approvalsEnforced: false,
      instruments: [c],
      warnings: [],
    });
    expect(csv[0]).toMatchObject({
      status: 'superseded',
      nextDeadline: '',
      endsOn: '',
      supersededBy: 'Amended and Restated Master Distribution Plan',
      supersededFrom: '2004-09-01',
    });
  });

  it('a deadline missed before the restatement is still a lapse, shown with the supersession', () => {
    const registry = registryOn('2006-01-15', ['2003-06-12']);
    const c = registry.continuance('2006-01-15').find((x) => x.instrumentKey === originalKey)!;
    expect(c).toMatchObject({
      status: 'lapsed',
      missedDeadline: '2004-06-30',
      endsOn: '2004-07-01',
      supersededBy: successor,
    });
    expect(documentLapses(registry).get(original.id)).toMatchObject({
      missedDeadline: '2004-06-30',
      endsOn: '2004-07-01',
    });
    expect(withoutSource(continuanceLines(c, '2006-01-15'))).toEqual([
      {
        instrument: 'Master Distribution Plan (Class A)',
        deadline: '2004-06-30',
        status:
          'lapsed; ended 2004-07-01; superseded by Amended and Restated Master Distribution Plan from 2004-09-01',
      },
    ]);
  });

  it('before the restatement takes effect: in force, with no deadline on or after its date', () => {
    const registry = registryOn('2004-08-01', ['2003-06-12', '2004-06-10']);
    const c = registry.continuance('2004-08-01').find((x) => x.instrumentKey === originalKey)!;
    expect(c).toMatchObject({
      status: 'in force',
      nextDeadline: null,
      endsOn: null,
      supersededBy: successor,
    });
    expect(withoutSource(continuanceLines(c, '2004-08-01'))).toEqual([
      {
        instrument: 'Master Distribution Plan (Class A)',
        deadline: '',
        status: 'superseded by Amended and Restated Master Distribution Plan from 2004-09-01',
      },
    ]);
  });
});

/**
 * The same for an Agreement, continued per Portfolio (FOURTEENTH). Invented: "Master Distribution
 * Agreement" of Test Funds (Class B), made 2001-01-01, listing Alpha Fund; its "Amended and Restated"
 * successor effective 2004-09-01. First deadline 2004-06-30 (FOURTEENTH, the Agreement dated before
 * it). Expected by hand, as of 2006-01-15:
 * - continued by the Board on 2004-06-10: superseded, no deadline from 2004-09-01 on (2005-06-30
 *   was a lapse before), no lapse listed for its documents;
 * - no continuance at all: 2004-06-30 missed for Alpha Fund, ended 2004-07-01, before the
 *   restatement — still a lapse, listed for its documents (1 of its 1 Portfolios).
 */
describe('an Agreement superseded by its restatement: the same, per Portfolio', () => {
  const agreement = (title: string, date: string): ExhibitDocument => ({
    kind: 'agreement',
    title: `${title} of Test Funds (Class B Shares)`,
    exhibit: null,
    instrument: { kind: 'agreement', title, registrant: 'Test Funds', classes: ['B'], datedAsOf: date },
    amendmentNumber: null,
    effectiveDate: date,
    datedDate: date,
    terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
    schedules: [
      {
        name: 'Schedule A',
        replacesEntirely: false,
        entries: [
          {
            registrant: 'TEST FUNDS',
            portfolio: 'Alpha Fund',
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
    // FOURTEENTH of the 2001 Agreement states its first deadline; the restatement's states none
    ...(date < '2004-06-30'
      ? {
          continuance: {
            until: '2004-06-30',
            line: 120,
            text: 'continue in force and effect until June 30, 2004',
          },
        }
      : {}),
  });
  const first: StoredDocument = {
    id: 'e'.repeat(64),
    fileName: 'mda-2001.txt',
    doc: agreement('Master Distribution Agreement', '2001-01-01'),
  };
  const second: StoredDocument = {
    id: 'f'.repeat(64),
    fileName: 'ar-mda-2004.txt',
    doc: agreement('Amended and Restated Master Distribution Agreement', '2004-09-01'),
  };
  const key = buildRegistry([first, second]).instruments.find((i) => i.documentIds.includes(first.id))!.key;
  const registry = (meetings: string[]) =>
    buildRegistry([first, second], [], {
      settings: DEFAULT_GOVERNANCE_SETTINGS,
      approvals: meetings.map((m) => ({
        ...continuance(m),
        documentId: first.id,
        instrumentKey: key,
        approvedName: first.fileName,
      })),
      terminations: [],
      today: '2006-01-15',
    });

  it('continued before its restatement: superseded, nothing lapsed', () => {
    const r = registry(['2004-06-10']);
    const c = r.continuance('2006-01-15').find((x) => x.instrumentKey === key)!;
    expect(c).toMatchObject({
      status: 'superseded',
      nextDeadline: null,
      endsOn: null,
      supersededBy: { instrument: 'Amended and Restated Master Distribution Agreement', from: '2004-09-01' },
    });
    expect(c.portfolios!.map((p) => [p.portfolio, p.status, p.nextDeadline, p.endsOn])).toEqual([
      ['Alpha Fund', 'in force', null, null],
    ]);
    expect(documentLapses(r).has(first.id)).toBe(false);
  });

  it('its deadline missed before the restatement: still a lapse, listed for its documents', () => {
    const r = registry([]);
    const c = r.continuance('2006-01-15').find((x) => x.instrumentKey === key)!;
    expect(c.portfolios!.map((p) => [p.portfolio, p.status, p.endsOn])).toEqual([
      ['Alpha Fund', 'lapsed', '2004-07-01'],
    ]);
    expect(documentLapses(r).get(first.id)).toMatchObject({
      missedDeadline: '2004-06-30',
      endsOn: '2004-07-01',
      portfolios: { lapsed: 1, listed: 1 },
    });
  });
});
