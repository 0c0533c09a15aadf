import { describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { importTransfers, recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase } from '../support/databases.js';

/**
 * SPEC §12: "Verification detects an edited, inserted or deleted record, including the newest
 * ones." `transfers notice` (EIGHTH(B)) anchors its record only by the head kept beside the log.
 * Found by helper close2: after `transfers notice`, deleting the newest record and moving
 * `audit_head` back with SQL left `audit verify` ok while the notice stayed stored and decided
 * whom the Fund pays. A notice the command recorded is now marked, and must have its record; a
 * notice the transfers feed gave is the feed import's (anchored by the import), and needs none.
 */

const TRANSFERS = Buffer.from(
  [
    'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
    'T1,Alpha Funding LLC,"1 Main Street, Wilmington DE",all,50,50,,,2004-01-01,,direct,',
    'T2,Beta Capital LP,"2 Main Street, Wilmington DE",all,25,25,,,2004-01-01,2004-01-02,direct,',
  ].join('\n'),
);

/** As an owner or superuser would, behind plan12b's back. */
async function deleteNewestAndMoveHeadBack(db: Database): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await db.query('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
  await db.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  await db.query(
    'UPDATE audit_head SET seq = l.seq, hash = l.hash FROM (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) l',
  );
}

describe.each(dialects)('audit verify on %s: the newest transfers.notice record deleted', (dialect) => {
  it('finds the notice the command recorded, not the one the feed gave', async () => {
    const tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await importTransfers(db, 'transfers.csv', TRANSFERS);
      expect(await recordTransferNotice(db, 'T1', '2004-01-05')).toMatchObject({ recorded: true });
      expect((await loadAuditLog(db)).at(-1)!.action).toBe('transfers.notice');
      // untouched: both notices are accounted for (T2's by the import)
      expect(verifyAuditEvidence(await loadAuditEvidence(db))).toMatchObject({ ok: true, findings: [] });

      await deleteNewestAndMoveHeadBack(db);
      const report = verifyAuditEvidence(await loadAuditEvidence(db));
      expect(report.firstBad).toBeNull(); // a perfect, shorter chain, its head kept
      expect(report.ok).toBe(false);
      expect(report.findings).toEqual([
        {
          kind: 'record',
          reason:
            'the notice of Transfer T1 received 2004-01-05 (plan12b transfers notice) is stored, but no transfers.notice record in the audit log wrote it',
        },
      ]);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
});
