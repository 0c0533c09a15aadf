import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadOmnibusMonths } from '../../src/store/omnibusRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// Each bad row with the field it gets wrong (line 2 is a good row).
const BAD: [string, string][] = [
  ['2005-13,O1,AIM Blue Chip Fund,1,0,1', 'month'],
  ['1989-12,O1,AIM Blue Chip Fund,1,0,1', 'month'],
  ['2005-01,N1,AIM Blue Chip Fund,1,0,1', 'account'],
  ['2005-01,X9,AIM Blue Chip Fund,1,0,1', 'account'],
  ['2005-01,O1,No Such Fund,1,0,1', 'portfolio'],
  ['2005-02,O1,AIM Blue Chip Fund,-1,0,1', 'free_shares_issued'],
  ['2005-02,O1,AIM Blue Chip Fund,1,0.00001,1', 'free_shares_redeemed'],
  ['2005-02,O1,AIM Blue Chip Fund,1,0,1e3', 'free_shares_outstanding'],
  ['2005-01,O1,aim blue chip fund,1,0,1', 'month'],
];

describe.skipIf(!seedsAvailable).each(dialects)('a bad omnibus file on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    await importAccounts(db, 'a.csv', Buffer.from('account,omnibus,dealer_of_record\nO1,yes,D1\nN1,no,D1'));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('lists every problem with line and field (65); nothing is written', async () => {
    const bytes = Buffer.from(
      [
        'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
        '2005-01,O1,AIM Blue Chip Fund,1,0,1',
        ...BAD.map(([row]) => row),
      ].join('\n'),
    );
    const audit = await loadAuditLog(db);
    const e = await importOmnibusMonths(db, 'bad.csv', bytes).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ProblemsError);
    const err = e as ProblemsError;
    expect(err.exitCode).toBe(65);
    expect(err.problems.map((p) => `${p.line}:${p.field}`)).toEqual(
      BAD.map(([, field], i) => `${i + 3}:${field}`),
    );
    // The last row names the same account, portfolio (another spelling) and month as line 2.
    expect(err.problems.at(-1)!.reason).toMatch(/duplicate row .* \(first on line 2\)/);
    expect(await loadOmnibusMonths(db)).toEqual(new Map());
    expect(await loadAuditLog(db)).toEqual(audit);
  });
});
