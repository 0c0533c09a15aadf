import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { failureOf } from './support/failure.js';
import { WORKED_PROVIDERS_CSV } from './support/workedExample.js';
import { seedWorkedClass, serviceFeeCounts } from './support/workedStore.js';

// Hostile provider ids: a line break inside a quoted cell, a bell and an escape character, a
// formula for a spreadsheet. Each is refused as bad input (65) naming the field, never a crash (70).
describe.skipIf(!seedsAvailable).each(dialects)('hostile provider ids on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await seedWorkedClass(db);
    await importProviders(db, 'providers.csv', Buffer.from(WORKED_PROVIDERS_CSV));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('providers import: each hostile id is refused with 65, the field and the value; nothing written', async () => {
    const before = { counts: await serviceFeeCounts(db), audit: (await loadAuditLog(db)).length };
    const file = Buffer.from(
      [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-2\u0007,Bell Securities,dealer,2006-01-01,,',
        'DLR-3\u001b[2J,Escape Securities,dealer,2006-01-01,,',
        '=HYPERLINK(1),Formula Securities,dealer,2006-01-01,,',
        'DLR-4,Fine Securities,dealer,2006-01-01,,',
        '"DLR\n5",Newline Securities,dealer,2006-01-01,,',
      ].join('\n'),
    );
    const f = await failureOf(importProviders(db, 'evil.csv', file));
    expect([f.code, f.exit]).toEqual(['BAD_INPUT', 65]);
    expect(f.problems.map((p) => [p.field, p.value])).toEqual([
      ['id', 'DLR-2\u0007'],
      ['id', 'DLR-3\u001b[2J'],
      ['id', '=HYPERLINK(1)'],
      ['id', 'DLR\n5'],
    ]);
    expect(f.problems.map((p) => p.line).slice(0, 3)).toEqual([2, 3, 4]);
    expect(f.problems[0]!.reason).toMatch(/control character or line break/);
    expect(f.problems[2]!.reason).toMatch(/is not a provider id/);
    expect(f.problems[3]!.reason).toMatch(/control character or line break/);
    // The valid row on line 5 is not written either: all or nothing.
    expect(await serviceFeeCounts(db)).toEqual(before.counts);
    expect((await loadAuditLog(db)).length).toBe(before.audit);
  });

  it('provider-assets import: a provider cell with a control character is refused with 65 and the field', async () => {
    const before = await serviceFeeCounts(db);
    const f = await failureOf(
      importProviderAssets(
        db,
        'assets.csv',
        Buffer.from(
          'date,provider,portfolio,class,net_assets\n2007-01-02,BNK-1\u0000x,AIM Value Fund,C,1.00',
        ),
      ),
    );
    // A NUL byte makes the whole file binary: refused before any row is read.
    expect([f.code, f.exit, f.problems[0]!.field]).toEqual(['BAD_INPUT', 65, null]);
    const g = await failureOf(
      importProviderAssets(
        db,
        'assets.csv',
        Buffer.from(
          'date,provider,portfolio,class,net_assets\n2007-01-02,"DLR-1\u0085",AIM Value Fund,C,1.00',
        ),
      ),
    );
    expect([g.code, g.exit]).toEqual(['BAD_INPUT', 65]);
    expect(g.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'provider', 'DLR-1\u0085']]);
    expect(await serviceFeeCounts(db)).toEqual(before);
  });
});
