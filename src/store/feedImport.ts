import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { currentActor } from './actor.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * Records one feed import that wrote something (file, content hash, counts, who) and returns its
 * id, which the rows it wrote carry. Imports that change nothing record nothing (idempotence).
 */
export async function recordFeedImport(
  tx: Queryable,
  entry: { feed: string; file: string; bytes: Uint8Array; rows: number; inserted: number; restated?: number },
): Promise<number> {
  const [imp] = await tx.query<{ id: number }>(
    `INSERT INTO feed_import (feed, file_name, content_hash, rows, inserted, restated, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      entry.feed,
      basename(entry.file),
      createHash('sha256').update(entry.bytes).digest('hex'),
      entry.rows,
      entry.inserted,
      entry.restated ?? 0,
      currentActor(),
    ],
  );
  return imp!.id;
}

/** Records which audit record recorded the import (its anchor in the audit chain). */
export async function setFeedImportAuditSeq(
  tx: Queryable,
  importId: number,
  auditSeq: number,
): Promise<void> {
  await typed(tx)
    .updateTable('feed_import')
    .set({ audit_seq: String(auditSeq) })
    .where('id', '=', importId)
    .execute();
}

/** Every feed import that names the audit record that recorded it. */
export async function feedImportAnchors(
  q: Queryable,
): Promise<{ id: number; feed: string; fileName: string; auditSeq: number }[]> {
  const rows = await typed(q)
    .selectFrom('feed_import')
    .select(['id', 'feed', 'file_name', 'audit_seq'])
    .where('audit_seq', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, feed: r.feed, fileName: r.file_name, auditSeq: Number(r.audit_seq) }));
}
