import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

describe.skipIf(!seedsAvailable).each(dialects)('audit log on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    for (const f of seedExhibitFiles()) await importExhibits(db, [f]);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('records each import, chained by hash, and verifies', async () => {
    const log = await loadAuditLog(db);
    expect(log.map((r) => r.action)).toEqual(Array(5).fill('exhibit.import'));
    expect(log[1]!.prevHash).toBe(log[0]!.hash);
    expect(verifyAuditChain(log)).toEqual({ records: 5, ok: true, firstBad: null });
  });

  it('refuses updates and deletes', async () => {
    await expect(db.query("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE seq = 5')).rejects.toThrow(/append-only/);
  });

  it('detects a row tampered with behind its back', async () => {
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
    const tampered = verifyAuditChain(await loadAuditLog(db));
    expect(tampered.ok).toBe(false);
    expect(tampered.firstBad).toEqual({ seq: 3, reason: 'content does not match its hash (edited)' });
    await db.query('DELETE FROM audit_log WHERE seq = 3');
    expect(verifyAuditChain(await loadAuditLog(db)).firstBad).toEqual({
      seq: 4,
      reason: 'sequence gap: expected 3',
    });
  });
});
