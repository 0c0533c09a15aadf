import { afterAll, describe, expect, it } from 'vitest';
import { auditRecordHash } from '../../src/audit/auditChain.js';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { type AuditReport, parseKeptAnchor, verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { auditHead, loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import {
  dialects,
  freshDatabase,
  pgliteCopyOf,
  serverCopyOf,
  type TestDatabase,
} from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

function netAssetsCsv(from: string, to: string, amount = '36500000.00'): Buffer {
  return Buffer.from(
    [
      'date,portfolio,class,net_assets',
      ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,${amount}`),
    ].join('\n'),
  );
}

/**
 * A store with a history: exhibit import (record 1), January's net assets (2), the close of
 * 2007-01 (3), February's net assets (4). The newest record is a feed import; with `closeLast`
 * February is closed too (5), so that the newest record is a close.
 */
async function storeWithHistory(dialect: 'pglite' | 'postgres', closeLast = false) {
  // built once per file, store kind and history, then copied (a PGlite folder, or CREATE DATABASE
  // … TEMPLATE on the server): each test tampers with a store of its own
  const kind = `${dialect}:${closeLast}`;
  let built = histories.get(kind);
  if (built === undefined) {
    built = (async () => {
      const { tdb, db } = await buildStoreWithHistory(dialect, closeLast);
      await db.close();
      builtStores.push(tdb);
      return tdb.target;
    })();
    histories.set(kind, built);
  }
  const tdb = dialect === 'pglite' ? await pgliteCopyOf(await built) : await serverCopyOf(await built);
  return { tdb, db: await tdb.open() };
}
/** The built stores (of each kind, without and with February closed), never opened by a test. */
const histories = new Map<string, Promise<string>>();
const builtStores: TestDatabase[] = [];
afterAll(async () => {
  for (const tdb of builtStores) await tdb.drop();
});

async function buildStoreWithHistory(dialect: 'pglite' | 'postgres', closeLast: boolean) {
  const tdb = await freshDatabase(dialect);
  const db = await tdb.open();
  await importExhibits(
    db,
    seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
  );
  await importNetAssets(db, 'jan.csv', netAssetsCsv('2006-12-29', '2007-01-31'));
  await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS, { first: true });
  await importNetAssets(db, 'feb.csv', netAssetsCsv('2007-02-01', '2007-02-28'));
  if (closeLast) await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS);
  return { tdb, db };
}

const verify = async (db: Database, kept: string | null = null): Promise<AuditReport> =>
  verifyAuditEvidence(await loadAuditEvidence(db), kept === null ? null : parseKeptAnchor(kept));

/** As an owner or superuser would, behind plan12b's back. */
async function tamper(db: Database, table: string, sql: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  await db.query(sql);
  await db.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
}

async function finish(tdb: TestDatabase, db: Database): Promise<void> {
  await db.close();
  await tdb.drop();
}

describe.skipIf(!seedsAvailable).each(dialects)('audit verify on %s', (dialect) => {
  it('passes an untouched store: 4 records, one closed month and two imports anchored', async () => {
    const { tdb, db } = await storeWithHistory(dialect);
    const report = await verify(db);
    expect(report).toMatchObject({ ok: true, records: 4, closedMonths: 1, anchoredImports: 2, findings: [] });
    expect((await loadAuditLog(db)).map((r) => r.action)).toEqual([
      'exhibit.import',
      'net-assets.import',
      'month.close',
      'net-assets.import',
    ]);
    // The close sealed the head before its own record (record 2) and names its own record (3).
    const [jan] = (await loadAuditEvidence(db)).sealedMonths;
    const log = await loadAuditLog(db);
    expect(jan!.chain).toEqual({ seq: 2, hash: log[1]!.hash });
    expect(jan!.auditSeq).toBe(3);
    expect(log[2]!.contentHash).toBe(jan!.resultsHash);
    await finish(tdb, db);
  });

  it('finds the newest record deleted (a feed import), and the CLI exits 69 naming it', async () => {
    const { tdb, db } = await storeWithHistory(dialect);
    const kept = await auditHead(db);
    await tamper(db, 'audit_log', 'DELETE FROM audit_log WHERE seq = 4');
    const report = await verify(db);
    // The chain that is left is intact: only the anchor outside the log can tell.
    expect(report.firstBad).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([
      {
        kind: 'anchor',
        reason: 'net-assets import 2 (feb.csv) names audit record 4, but the log ends at record 3',
      },
      // and the head recorded outside the log at every append (audit_head)
      { kind: 'anchor', reason: 'the last record appended was record 4, but the log ends at record 3' },
    ]);
    expect((await verify(db, `${kept.seq}:${kept.hash}`)).findings.at(-1)!.reason).toBe(
      `the kept head 4:${kept.hash} is not in the log (it ends at record 3)`,
    );
    await db.close();
    const cli = await runCliInProcess(['--db', tdb.target, 'audit', 'verify']);
    expect(cli.code).toBe(69);
    expect(cli.stderr).toContain('names audit record 4, but the log ends at record 3');
    expect(cli.stderr).toContain('changed outside plan12b');
    await tdb.drop();
  });

  it('finds the newest record deleted when it is a close, and the whole log truncated', async () => {
    const { tdb, db } = await storeWithHistory(dialect, true);
    await tamper(db, 'audit_log', 'DELETE FROM audit_log WHERE seq = 5');
    expect((await verify(db)).findings).toEqual([
      { kind: 'anchor', reason: 'closed month 2007-02 names audit record 5, but the log ends at record 4' },
      { kind: 'anchor', reason: 'the last record appended was record 5, but the log ends at record 4' },
    ]);
    // TRUNCATE fires no row trigger at all.
    await db.query('TRUNCATE audit_log');
    const report = await verify(db);
    expect(report.records).toBe(0);
    expect(report.findings.map((f) => f.reason)).toEqual([
      'closed month 2007-01 names audit record 3, but the log is empty (truncated)',
      'closed month 2007-01 sealed the chain head that names audit record 2, but the log is empty (truncated)',
      'closed month 2007-02 names audit record 5, but the log is empty (truncated)',
      'closed month 2007-02 sealed the chain head that names audit record 4, but the log is empty (truncated)',
      'net-assets import 1 (jan.csv) names audit record 2, but the log is empty (truncated)',
      'net-assets import 2 (feb.csv) names audit record 4, but the log is empty (truncated)',
      'the last record appended was record 5, but the log is empty (truncated)',
      // the exhibit import's record went with the log: the stored document has none
      expect.stringMatching(/^exhibit 002_.* is not among the documents of any exhibit\.import record/),
    ]);
    await finish(tdb, db);
  });

  it('finds a record edited in the middle, and one inserted (the later ones renumbered)', async () => {
    const { tdb, db } = await storeWithHistory(dialect);
    await tamper(db, 'audit_log', "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
    expect((await verify(db)).findings).toEqual([
      { kind: 'chain', reason: 'record 2: content does not match its hash (edited)' },
      // the close sealed record 2's hash: the edit cannot be hidden by rehashing the chain either
    ]);
    await finish(tdb, db);

    const second = await storeWithHistory(dialect);
    const log = await loadAuditLog(second.db);
    // A forged record 3, well formed and linked to record 2; the true 3 and 4 become 4 and 5.
    const forged = {
      seq: 3,
      at: log[1]!.at,
      actor: 'mallory',
      action: 'net-assets.import',
      subject: 'forged.csv',
      contentHash: '0'.repeat(64),
      detail: '',
      prevHash: log[1]!.hash,
    };
    await tamper(second.db, 'audit_log', 'UPDATE audit_log SET seq = seq + 100 WHERE seq >= 3');
    await tamper(second.db, 'audit_log', 'UPDATE audit_log SET seq = seq - 99 WHERE seq >= 103');
    await second.db.query(
      `INSERT INTO audit_log (seq, at, actor, action, subject, content_hash, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        3,
        forged.at,
        forged.actor,
        forged.action,
        forged.subject,
        forged.contentHash,
        '',
        forged.prevHash,
        auditRecordHash(forged),
      ],
    );
    const report = await verify(second.db);
    expect(report.firstBad).toEqual({ seq: 4, reason: 'does not link to the previous record' });
    expect(report.findings.map((f) => f.reason)).toEqual([
      'record 4: does not link to the previous record',
      // the close names record 3, which is now the forged import
      'closed month 2007-01: its results hash ' +
        (await loadAuditEvidence(second.db)).sealedMonths[0]!.resultsHash +
        ` is not the one its close recorded in audit record 3 (${'0'.repeat(64)})`,
      'net-assets import 2 (feb.csv) names audit record 4, which records month.close 2007-01',
      // the head recorded at the last append was the true record 4; record 4 is now the close
      `the last record appended was record 4 with hash ${log[3]!.hash}, but the log's record 4 has hash ${log[2]!.hash}`,
    ]);
    await finish(second.tdb, second.db);
  });

  it("finds a sealed month's results hash or content changed with the seal triggers disabled", async () => {
    const { tdb, db } = await storeWithHistory(dialect);
    await expect(
      db.query("UPDATE closed_month SET results_hash = 'x' WHERE month = '2007-01'"),
    ).rejects.toThrow(/closed month 2007-01 is sealed/);
    await expect(db.query("DELETE FROM closed_month WHERE month = '2007-01'")).rejects.toThrow(/sealed/);
    await tamper(
      db,
      'close_result',
      `UPDATE close_result SET content = jsonb_set(content::jsonb, '{classes,0,distributionFee}', '"1.00"')::json WHERE month = '2007-01' AND part = 'fees'`,
    );
    expect((await verify(db)).findings).toEqual([
      {
        kind: 'seal',
        reason: 'closed month 2007-01: sealed part fees does not match its hash (its content was changed)',
      },
    ]);
    await tamper(
      db,
      'closed_month',
      `UPDATE closed_month SET results_hash = '${'f'.repeat(64)}' WHERE month = '2007-01'`,
    );
    expect((await verify(db)).findings.map((f) => f.reason)).toEqual([
      expect.stringMatching(
        /^closed month 2007-01: its results hash f{64} is not the one its close recorded in audit record 3/,
      ),
      'closed month 2007-01: sealed part fees does not match its hash (its content was changed)',
      'closed month 2007-01: its results hash does not match its sealed parts, chain head and inputs digest',
    ]);
    await finish(tdb, db);
  });

  it("finds a sealed month's inputs updated outside plan12b, but not a --restate", async () => {
    const { tdb, db } = await storeWithHistory(dialect);
    // A legitimate restatement of a closed day: recorded with its old value, so verify undoes it.
    const restated = await importNetAssets(
      db,
      'fix.csv',
      Buffer.from('date,portfolio,class,net_assets\n2007-01-10,AIM Value Fund,C,40150000.00'),
      { restate: true },
    );
    expect(restated.restated[0]!.closedMonth).toBe('2007-01');
    expect(await verify(db)).toMatchObject({ ok: true, records: 5, anchoredImports: 3 });
    // The same kind of change made behind plan12b's back.
    await db.query("UPDATE net_assets SET net_assets = 1.00 WHERE date = '2007-01-11'");
    expect((await verify(db)).findings).toEqual([
      {
        kind: 'inputs',
        reason:
          'closed month 2007-01: what governed it differs from what was sealed, and no restatement records the change: net assets',
      },
    ]);
    await finish(tdb, db);
  });
});
