import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * `close show --csv --part P` prints one of three sealed parts (fees, journal, monthly-calculation);
 * any other P is the command line's fault: exit 64 with the three named, before the store is read —
 * as the API's `part=` (400 USAGE). Found by the CLI audit: `--part nope` was 66 ("2025-06 has no
 * sealed part") on a closed month, and on a month not closed the 66 of that instead.
 */
describe('close show --part that CSV cannot print', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('is a usage error (64) naming the parts it prints, under --json the error document', async () => {
    const r = await runCliInProcess([
      '--db',
      tdb.target,
      'close',
      'show',
      '--month',
      '2025-01',
      '--csv',
      '--part',
      'nope',
    ]);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 64, stdout: '' });
    expect(r.stderr).toContain(
      '--part "nope" is not one of fees, journal, monthly-calculation, service-fees, adjustments, class-b',
    );
    expect(r.stderr).toMatch(/give --part one of them/);
    // with --json as well: the two choose what it prints, and that comes first (rule8)
    const both = await runCliInProcess([
      '--db',
      tdb.target,
      'close',
      'show',
      '--month',
      '2025-01',
      '--csv',
      '--part',
      'nope',
      '--json',
    ]);
    expect(both.code).toBe(64);
    const doc = both.json<{ error: { code: string; message: string; hint: string } }>();
    expect(doc.error.code).toBe('USAGE');
    expect(doc.error.message).toMatch(/--json and --csv each choose what/);
    // a part it prints, of a month not closed: still the 66 of that
    const open = await runCliInProcess([
      '--db',
      tdb.target,
      'close',
      'show',
      '--month',
      '2025-01',
      '--csv',
      '--part',
      'journal',
    ]);
    expect(open.code).toBe(66);
  });
});
