import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { ProblemsError } from '../../src/errors.js';
import { documentId, importExhibits, readExhibits } from '../../src/import/exhibitImport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments, loadDocuments, loadRegistry } from '../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { TWIN_FILES } from './twinPlansFixture.js';

// SPEC §2.1: the user states the instrument an amendment amends (`exhibit import --amends`); it is
// recorded as stated, with the actor, audited, and listed. either.txt ("Amendment No. 3 to the
// Distribution and Service Plan", 2025-01-02) fits both 2022-07-01 plans (twinPlansFixture.ts).
// SPEC §2: imported before or after the statement is made, the registry is the same.

const REIM_LISTED = 'Fourth Amended and Restated Distribution and Service Plan (Reimbursement)';
const COMP_LISTED = 'Fifth Amended and Restated Distribution and Service Plan (Compensation)';
const ACTOR = 'Jane Doe, Fund Treasurer';

const file = (name: string) => ({ fileName: name, bytes: Buffer.from(TWIN_FILES[name]!, 'utf8') });

// by hand (as in amendment-stated-to-amend-one-of-two-plans-of-one-date-amends-it-in-any-order):
// either.txt replaces the Reimbursement plan's Schedule A on 2025-01-02; the Compensation plan's
// comp-2 keeps Discovery C and Income Advantage Investor; Core Plus Bond is either.txt's (later)
const EXPECTED = [
  `Invesco Core Plus Bond Fund|A|0.25|${REIM_LISTED}|either.txt`,
  `Invesco Core Plus Bond Fund|C|1.00|${REIM_LISTED}|either.txt`,
  `Invesco Core Plus Bond Fund|Investor|0.25|${REIM_LISTED}|either.txt`,
  `Invesco Core Plus Bond Fund|R|0.50|${REIM_LISTED}|either.txt`,
  `Invesco Discovery Fund|C|1.00|${COMP_LISTED}|comp-2.txt`,
  `Invesco Income Advantage U.S. Fund|Investor|0.25|${COMP_LISTED}|comp-2.txt`,
];

async function schedule(db: Database): Promise<string[]> {
  return (await loadRegistry(db))
    .scheduleAsOf('2025-01-02')
    .entries.map((e) => `${e.portfolio}|${e.class}|${e.aggregateFeePct}|${e.instrument}|${e.document.file}`)
    .sort();
}

