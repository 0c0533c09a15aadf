import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND } from './payeesComplexFixture.js';

/**
 * `transfers list --csv` prints "the transfers feed's columns and its end" (FORMATS): the file
 * imports again and changes nothing — `portfolio` (not `portfolio_name`), `all` for a Transfer of
 * every portfolio, empty on a record that only ends one.
 */
describe('transfers list --csv is a transfers feed', () => {
  let dir: string;
  let target: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-transfers-list-'));
    target = join(dir, 'db');
    await freshDatabase('pglite', dir);
    const db = await openDatabase(target);
    await buildPayeesComplex(db);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the listed file imports again: 0 new, every record unchanged', async () => {
    const ending = join(dir, 'ending.csv');
    writeFileSync(
      ending,
      'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends\nB-END,,,,,,,,2025-03-01,,,,B\n',
    );
    expect((await runCliInProcess(['--db', target, 'transfers', 'import', ending])).code).toBe(0);
    const list = await runCliInProcess(['--db', target, 'transfers', 'list', '--csv']);
    expect(list.code).toBe(0);
    const [header, ...rows] = list.stdout.trim().split('\n');
    expect(header).toBe(
      'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends',
    );
    expect(rows.find((r) => r.startsWith('A,'))).toContain(`,${FUND},40.00,50.00,`);
    expect(rows.find((r) => r.startsWith('B,'))).toContain('",all,10.00,,');
    expect(rows.find((r) => r.startsWith('B-END,'))).toMatch(/^B-END,,,,,,,,2025-03-01,/);
    const listed = join(dir, 'listed.csv');
    writeFileSync(listed, list.stdout);
    const again = await runCliInProcess(['--db', target, 'transfers', 'import', listed, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toEqual({ inserted: 0, unchanged: 3 });
  });
});
