import { describe, expect, it } from 'vitest';
import { type AuditRecord, sha256 } from '../../src/audit/auditChain.js';
import { exhibitImportFindings, type StoredDocumentImport } from '../../src/audit/importedRecords.js';

/**
 * `audit verify` finds each stored document's `exhibit.import` record: its subject is the imported
 * file names joined by ", " in the command's order, its content hash the SHA-256 of their ids, one
 * a line, in that order. A file may be named with ", " in it ("Plan, as amended.txt"), or one name
 * may begin another's: an honest import must still be found, and a document inserted by SQL not.
 */
const record = (subject: string, ids: readonly string[]): AuditRecord => ({
  seq: 1,
  at: '2025-02-01T00:00:00Z',
  actor: 'test',
  action: 'exhibit.import',
  subject,
  contentHash: sha256(ids.join('\n')),
  detail: '',
  prevHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});
const doc = (id: string, fileName: string, importedAt = 't1'): StoredDocumentImport => ({
  id,
  fileName,
  importedAt,
});

describe('an exhibit import record and the documents it stored', () => {
  it('is found when file names hold ", " and one name begins another', () => {
    const docs = [
      doc('id2', 'Plan, as amended.txt'),
      doc('id1', 'Plan'),
      doc('id3', 'Plan, as amended.txt.bak'),
    ];
    // the command's order: Plan, "Plan, as amended.txt", "Plan, as amended.txt.bak"
    const r = record('Plan, Plan, as amended.txt, Plan, as amended.txt.bak', ['id1', 'id2', 'id3']);
    expect(exhibitImportFindings([r], docs)).toEqual([]);
  });

  it('two files of one name in one import: found in either order the hash was taken in', () => {
    const docs = [doc('b', 'plan.txt'), doc('a', 'plan.txt')];
    expect(exhibitImportFindings([record('plan.txt, plan.txt', ['b', 'a'])], docs)).toEqual([]);
    expect(exhibitImportFindings([record('plan.txt, plan.txt', ['a', 'b'])], docs)).toEqual([]);
  });

  it('a document inserted beside them (same time, not in the record) is found, as is one at another time', () => {
    const r = record('Plan, as amended.txt', ['id2']);
    expect(exhibitImportFindings([r], [doc('id2', 'Plan, as amended.txt'), doc('x', 'Plan')])).toHaveLength(
      2,
    );
    expect(
      exhibitImportFindings(
        [r],
        [doc('id2', 'Plan, as amended.txt'), doc('y', 'Plan, as amended.txt', 't2')],
      ),
    ).toHaveLength(1);
  });
});
