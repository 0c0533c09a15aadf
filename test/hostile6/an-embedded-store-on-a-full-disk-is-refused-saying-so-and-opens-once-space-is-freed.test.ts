import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * An embedded store on a full file system (SPEC §12; README: out of disk is exit 69, nothing
 * written, with the next step). A write that runs out of space mid-way was already the database's
 * refusal (SQLSTATE 53100, "free it and run the command again"); but with no byte left PGlite cannot
 * even open the folder, and every command — a query too — said "cannot open the embedded database:
 * PGlite failed to initialize properly" with the hint "check the path given by --db or
 * $PLAN12B_DB, or run `plan12b init`": the wrong next step (hostile6). Now the refusal says the file
 * system is full and to free space; freed, the store opens as it was and verifies.
 *
 * A tmpfs of 80 MB mounted for the test (root only; skipped where it cannot be mounted), filled by
 * a file of zeros to its last byte.
 */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=80m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const mountPoint = mkdtempSync(join(tmpdir(), 'plan12b-hostile6-full-'));
const mounted = process.platform === 'linux' && mountTmpfs(mountPoint);

describe.skipIf(!seedsAvailable || !mounted)('an embedded store on a full disk', () => {
  const db = join(mountPoint, 'db');
  const filler = join(mountPoint, 'filler');
  const args = (...a: string[]) => ['--db', db, '--actor', 'hostile6', ...a];
  const na = join(tmpdir(), `plan12b-hostile6-full-na-${process.pid}.csv`);

  /** Writes zeros until the file system has no byte left. */
  function fill(): void {
    const fd = openSync(filler, 'w');
    const block = Buffer.alloc(64 * 1024);
    try {
      for (;;) {
        const { bavail, bsize } = statfsSync(mountPoint);
        const left = bavail * bsize;
        if (left === 0) break;
        try {
          writeSync(fd, block, 0, Math.min(block.length, left));
        } catch {
          break; // ENOSPC: full
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  beforeAll(async () => {
    const init = await runCliInProcess(
      args('exhibit', 'import', ...seedFiles().filter((f) => /\/002_/.test(f))),
    );
    expect(init.code, init.stderr).toBe(0);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(na, 'date,portfolio,class,net_assets\n2007-01-03,AIM Value Fund,C,36500000.00\n');
    fill();
    expect(statfsSync(mountPoint).bavail).toBe(0);
  });

  afterAll(() => {
    rmSync(na, { force: true });
    if (mounted) {
      // lazily: the process that opened the store may still hold a file of it
      execFileSync('umount', ['-l', mountPoint], { stdio: 'ignore' });
    }
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it.each([
    ['a query', ['fees', '--from', '2007-01-01', '--to', '2007-01-31', '--json']],
    ['an import', ['net-assets', 'import', na, '--json']],
  ])(
    '%s: exit 69 saying the file system is full, with freeing space as the next step',
    async (_what, line) => {
      const r = await runCliInProcess(args(...line));
      expect(r.code, r.stderr).toBe(69);
      const { error } = r.json<{ error: { code: string; message: string; hint: string } }>();
      expect(error.code).toBe('DATABASE');
      expect(error.message).toContain('the file system holding it is full');
      expect(error.hint).toContain('free space');
      expect(error.hint).not.toContain('plan12b init');
    },
  );

  it('space freed, the import is recorded and audit verify finds nothing changed', async () => {
    rmSync(filler);
    const r = await runCliInProcess(args('net-assets', 'import', na, '--json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ inserted: number }>().inserted).toBe(1);
    const v = await runCliInProcess(args('audit', 'verify'));
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});