describe('exhibit import --amends', () => {
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
  const open = async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
  };

  it('after the amendment: the warning says the command, and stating it then records it', async () => {
    await open();
    const first = await importExhibits(
      db,
      ['comp-1.txt', 'comp-2.txt', 'reim-1.txt', 'reim-2.txt', 'either.txt'].map(file),
    );
    expect(first.warnings).toEqual([
      `either.txt: "Amendment No. 3 to the Distribution and Service Plan" does not say which of 2 instruments dated 2022-07-01 it amends: "${COMP_LISTED}" (comp-1.txt, comp-2.txt), "${REIM_LISTED}" (reim-1.txt, reim-2.txt); attached to none of them, its schedules replace none of theirs; state which it amends: plan12b exhibit import either.txt --amends "${COMP_LISTED}" or plan12b exhibit import either.txt --amends "${REIM_LISTED}"`,
    ]);
    // the command the warning gives
    const stated = await importExhibits(db, [file('either.txt')], undefined, { amends: REIM_LISTED });
    expect(stated.imported).toEqual([]);
    expect(stated.unchanged.map((u) => u.file)).toEqual(['either.txt']);
    expect(stated.stated.map((s) => [s.file, s.amends])).toEqual([['either.txt', REIM_LISTED]]);
    expect(stated.warnings).toEqual([]);
    expect(await schedule(db)).toEqual(EXPECTED);
    // recorded as stated, with the actor, listed, and audited
    const listed = (await listDocuments(db)).find((d) => d.fileName === 'either.txt')!;
    expect(listed.statedAmends).toMatchObject({ amends: REIM_LISTED, statedBy: ACTOR });
    expect((await loadDocuments(db)).find((d) => d.fileName === 'either.txt')!.doc.statedByUser).toEqual({
      amends: REIM_LISTED,
    });
    const audit = (await loadAuditLog(db)).filter((r) => r.action === 'exhibit.import');
    expect(audit.at(-1)).toMatchObject({
      actor: ACTOR,
      subject: 'either.txt',
      detail: `Amendment No. 3 to the Distribution and Service Plan (imported before); stated by the user: {"amends":"${REIM_LISTED}"}`,
    });
    // stated the same again: nothing changes, nothing is said (a correction, stated otherwise, is
    // exhibit-import-amends-stated-otherwise-corrects-the-statement.test.ts's)
    const again = await importExhibits(db, [file('either.txt')], undefined, { amends: REIM_LISTED });
    expect(again.stated).toEqual([]);
    expect(again.warnings).toEqual([]);
    expect(await schedule(db)).toEqual(EXPECTED);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('stated of a stored amendment in the command that imports another: each import stays verifiable', async () => {
    await open();
    await importExhibits(db, ['comp-1.txt', 'comp-2.txt', 'reim-1.txt', 'either.txt'].map(file));
    // reim-2 is new; either.txt is stored, and the statement is recorded for it
    const both = await importExhibits(db, ['reim-2.txt', 'either.txt'].map(file), undefined, {
      amends: REIM_LISTED,
    });
    expect(both.imported.map((i) => i.file)).toEqual(['reim-2.txt']);
    expect(both.stated.map((s) => s.file)).toEqual(['either.txt']);
    expect(both.warnings).toEqual([]);
    expect(await schedule(db)).toEqual(EXPECTED);
    // the record names the document imported (audit verify finds reim-2's import by it) and the statement
    const audit = (await loadAuditLog(db)).filter((r) => r.action === 'exhibit.import');
    expect(audit.at(-1)).toMatchObject({ subject: 'reim-2.txt' });
    expect(audit.at(-1)!.detail).toContain(`stated by the user: {"amends":"${REIM_LISTED}"}`);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('with the amendment, before the other plan: the same registry, and no warning', async () => {
    await open();
    await importExhibits(db, ['reim-1.txt', 'reim-2.txt'].map(file));
    // naming an instrument no stored document names: refused (65), nothing written
    const refused = await importExhibits(db, [file('either.txt')], undefined, {
      amends: 'Sixth Amended and Restated Distribution and Service Plan',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemsError);
    expect((refused as ProblemsError).exitCode).toBe(65);
    expect((refused as ProblemsError).problems).toMatchObject([
      {
        file: 'either.txt',
        field: 'amends',
        reason:
          'no imported document names "Sixth Amended and Restated Distribution and Service Plan": import that plan (or an amendment whose title names it) first, or in the same command, then state it',
      },
    ]);
    expect(await listDocuments(db)).toHaveLength(2);
    // a bare "Reimbursement" names the one stored plan
    const stated = await importExhibits(db, [file('either.txt')], undefined, { amends: 'Reimbursement' });
    expect(stated.imported.map((i) => i.file)).toEqual(['either.txt']);
    expect(stated.stated.map((s) => s.amends)).toEqual(['Reimbursement']);
    // the parse stays the document's own: the statement is kept beside it
    const later = await importExhibits(db, ['comp-1.txt', 'comp-2.txt'].map(file));
    expect(later.warnings).toEqual([]);
    expect(await schedule(db)).toEqual(EXPECTED);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
    // SPEC §12: a statement written outside plan12b is found by audit verify
    const comp2 = documentId(file('comp-2.txt').bytes);
    await db.query(
      `INSERT INTO exhibit_statement (document_id, amends, stated_by) VALUES ($1, 'Compensation', 'sql')`,
      [comp2],
    );
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings.map((f) => f.reason)).toEqual([
      `exhibit comp-2.txt (${comp2.slice(0, 16)}) is stored as stated to amend "Compensation", but no exhibit.import record in the audit log says so (a statement written outside plan12b?)`,
    ]);
  });
});

describe('--amends among several files', () => {
  it('is recorded only for an amendment whose title does not already say it', () => {
    // comp-1's title says "(Compensation)": the statement adds nothing there, and is not recorded
    const [comp1, either] = readExhibits(['comp-1.txt', 'either.txt'].map(file), undefined, {
      amends: 'Compensation',
    });
    expect(comp1!.doc.statedByUser).toBeUndefined();
    expect(either!.doc.statedByUser).toEqual({ amends: 'Compensation' });
  });

  it('where no file needs it, is refused (65) naming each', () => {
    const err = (() => {
      try {
        return readExhibits([file('comp-1.txt')], undefined, { amends: 'Compensation' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ProblemsError);
    expect((err as ProblemsError).exitCode).toBe(65);
    expect((err as ProblemsError).problems.map((p) => p.reason)).toEqual([
      '"Amendment No. 1 to the Fifth Amended and Restated Distribution and Service Plan (Compensation)" already says "Compensation" in its title: import it without --amends',
    ]);
  });
});
