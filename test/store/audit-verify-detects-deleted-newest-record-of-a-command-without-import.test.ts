import { describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase } from '../support/databases.js';

/**
 * SPEC §12: "Verification detects an edited, inserted or deleted record, including the newest
 * ones." Closes and feed imports anchor their own audit records outside the log, but a command
 * that is neither — here `settings set` (also `rates set`, `providers terminate`, `transfers
 * notice`, `terminate`, `exhibit withdraw`) — had nothing anchoring its record: deleting the
 * newest one left a shorter chain that verified. Found by deleting the newest record (a
 * `settings.set`) of a copy of the demo store with SQL: `audit verify` said "intact".
 */

/** As an owner or superuser would, behind plan12b's back. */
async function tamper(db: Database, sql: string): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await db.query(sql);
  await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

describe.each(dialects)(
  'audit verify on %s: the newest record of a command that anchors nothing',
  (dialect) => {
    it('finds it deleted, and the whole log truncated; the CLI exits 69', async () => {
      const tdb = await freshDatabase(dialect);
      const set = async (key: string, value: string) => {
        const run = await runCliInProcess([
          '--db',
          tdb.target,
          '--actor',
          'Auditor',
          'settings',
          'set',
          key,
          value,
        ]);
        expect(run.code, run.stderr).toBe(0);
      };
      await set('continuance.basis', 'twelve-months-after-approval'); // record 1
      await set('continuance.plan-first-deadline', '2004-06-30'); // record 2
      let db = await tdb.open();
      const log = await loadAuditLog(db);
      expect(log.map((r) => [r.seq, r.action, r.actor])).toEqual([
        [1, 'settings.set', 'Auditor'],
        [2, 'settings.set', 'Auditor'],
      ]);
      expect(verifyAuditEvidence(await loadAuditEvidence(db)).ok).toBe(true);

      await tamper(db, 'DELETE FROM audit_log WHERE seq = 2');
      const report = verifyAuditEvidence(await loadAuditEvidence(db));
      // what is left is a perfect chain of one record: the head kept outside the log tells, and
      // so does the setting the deleted record wrote
      expect(report.firstBad).toBeNull();
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual([
        { kind: 'anchor', reason: 'the last record appended was record 2, but the log ends at record 1' },
        {
          kind: 'record',
          reason:
            'setting continuance.plan-first-deadline is "2004-06-30", but no settings.set record in the audit log wrote it',
        },
      ]);
      await db.close();
      const cli = await runCliInProcess(['--db', tdb.target, 'audit', 'verify']);
      expect(cli.code).toBe(69);
      expect(cli.stderr).toContain('the last record appended was record 2, but the log ends at record 1');

      db = await tdb.open();
      await tamper(db, 'DELETE FROM audit_log');
      expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([
        { kind: 'anchor', reason: 'the last record appended was record 2, but the log is empty (truncated)' },
        {
          kind: 'record',
          reason:
            'setting continuance.basis is "twelve-months-after-approval", but no settings.set record in the audit log wrote it',
        },
        {
          kind: 'record',
          reason:
            'setting continuance.plan-first-deadline is "2004-06-30", but no settings.set record in the audit log wrote it',
        },
      ]);
      await db.close();
      await tdb.drop();
    });
  },
);
