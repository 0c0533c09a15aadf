import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments, loadRegistry } from '../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { TWIN_FILES } from './twinPlansFixture.js';

// SPEC §2.1 (what the user states is recorded as such) and §12 (audited with the actor; a closed
// month is locked): a user who stated the wrong plan corrects it by importing the same file with
// another --amends. It was warned of and not recorded ("the first statement stands"), so a wrong
// statement could never be undone. either.txt ("Amendment No. 3 to the Distribution and Service
// Plan", 2025-01-02, Schedule A: Invesco Core Plus Bond Fund only) fits both 2022-07-01 plans
// (twinPlansFixture.ts): stated to amend one, it replaces that plan's Schedule A from 2025-01-02.

const REIM_LISTED = 'Fourth Amended and Restated Distribution and Service Plan (Reimbursement)';
const COMP_LISTED = 'Fifth Amended and Restated Distribution and Service Plan (Compensation)';
const ACTOR = 'Jane Doe, Fund Treasurer';
const file = (name: string) => ({ fileName: name, bytes: Buffer.from(TWIN_FILES[name]!, 'utf8') });
const FILES = ['comp-1.txt', 'comp-2.txt', 'reim-1.txt', 'reim-2.txt', 'either.txt'];

/** Who governs each (portfolio, class) on a day: `portfolio|class|instrument|file`. */
async function governing(db: Database, day: string): Promise<string[]> {
  return (await loadRegistry(db))
    .scheduleAsOf(day)
    .entries.map((e) => `${e.portfolio}|${e.class}|${e.instrument}|${e.document.file}`)
    .sort();
}

describe('exhibit import --amends stated otherwise', () => {
  let tdb: TestDatabase;
  let db: Database;
  const actorBefore = process.env.PLAN12B_ACTOR;
  beforeAll(() => {
    process.env.PLAN12B_ACTOR = ACTOR;
  });
  afterAll(() => {
    if (actorBefore === undefined) delete process.env.PLAN12B_ACTOR;
    else process.env.PLAN12B_ACTOR = actorBefore;
  });
  afterEach(async () => {
    await db.close();
    await tdb.drop();
  });

  it('replaces the statement recorded: listed as now stated, audited with the actor and the old one, verifiable', async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(db, FILES.map(file));
    await importExhibits(db, [file('either.txt')], undefined, { amends: REIM_LISTED });
    // stated to amend the Reimbursement plan: Core Plus Bond is its (either.txt), Discovery C the
    // Compensation plan's comp-2
    expect(
      (await governing(db, '2025-01-02')).filter((e) => /Core Plus Bond Fund\|A|Discovery/.test(e)),
    ).toEqual([
      `Invesco Core Plus Bond Fund|A|${REIM_LISTED}|either.txt`,
      `Invesco Discovery Fund|C|${COMP_LISTED}|comp-2.txt`,
    ]);

    const corrected = await importExhibits(db, [file('either.txt')], undefined, { amends: COMP_LISTED });
    expect(corrected.imported).toEqual([]);
    expect(corrected.stated).toEqual([
      {
        file: 'either.txt',
        id: expect.any(String),
        title: 'Amendment No. 3 to the Distribution and Service Plan',
        amends: COMP_LISTED,
        replaces: REIM_LISTED,
      },
    ]);
    expect(corrected.warnings).toEqual([]);
    // now the Compensation plan's: its Schedule A (comp-2) replaced by either.txt's from 2025-01-02,
    // so Discovery C (not on either.txt) is no longer covered; Core Plus Bond is the Compensation plan's
    const now = await governing(db, '2025-01-02');
    expect(now.filter((e) => /Core Plus Bond Fund\|A|Discovery/.test(e))).toEqual([
      `Invesco Core Plus Bond Fund|A|${COMP_LISTED}|either.txt`,
    ]);
    const listed = (await listDocuments(db)).find((d) => d.fileName === 'either.txt')!;
    expect(listed.statedAmends).toMatchObject({ amends: COMP_LISTED, statedBy: ACTOR });
    const audit = (await loadAuditLog(db)).filter((r) => r.action === 'exhibit.import');
    expect(audit.at(-1)).toMatchObject({
      actor: ACTOR,
      subject: 'either.txt',
      detail: `Amendment No. 3 to the Distribution and Service Plan (imported before); stated by the user: {"amends":"${COMP_LISTED}"} (replacing the statement recorded before: {"amends":"${REIM_LISTED}"})`,
    });
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
    // the same statement again changes nothing and leaves no record
    const records = (await loadAuditLog(db)).length;
    const same = await importExhibits(db, [file('either.txt')], undefined, { amends: COMP_LISTED });
    expect(same.stated).toEqual([]);
    expect((await loadAuditLog(db)).length).toBe(records);
  });

  it('is refused (68) where it would change what governed in a closed month; the statement stays', async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(db, FILES.map(file));
    await importExhibits(db, [file('either.txt')], undefined, { amends: REIM_LISTED });
    const rows = businessDaysBetween('2025-01-02', '2025-02-28').map(
      (d) => `${d},Invesco Discovery Fund,C,1000000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    // to the Compensation plan, either.txt would end Discovery C from 2025-01-02: in closed January
    const err = await importExhibits(db, [file('either.txt')], undefined, { amends: COMP_LISTED }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProblemsError);
    expect((err as ProblemsError).exitCode).toBe(68);
    expect((err as ProblemsError).problems[0]!.reason).toMatch(
      /^2025-01 is closed: this document would change what governed Invesco Discovery Fund class C on 2025-01-02 /,
    );
    const listed = (await listDocuments(db)).find((d) => d.fileName === 'either.txt')!;
    expect(listed.statedAmends).toMatchObject({ amends: REIM_LISTED });
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
    // the same change written by SQL, outside plan12b, is found: the statement is among closed
    // January's sealed inputs through what governed (kind `governing`), and no record says it
    await db.query(`UPDATE exhibit_statement SET amends = $1`, [COMP_LISTED]);
    const findings = verifyAuditEvidence(await loadAuditEvidence(db)).findings.map((f) => f.reason);
    expect(
      findings.some((f) =>
        f.startsWith('closed month 2025-01: what governed it differs from what was sealed'),
      ),
    ).toBe(true);
    expect(findings.some((f) => f.includes('no exhibit.import record in the audit log says so'))).toBe(true);
  });
});
