import { describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { setActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12: "Verification detects an edited, inserted or deleted record, including the newest
 * ones." `rates set` anchors its record only by the head kept beside the log (`audit_head`). Found
 * on a copy of the demo store on the server: after `rates set`, deleting the newest record (the
 * `rates.set`) and moving `audit_head` back to the record before it — both with SQL, as the table
 * owner can — `audit verify` said ok, while the rate stayed stored and would govern every later
 * close. The stored rate is now the evidence, as a setting is for `settings.set`.
 */

/** As an owner or superuser would, behind plan12b's back. */
async function deleteNewestAndMoveHeadBack(db: Database): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await db.query('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
  await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  await db.query(
    'UPDATE audit_head SET seq = l.seq, hash = l.hash FROM (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) l',
  );
}

const seed = (prefix: string) => seedExhibitFiles().filter((f) => f.fileName.includes(`/${prefix}`));

describe.skipIf(!seedsAvailable).each(dialects)(
  'audit verify on %s: a rates.set record deleted',
  (dialect) => {
    it('finds the rate no record wrote, though the chain and the kept head agree', async () => {
      setActor('Test Treasurer');
      const tdb = await freshDatabase(dialect);
      const db = await tdb.open();
      try {
        await importExhibits(db, seed('002_')); // the Plan, effective 2002-06-03
        const rate = {
          portfolio: 'aim  value fund', // any spelling of a name it ever had
          class: 'c',
          distributionFeePct: '0.50',
          serviceFeePct: null,
          reason: 'Board resolution',
        };
        await setBoardRate(db, { ...rate, effectiveDate: '2006-04-03' });
        await setBoardRate(db, { ...rate, effectiveDate: '2006-05-01', distributionFeePct: '0.4' });
        expect((await loadAuditLog(db)).map((r) => r.action)).toEqual([
          'exhibit.import',
          'rates.set',
          'rates.set',
        ]);
        // untouched: every stored rate has its record
        expect(verifyAuditEvidence(await loadAuditEvidence(db))).toMatchObject({ ok: true, findings: [] });

        await deleteNewestAndMoveHeadBack(db);
        const report = verifyAuditEvidence(await loadAuditEvidence(db));
        expect(report.firstBad).toBeNull(); // a perfect chain of two records, its head kept
        expect(report.ok).toBe(false);
        expect(report.findings).toEqual([
          {
            kind: 'record',
            reason:
              'Board-set rate for AIM Value Fund class C from 2006-05-01 (distribution 0.40%, service —%: Board resolution) is stored, but no rates.set record in the audit log wrote it',
          },
        ]);
      } finally {
        setActor(undefined);
        await db.close();
        await tdb.drop();
      }
    });
  },
);
