import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDocument, ProblemsError } from '../../src/errors.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { failureOf } from './support/failure.js';
import { serviceFeeCounts } from './support/workedStore.js';

const providers = (rows: string[]) =>
  Buffer.from(['id,name,kind,agreement_date,own_rate_pct,terminated_on', ...rows].join('\n'));

// 1 row with three bad cells, 22 rows with a bad kind, then rules across rows: 28 problems.
const BROKERS = Array.from({ length: 22 }, (_, i) => `BRK-${i + 1},Broker ${i + 1},broker,2006-01-01,,`);
const FILE = providers([
  'DLR-1,,dealer,2006-13-01,25%,',
  ...BROKERS,
  'DUP-1,Dup Securities,dealer,2006-01-01,0,',
  'DUP-1,Dup Again,dealer,2006-01-01,,2005-01-01',
]);

describe.each(dialects)('a bad providers file on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('lists every problem — each with file, line, field and value — exits 65, and writes nothing', async () => {
    const before = { counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length };
    const f = await failureOf(importProviders(db, 'providers.csv', FILE));
    expect([f.code, f.exit]).toEqual(['BAD_INPUT', 65]);
    expect(f.problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [2, 'name', ''],
      [2, 'agreement_date', '2006-13-01'],
      [2, 'own_rate_pct', '25%'],
      ...BROKERS.map((_, i) => [3 + i, 'kind', 'broker']),
      [25, 'own_rate_pct', '0'],
      [26, 'id', 'DUP-1'],
      [26, 'terminated_on', '2005-01-01'],
    ]);
    expect(f.problems).toHaveLength(28);
    expect(f.problems.every((p) => p.file === 'providers.csv' && p.code === 'BAD_INPUT')).toBe(true);
    expect(f.problems[2]!.reason).toMatch(/without "%"/);
    expect(f.problems[26]!.reason).toBe('provider DUP-1 appears twice (first on line 25)');
    expect(f.problems[27]!.reason).toMatch(/precedes the agreement date 2006-01-01/);
    // The text shows the first 20 and the count; the JSON error document lists all 28.
    expect(f.message).toMatch(/^28 problems:/);
    expect(f.message).toMatch(/… and 8 more \(--json lists them all\)$/);
    const err = await importProviders(db, 'providers.csv', FILE).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProblemsError);
    expect(errorDocument(err as ProblemsError).error.problems).toHaveLength(28);
    expect(await serviceFeeCounts(db)).toEqual(before.counts);
    expect((await loadAuditLog(db)).length).toBe(before.audit);
  });
});
