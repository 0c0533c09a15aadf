import {
  closeSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataFolderLockPath, lockDataFolder } from '../../src/store/writerLock.js';

// readFileSync as it is, except that a test may have the lock file vanish just as it is read. The
// worker ran other files before this one (no isolation, vitest.config.ts): the mock needs a fresh
// module cache, and the next file a clean one (afterAll below).
vi.hoisted(() => vi.resetModules());
let vanishOnNextRead: string | undefined;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    if (path === vanishOnNextRead) {
      vanishOnNextRead = undefined;
      fs.rmSync(path);
    }
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});

// The lock file beside an embedded store (SPEC §12: one writer at a time) is created empty and
// then written with its holder's process id. Another process may look at it in between, or just
// after its holder removed it: neither is a stale lock, nor news to the user.
describe('the writer lock file', () => {
  let dir: string;
  let target: string;
  let lockPath: string;
  let stderr: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-lock-'));
    target = join(dir, 'db');
    lockPath = dataFolderLockPath(target);
    stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((t) => {
      stderr += String(t);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not taken from a holder that has created it but not yet written its process id', async () => {
    closeSync(openSync(lockPath, 'wx')); // created this moment, empty
    await expect(lockDataFolder(target, lockPath, 'fees', 300)).rejects.toThrow(/in use/);
    expect(readFileSync(lockPath, 'utf8')).toBe(''); // still the other's
    expect(stderr).toBe(''); // and no "waiting … process ?" notice
  });

  it('is taken when it was left empty by a crash (seconds old)', async () => {
    closeSync(openSync(lockPath, 'wx'));
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath, old, old);
    const release = await lockDataFolder(target, lockPath, 'fees', 0);
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\nfees\n`);
    release();
  });

  it('is taken at once, with no notice, when its holder released it between our attempt and our look', async () => {
    // a live holder (this process's parent) that lets go just as we look: our open found the file,
    // our read finds it gone
    writeFileSync(lockPath, `${process.ppid}\nserve --on-demand\n`);
    vanishOnNextRead = lockPath;
    const release = await lockDataFolder(target, lockPath, 'tokens create', 0);
    expect(vanishOnNextRead).toBeUndefined(); // the race happened
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\ntokens create\n`);
    expect(stderr).toBe('');
    release();
  });

  it("that cannot be read (a dangling link, another user's file) is a holder we do not know: waited for, then refused", async () => {
    symlinkSync(join(dir, 'nowhere'), lockPath);
    await expect(lockDataFolder(target, lockPath, 'fees', 300)).rejects.toThrow(/in use by process \?/);
    expect(stderr).toMatch(/waiting up to 0 s .* in use by process \?/);
    expect(lstatSync(lockPath).isSymbolicLink()).toBe(true);
  });

  it('says once that it waits for a live holder, and is taken when that one lets go', async () => {
    writeFileSync(lockPath, `${process.ppid}\nimports\n`);
    const taking = lockDataFolder(target, lockPath, 'fees', 30_000);
    await vi.waitFor(() => expect(stderr).toMatch(`in use by process ${process.ppid} (imports)`));
    rmSync(lockPath);
    const release = await taking;
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\nfees\n`);
    expect(stderr.match(/waiting/g)).toHaveLength(1);
    release();
  });

  it('is taken from a holder that is no longer alive, and refused while a live one holds it', async () => {
    writeFileSync(lockPath, `${process.ppid}\nclose\n`);
    await expect(lockDataFolder(target, lockPath, 'fees', 0)).rejects.toThrow(
      new RegExp(`in use by process ${process.ppid} \\(close\\)`),
    );
    writeFileSync(lockPath, '2147483646\nclose\n'); // no such process
    const release = await lockDataFolder(target, lockPath, 'fees', 0);
    expect(readFileSync(lockPath, 'utf8')).toBe(`${process.pid}\nfees\n`);
    release();
  });
});
