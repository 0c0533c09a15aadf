import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { currentActor } from './actor.js';
import type { Queryable } from './database.js';

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
