import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { openDatabase } from '../../src/store/database.js';

// Hostile run (SPEC §11, §12: exit codes from src/errors.ts, with what to do): `--db` naming a
// read-only folder was "cannot open the embedded database at …: file system error (errno 2)", and
// a read-only copy of a store "PGlite failed to initialize properly", each with the hint to run
// `plan12b init` — the command that had just failed. PGlite checks the folder's mode bits whoever
// runs it, root included.
const dir = mkdtempSync(join(tmpdir(), 'plan12b-ro-'));
afterAll(() => {
  chmodSync(join(dir, 'store'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('an embedded store in a folder that cannot be written', () => {
  it('is refused as a database problem (69) saying the folder is read-only and what to do', async () => {
    const folder = join(dir, 'store');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    let error: unknown;
    try {
      const db = await openDatabase(folder);
      await db.close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Plan12bError);
    const e = error as Plan12bError;
    expect(e.exitCode).toBe(69);
    expect(e.message).toBe(
      `cannot open the embedded database at ${folder}: the folder is read-only (r-xr-xr-x), and the embedded store writes to its folder even to answer a query`,
    );
    expect(e.hint).toContain(`chmod -R u+w ${folder}`);
  });
});
