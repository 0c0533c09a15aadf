import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';

// Hostile run (SPEC §11: `--db PATH`, default $PLAN12B_DB): PLAN12B_DB=$'/data/nl\ndb' created a
// store folder named with a line break, and a name holding an escape sequence was echoed to the
// terminal in every message naming it. Input files with such names are refused (src/cli/readInput.ts);
// the database's name now is too, as the command line's fault, before anything is created.
const dir = mkdtempSync(join(tmpdir(), 'plan12b-dbname-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a database name holding a control character', () => {
  it.each(['nl\ndb', 'esc\u001b[31mred', 'tab\tdb', 'bidi\u202edb'])(
    'refuses %j as a usage error (64) and creates nothing',
    async (name) => {
      let error: unknown;
      try {
        const db = await openDatabase(join(dir, name));
        await db.close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Plan12bError);
      expect((error as Plan12bError).exitCode).toBe(64);
      expect((error as Plan12bError).message).toMatch(
        /^the database \(--db or \$PLAN12B_DB\) ".*" contains /,
      );
      expect(readdirSync(dir)).toEqual([]);
    },
    120_000,
  );
});
