import { describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { importProviders, terminateOnAssignment, terminateOnNotice } from '../../src/feeds/providersFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12: "Verification detects an edited, inserted or deleted record, including the newest
 * ones." `providers terminate`, `providers assign` and `exhibit withdraw` anchor their record only
 * by the head kept beside the log (`audit_head`). Found on a copy of the demo store on the server:
 * after `providers terminate`, deleting the newest record and moving `audit_head` back to the one
 * before it — with SQL, as the table owner can — `audit verify` said ok, while the termination
 * stayed stored and stopped the provider's fees. The stored row is now the evidence.
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
  'audit verify on %s: a command’s newest record deleted',
  (dialect) => {
    it('finds the termination on notice, the one on assignment and the withdrawal no record wrote', async () => {
      const tdb = await freshDatabase(dialect);
      const db = await tdb.open();
      // the findings the tamper adds (those of an earlier tamper stand)
      const findingsAfterTamper = async () => {
        const before = verifyAuditEvidence(await loadAuditEvidence(db)).findings;
        await deleteNewestAndMoveHeadBack(db);
        const report = verifyAuditEvidence(await loadAuditEvidence(db));
        expect(report.firstBad).toBeNull(); // a perfect, shorter chain, its head kept
        expect(report.ok).toBe(false);
        return report.findings.filter((f) => !before.some((b) => b.reason === f.reason));
      };
      try {
        const [plan] = seed('002_'); // the Plan, effective 2002-06-03
        await importExhibits(db, [plan!]);
        await importProviders(
          db,
          'providers.csv',
          Buffer.from(
            'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2006-01-02,,\nBNK-1,First Bank,bank,2006-01-02,,\n',
          ),
        );
        await terminateOnNotice(db, {
          providerId: 'DLR-1',
          noticeDate: '2006-03-01',
          effectiveDate: '2006-04-03',
        });
        // untouched: every row a command wrote has its record
        expect(verifyAuditEvidence(await loadAuditEvidence(db))).toMatchObject({ ok: true, findings: [] });
        expect(await findingsAfterTamper()).toEqual([
          {
            kind: 'record',
            reason:
              "the termination of DLR-1's agreement effective 2006-04-03 (plan12b providers terminate) is stored, but no providers.terminate record in the audit log wrote it",
          },
        ]);

        await terminateOnAssignment(db, {
          providerId: 'BNK-1',
          date: '2006-05-01',
          assignedTo: 'Second Bank',
        });
        expect((await loadAuditLog(db)).at(-1)!.action).toBe('providers.assign');
        expect(await findingsAfterTamper()).toEqual([
          {
            kind: 'record',
            reason:
              "the termination of BNK-1's agreement effective 2006-05-01 (plan12b providers assign) is stored, but no providers.assign record in the audit log wrote it",
          },
        ]);

        const [amendment] = seed('001_');
        await importExhibits(db, [amendment!]);
        await withdrawExhibit(db, documentId(amendment!.bytes).slice(0, 12), 'imported by mistake');
        expect((await loadAuditLog(db)).at(-1)!.action).toBe('exhibit.withdraw');
        const name = amendment!.fileName.split('/').at(-1)!;
        expect(await findingsAfterTamper()).toEqual([
          {
            kind: 'record',
            reason: `the withdrawal of exhibit ${name} (${documentId(amendment!.bytes).slice(0, 16)}) is stored, but no exhibit.withdraw record in the audit log wrote it`,
          },
        ]);
      } finally {
        await db.close();
        await tdb.drop();
      }
    });
  },
);
