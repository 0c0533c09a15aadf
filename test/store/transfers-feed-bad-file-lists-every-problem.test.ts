import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDocument, PROBLEMS_SHOWN, ProblemsError } from '../../src/errors.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { loadTransferRows } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends';

// Each bad row with the one field it gets wrong (line 2 is a good row).
const BAD: [string, string][] = [
  [',Alpha,addr,all,50,,,,2004-01-01,,direct,,', 'id'],
  ['T3,,addr,all,50,,,,2004-01-01,,direct,,', 'assignee'],
  ['T4,Gamma,,all,50,,,,2004-01-01,,direct,,', 'address'],
  ['T5,Delta,addr,all,25%,,,,2004-01-01,,direct,,', 'twelve_b1_portion_pct'],
  ['T6,Epsilon,addr,all,,150,,,2004-01-01,,direct,,', 'cdsc_portion_pct'],
  ['T7,Zeta,addr,all,,,,,2004-01-01,,direct,,', 'twelve_b1_portion_pct'],
  ['T8,Eta,addr,all,10,,,,someday,,direct,,', 'effective_date'],
  ['T9,Theta,addr,all,10,,,,0000-01-01,,direct,,', 'effective_date'],
  ['T10,Iota,addr,all,10,,2004-12-31,2004-01-01,2004-01-01,,direct,,', 'doi_to'],
  ['T11,Kappa,addr,all,10,,,,2004-01-01,,wire,,', 'payment'],
  ['T12,Lambda,addr,all,10,,,,2004-01-01,,depository,,', 'depository_agent'],
  ['T13,Mu,addr,No Such Fund,10,,,,2004-01-01,,direct,,', 'portfolio'],
  ['T14,,,,,,,,2004-06-01,,,,T99', 'ends'],
  ['T15,,,,,,,,2004-06-01,,,,T15', 'ends'],
  ['T1,Alpha again,addr,all,10,,,,2004-01-01,,direct,,', 'id'],
  ['T16,"Nu\u0001Co",addr,all,10,,,,2004-01-01,,direct,,', 'assignee'],
  ...Array.from({ length: 8 }, (_, i): [string, string] => [
    `X${i},Xi,addr,all,1.0000001,,,,2004-01-01,,direct,,`,
    'twelve_b1_portion_pct',
  ]),
];

describe.each(dialects)('a bad transfers file on %s', (dialect) => {
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

  it('lists every problem with file, line and field (65); nothing is written', async () => {
    const bytes = Buffer.from(
      [HEADER, 'T1,Alpha LLC,"1 Main St",all,50,,,,2004-01-01,,direct,,', ...BAD.map(([row]) => row)].join(
        '\n',
      ),
    );
    const e = await importTransfers(db, 'bad.csv', bytes).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ProblemsError);
    const err = e as ProblemsError;
    expect(err.exitCode).toBe(65);
    expect(err.problems.map((p) => `${p.file}:${p.line}:${p.field}`)).toEqual(
      BAD.map(([, field], i) => `bad.csv:${i + 3}:${field}`),
    );
    expect(err.problems.every((p) => p.code === 'BAD_INPUT')).toBe(true);
    // 24 problems: the text shows the first 20 and says how many more; --json lists them all.
    expect(BAD.length).toBe(24);
    expect(err.message).toContain(`… and ${BAD.length - PROBLEMS_SHOWN} more`);
    expect(errorDocument(err).error.problems).toHaveLength(BAD.length);
    expect(await loadTransferRows(db)).toEqual([]);
    expect(await loadAuditLog(db)).toEqual([]);
  });
});
