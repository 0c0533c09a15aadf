import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import type { Approval } from '../../src/governance/approval.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { scheduleAnswer } from '../../src/registry/scheduleAnswer.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { classBEntry } from '../registry/registryFixtures.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §10: "plan12b shows deadlines and flags a lapse". `schedule --as-of D` showed an entry whose
 * instrument had lapsed (Plan §7: continuance missed) as governing, without a word, when
 * approvals.enforce is off (the default). Invented documents:
 * - "Master Distribution Plan" of Test Funds (Class A), dated and effective 2002-06-03: Test Growth
 *   Fund A at 0.10 / 0.25 / 0.35; Board approval of the instrument 2002-05-01, continuance
 *   2003-06-12 (meets 2003-06-30), none for 2004-06-30: lapsed, ended 2004-07-01;
 * - "Master Distribution Agreement" of Test Funds (Class B), made 2003-08-18: Alpha Fund B; no
 *   continuance at all, so its first deadline 2004-06-30 (FOURTEENTH) is missed for Alpha Fund:
 *   lapsed for it from 2004-07-01, its fees continuing (FIFTEENTH(B)).
 * Expected by hand (registry's today 2006-01-15):
 * - as of 2004-06-30: no lapse (the deadline is that day);
 * - as of 2004-07-01, enforcement off: the Plan's entry keeps 0.10 / 0.25, `stopped` null, `lapse`
 *   { missedDeadline 2004-06-30, endsOn 2004-07-01, feesStop false }, and one warning "1 entry in
 *   force on 2004-07-01 comes from Master Distribution Plan, which lapsed …"; the Agreement's entry
 *   has its lapse for Alpha Fund (feesStop false) and its warning;
 * - with enforcement on: the Plan's entry stopped (0.00 / 0.00), as before, and `lapse.feesStop`
 *   true; the warnings as before (the stopped entry's and the Agreement's), no second one.
 */
const testFundsPlan: ExhibitDocument = {
  kind: 'plan',
  title: 'Master Distribution Plan of Test Funds (Class A Shares)',
  exhibit: null,
  instrument: {
    kind: 'plan',
    title: 'Master Distribution Plan',
    registrant: 'Test Funds',
    classes: ['A'],
    datedAsOf: '2002-06-03',
  },
  amendmentNumber: null,
  effectiveDate: '2002-06-03',
  datedDate: '2002-06-03',
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
  // its §7 states the first deadline, as the AIM plans' do (SPEC §10)
  continuance: { until: '2003-06-30', line: 40, text: 'continue in effect until June 30, 2003' },
};
const testFundsAgreement: ExhibitDocument = {
  ...testFundsPlan,
  kind: 'agreement',
  title: 'Master Distribution Agreement of Test Funds (Class B Shares)',
  instrument: {
    kind: 'agreement',
    title: 'Master Distribution Agreement',
    registrant: 'Test Funds',
    classes: ['B'],
    datedAsOf: '2003-08-18',
  },
  effectiveDate: '2003-08-18',
  datedDate: '2003-08-18',
  terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
  schedules: [
    { name: 'Schedule A', replacesEntirely: false, entries: [classBEntry('TEST FUNDS', 'Alpha Fund', null)] },
  ],
  continuance: { until: '2004-06-30', line: 120, text: 'continue in force and effect until June 30, 2004' },
};
const planDoc: StoredDocument = { id: 'c'.repeat(64), fileName: 'mdp-2002.txt', doc: testFundsPlan };
const agreementDoc: StoredDocument = {
  id: 'd'.repeat(64),
  fileName: 'mda-2003.txt',
  doc: testFundsAgreement,
};
const documents = [planDoc, agreementDoc];
const planKey = buildRegistry(documents).instruments.find((i) => i.kind === 'plan')!.key;

const board = (meetingDate: string, subject: 'instrument' | 'continuance'): Approval => ({
  kind: 'approval',
  id: `${meetingDate}-${subject}`,
  meetingDate,
  body: 'board',
  subject,
  documentId: planDoc.id,
  instrumentKey: planKey,
  approvedName: planDoc.fileName,
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
const registryWith = (enforce: boolean) =>
  buildRegistry(documents, [], {
    settings: { ...DEFAULT_GOVERNANCE_SETTINGS, enforceApprovals: enforce },
    approvals: [board('2002-05-01', 'instrument'), board('2003-06-12', 'continuance')],
    terminations: [],
    today: '2006-01-15',
  });
const entryOf = (answer: ReturnType<typeof scheduleAnswer>, cls: string) =>
  answer.entries.find((e) => e.class === cls)!;

describe('schedule --as-of flags an entry whose instrument had lapsed, whatever approvals.enforce says', () => {
  it('enforcement off: the rates stand, the entry carries the lapse, one warning per instrument', () => {
    const registry = registryWith(false);
    const before = scheduleAnswer(registry, '2004-06-30', {});
    expect(before.entries.map((e) => e.lapse)).toEqual([null, null]);
    expect(before.warnings.filter((w) => w.includes('lapsed'))).toEqual([]);

    const after = scheduleAnswer(registry, '2004-07-01', {});
    const a = entryOf(after, 'A');
    expect([a.assetBasedSalesChargePct, a.serviceFeePct, a.stopped]).toEqual(['0.10', '0.25', null]);
    expect(a.lapse).toEqual({
      instrument: 'Master Distribution Plan',
      kind: 'plan',
      missedDeadline: '2004-06-30',
      endsOn: '2004-07-01',
      feesStop: false,
      text: 'Master Distribution Plan lapsed: continuance deadline 2004-06-30 missed (Plan §7), ended 2004-07-01; fees are not stopped (approvals.enforce is off)',
    });
    const b = entryOf(after, 'B');
    expect(b.lapse).toMatchObject({
      kind: 'agreement',
      missedDeadline: '2004-06-30',
      endsOn: '2004-07-01',
      feesStop: false,
    });
    expect(b.lapse!.text).toContain('lapsed for Alpha Fund');
    expect(after.warnings).toContain(
      '1 entry in force on 2004-07-01 comes from Master Distribution Plan, which lapsed: no continuance approval on or before 2004-06-30 (Plan §7), so it ended on 2004-07-01; approvals.enforce is off: fees are not stopped, the rates shown still accrue',
    );
    expect(after.warnings).toContain(
      "1 entry in force on 2004-07-01 comes from Master Distribution Agreement, which lapsed for its Portfolio: no continuance approval on or before 2004-06-30 (FOURTEENTH), so it ended for it on 2004-07-01; the Distributor's 12b-1 Share and Earned CDSC survive it (FIFTEENTH(B)): the fees continue",
    );
  });

  it('a store recording no approval at all (documents only): each entry carries its lapse, no warning says it', () => {
    // the same documents, no vote recorded: by the roster both instruments missed 2004-06-30 (the
    // Plan's first deadline after 2003-06-30 is 2003-06-30 itself, missed too), but nobody has
    // recorded governance here — the schedule's warnings stay those of the schedule itself
    const registry = buildRegistry(documents, [], {
      settings: DEFAULT_GOVERNANCE_SETTINGS,
      approvals: [],
      terminations: [],
      today: '2006-01-15',
    });
    const after = scheduleAnswer(registry, '2005-01-03', {});
    expect(after.entries.map((e) => [e.class, e.lapse?.feesStop])).toEqual([
      ['B', false], // Alpha Fund
      ['A', false], // Test Growth Fund
    ]);
    expect(after.warnings.filter((w) => w.includes('lapsed'))).toEqual([]);
  });

  it('enforcement on: the Plan entry is stopped as before, and carries the lapse with feesStop', () => {
    const after = scheduleAnswer(registryWith(true), '2004-07-01', {});
    const a = entryOf(after, 'A');
    expect([a.assetBasedSalesChargePct, a.serviceFeePct]).toEqual(['0.00', '0.00']);
    expect(a.stopped).toContain('lapsed');
    expect(a.lapse).toMatchObject({ missedDeadline: '2004-06-30', endsOn: '2004-07-01', feesStop: true });
    expect(after.warnings.filter((w) => w.startsWith('1 entry in force'))).toEqual([]);
    expect(after.warnings.some((w) => w.startsWith(`Test Growth Fund class A: ${a.stopped}`))).toBe(true);
  });
});

describe.skipIf(!seedsAvailable)('plan12b schedule through the CLI: text, CSV and JSON say the lapse', () => {
  // seed 002, the Sixth A&R Plan of AIM Funds Group: continued 2003-06-12 for 2003-06-30, not
  // for 2004-06-30 — lapsed, ended 2004-07-01 (enforcement off, the default)
  let store: TestDatabase;
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    const seed = seedFiles().find((f) => basename(f).startsWith('002_'))!;
    expect((await cli('exhibit', 'import', seed)).code).toBe(0);
    const votes = join(tmpdir(), `left3-schedule-lapse-${process.pid}.csv`);
    writeFileSync(
      votes,
      'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for\n' +
        `2003-06-12,board,continuance,${basename(seed)},,,,8,0,1,6,0,0,yes,yes,,,\n`,
    );
    expect((await cli('approvals', 'import', votes)).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('as of 2004-07-01, class R: LAPSED in the text, lapsedOn in the CSV, lapse in the JSON, a warning', async () => {
    const text = await cli('schedule', '--as-of', '2004-07-01', '--class', 'R');
    expect(text.code).toBe(0);
    // 3 Class R entries of the Sixth A&R Plan (seeds INDEX), each marked
    expect(text.stdout.match(/LAPSED 2004-07-01/g)).toHaveLength(3);
    expect(text.stderr).toContain(
      'warning: 3 entries in force on 2004-07-01 come from Sixth Amended and Restated Master Distribution Plan, which lapsed: no continuance approval on or before 2004-06-30 (Plan §7), so it ended on 2004-07-01',
    );
    const csv = (await cli('schedule', '--as-of', '2004-07-01', '--class', 'R', '--csv')).stdout
      .trimEnd()
      .split('\n');
    expect(csv[0]).toMatch(/,stopped,lapsedOn,lapse$/);
    expect(csv.slice(1).every((l) => l.includes(',2004-07-01,"Sixth Amended and Restated'))).toBe(true);
    const json = JSON.parse(
      (await cli('schedule', '--as-of', '2004-07-01', '--class', 'R', '--json')).stdout,
    ) as {
      entries: { lapse: { endsOn: string; feesStop: boolean } | null }[];
    };
    expect(json.entries.map((e) => [e.lapse?.endsOn, e.lapse?.feesStop])).toEqual([
      ['2004-07-01', false],
      ['2004-07-01', false],
      ['2004-07-01', false],
    ]);
    // the day before: nothing lapsed
    const dayBefore = await cli('schedule', '--as-of', '2004-06-30', '--class', 'R');
    expect(dayBefore.stdout).not.toContain('LAPSED');
    expect(dayBefore.stderr).not.toContain('lapsed');
  });
});
