import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

/**
 * An Assignee is known by its name, compared exactly (its statement, `transfers statement
 * --assignee NAME`, and its payments in the Monthly Calculation). A Transfer to "ALPHA FUNDING  LLC"
 * beside a recorded one to "Alpha Funding LLC" was recorded as a second Assignee, with its own
 * statement and payee line; it is now refused on its line (65), naming the spelling to use.
 */
const HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent';
const transfer = (id: string, assignee: string) =>
  `${id},${assignee},"1 Main Street, Wilmington DE",all,10,10,,,2007-03-01,,direct,`;

async function refusal(db: Database, file: string, lines: string[]): Promise<ProblemsError> {
  try {
    await importTransfers(db, file, Buffer.from(`${[HEADER, ...lines].join('\n')}\n`));
  } catch (e) {
    if (e instanceof ProblemsError) return e;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('an Assignee named otherwise than recorded only by case or spacing', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importTransfers(
      db,
      'first.csv',
      Buffer.from(`${HEADER}\n${transfer('TR-1', 'Alpha Funding LLC')}\n`),
    );
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('is refused on its line (65), naming the recorded spelling; nothing written', async () => {
    const before = await storeSnapshot(db);
    const err = await refusal(db, 'second.csv', [transfer('TR-2', 'ALPHA FUNDING  LLC')]);
    expect(err.exitCode).toBe(65);
    expect(err.problems).toEqual([
      {
        code: 'BAD_INPUT',
        file: 'second.csv',
        line: 2,
        field: 'assignee',
        value: 'ALPHA FUNDING  LLC',
        reason:
          '"ALPHA FUNDING  LLC" differs from the Assignee "Alpha Funding LLC" (recorded) only by case or spacing; write it as "Alpha Funding LLC" (two spellings would be two Assignees)',
      },
    ]);
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('two spellings in one file: the later line is refused, naming the earlier', async () => {
    const err = await refusal(db, 'third.csv', [
      transfer('TR-3', 'Beta Capital'),
      transfer('TR-4', 'beta capital'),
    ]);
    expect(err.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [
        3,
        'assignee',
        '"beta capital" differs from the Assignee "Beta Capital" (on line 2) only by case or spacing; write it as "Beta Capital" (two spellings would be two Assignees)',
      ],
    ]);
  });

  it('the recorded spelling imports', async () => {
    await expect(
      importTransfers(db, 'fourth.csv', Buffer.from(`${HEADER}\n${transfer('TR-2', 'Alpha Funding LLC')}\n`)),
    ).resolves.toMatchObject({ inserted: 1 });
  });
});
