import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/store/database.js';
import { importExhibits } from '../src/store/exhibitImport.js';
import { migrate } from '../src/store/migrations.js';
import { generateExhibitCorpus } from './exhibitCorpus.js';

/**
 * Import time for 1,000 exhibits into PGlite and into the PostgreSQL server: one call per
 * exhibit (the registry is derived anew after each, as a user importing filings one by one
 * would see) and one call for all of them.
 */
export async function benchExhibitImport(
  opts: { documents?: number; serverUrl?: string } = {},
): Promise<Record<string, unknown>> {
  const n = opts.documents ?? 1000;
  const corpus = generateExhibitCorpus(n, 7).map((d) => ({ fileName: d.name, bytes: Buffer.from(d.text) }));
  const megabytes = corpus.reduce((s, f) => s + f.bytes.length, 0) / 1e6;
  const targets: { dialect: string; target: string; cleanup: () => Promise<void> }[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-bench-'));
  targets.push({
    dialect: 'pglite',
    target: join(dir, 'db'),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  });
  if (opts.serverUrl) {
    const schema = `bench_${Date.now()}`;
    const u = new URL(opts.serverUrl);
    u.searchParams.set('schema', schema);
    targets.push({
      dialect: 'postgres',
      target: u.toString(),
      cleanup: async () => {
        const c = new pg.Client({ connectionString: opts.serverUrl });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      },
    });
  }
  const results: Record<string, unknown> = { documents: n, megabytes: Number(megabytes.toFixed(2)) };
  for (const t of targets) {
    const db = await openDatabase(t.target);
    await migrate(db);
    const t0 = performance.now();
    await importExhibits(db, corpus);
    const batchMs = performance.now() - t0;
    const again0 = performance.now();
    const again = await importExhibits(db, corpus);
    const idempotentMs = performance.now() - again0;
    await db.query('DELETE FROM exhibit_document');
    const one0 = performance.now();
    const sample = corpus.slice(0, Math.min(200, n));
    for (const f of sample) await importExhibits(db, [f]);
    const perFileMs = (performance.now() - one0) / sample.length;
    await db.close();
    await t.cleanup();
    results[t.dialect] = {
      oneCallMs: Math.round(batchMs),
      documentsPerSecond: Math.round(n / (batchMs / 1000)),
      sameBytesAgainMs: Math.round(idempotentMs),
      sameBytesAgainUnchanged: again.unchanged.length,
      oneCallPerFileMsAvg: Number(perFileMs.toFixed(1)),
      oneCallPerFileSample: sample.length,
    };
  }
  if (!opts.serverUrl) results.postgres = 'skipped: set PLAN12B_TEST_PG_URL to include the PostgreSQL server';
  return results;
}
