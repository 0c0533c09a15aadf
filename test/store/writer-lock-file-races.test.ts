import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
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

/** Field 22 (start time, clock ticks after boot) of /proc/PID/stat; the command name of node has no spaces. */
const startTicks = (pid: number) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[21]!;
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
/** The lock file this process writes, spelt out: its id, its words, who it is beyond its id. */
const ownLock = (what: string) =>
  `${process.pid}\n${what}\nholder started=${startTicks(process.pid)} boot=${bootId()} host=${hostname()}\n`;
const linux = process.platform === 'linux';

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
    expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('fees'));
    release();
  });

  it('is taken at once, with no notice, when its holder released it between our attempt and our look', async () => {
    // a live holder (this process's parent) that lets go just as we look: our open found the file,
    // our read finds it gone
    writeFileSync(lockPath, `${process.ppid}\nserve --on-demand\n`);
    vanishOnNextRead = lockPath;
    const release = await lockDataFolder(target, lockPath, 'tokens create', 0);
    expect(vanishOnNextRead).toBeUndefined(); // the race happened
    expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('tokens create'));
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
    expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('fees'));
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
    expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('fees'));
    release();
  });

  // A process id is reused: the holder of a lock is its id AND its start time within one boot, on
  // one host (src/store/processIdentity.ts). The parent of this process is alive, and started at a
  // known time: a lock naming its id with another start time, or another boot, was written by a
  // process that has died since, whose id the parent now has.
  it.skipIf(!linux)(
    'is taken when its process id now belongs to a process started at another time',
    async () => {
      const other = String(Number(startTicks(process.ppid)) + 1);
      writeFileSync(
        lockPath,
        `${process.ppid}\nplan12b close, since 2026-01-01T00:00:00.000Z\nholder started=${other} boot=${bootId()} host=${hostname()}\n`,
      );
      const release = await lockDataFolder(target, lockPath, 'fees', 0);
      expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('fees'));
      expect(stderr).toBe('');
      release();
    },
  );

  it.skipIf(!linux)('is taken when it was written before this machine last booted', async () => {
    writeFileSync(
      lockPath,
      `${process.ppid}\nclose\nholder started=${startTicks(process.ppid)} boot=00000000-0000-0000-0000-000000000000 host=${hostname()}\n`,
    );
    const release = await lockDataFolder(target, lockPath, 'fees', 0);
    expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('fees'));
    release();
  });

  it.skipIf(!linux)(
    'is refused while the very process that wrote it (same start, same boot) runs',
    async () => {
      const text = `${process.ppid}\nclose\nholder started=${startTicks(process.ppid)} boot=${bootId()} host=${hostname()}\n`;
      writeFileSync(lockPath, text);
      await expect(lockDataFolder(target, lockPath, 'fees', 0)).rejects.toThrow(
        new RegExp(`in use by process ${process.ppid} \\(close\\)`),
      );
      expect(readFileSync(lockPath, 'utf8')).toBe(text);
    },
  );

  // A lock file of the older form (a plan12b before the identity line) names its holder by id
  // alone. Its holder started before it wrote the file: a live process under that id that started
  // after the file was written (here: a child started now, the file dated an hour ago) is another
  // process that got the id since, and the lock is stale. One that started before the file was
  // written, or too little after it to be sure (the wall clock may have been set), is waited for.
  describe.skipIf(!linux)('of the older form (id and words only)', () => {
    let child: ChildProcess;
    beforeEach(() => {
      child = spawn('sleep', ['300'], { stdio: 'ignore' });
    });
    afterEach(() => {
      child.kill();
    });
    const writeOlderForm = (agoMs: number) => {
      writeFileSync(lockPath, `${child.pid}\nclose\n`);
      const at = new Date(Date.now() - agoMs);
      utimesSync(lockPath, at, at);
    };

    it('is taken when the live process under its id started after the file was written', async () => {
      writeOlderForm(3_600_000);
      const release = await lockDataFolder(target, lockPath, 'fees', 0);
      expect(readFileSync(lockPath, 'utf8')).toBe(ownLock('fees'));
      expect(stderr).toBe('');
      release();
    });

    it('is refused while a process that started before the file was written holds its id', async () => {
      writeOlderForm(0);
      await expect(lockDataFolder(target, lockPath, 'fees', 0)).rejects.toThrow(
        new RegExp(`in use by process ${child.pid} \\(close\\)`),
      );
      expect(readFileSync(lockPath, 'utf8')).toBe(`${child.pid}\nclose\n`);
    });

    it('is refused when its process started only seconds after the file was written (the clock may have been set)', async () => {
      writeOlderForm(30_000);
      await expect(lockDataFolder(target, lockPath, 'fees', 0)).rejects.toThrow(/in use by process/);
      expect(readFileSync(lockPath, 'utf8')).toBe(`${child.pid}\nclose\n`);
    });
  });

  it('written on another host is that host’s: never taken on the strength of our process table, and named with its host', async () => {
    // no process here has this id; on the other host one may
    const text =
      '2147483646\nclose\nholder started=5 boot=00000000-0000-0000-0000-000000000000 host=ledger-2\n';
    writeFileSync(lockPath, text);
    await expect(lockDataFolder(target, lockPath, 'fees', 0)).rejects.toThrow(
      /in use by process 2147483646 \(close on host ledger-2\)/,
    );
    expect(readFileSync(lockPath, 'utf8')).toBe(text);
  });

  it('is one lock for one folder reached by two names (a link to it, a link to its parent)', async () => {
    mkdirSync(target);
    symlinkSync(target, join(dir, 'alias'));
    symlinkSync(dir, join(dir, 'parent-alias'));
    const real = `${realpathSync(target)}.lock`;
    expect(dataFolderLockPath(join(dir, 'alias'))).toBe(real);
    expect(dataFolderLockPath(join(dir, 'parent-alias', 'db'))).toBe(real);
    // a folder not made yet: under its parent's real path
    expect(dataFolderLockPath(join(dir, 'parent-alias', 'new'))).toBe(join(realpathSync(dir), 'new.lock'));
    const release = await lockDataFolder(target, dataFolderLockPath(target), 'close', 0);
    try {
      await expect(
        lockDataFolder(join(dir, 'alias'), dataFolderLockPath(join(dir, 'alias')), 'fees', 0),
      ).rejects.toThrow(new RegExp(`in use by process ${process.pid} \\(close\\)`));
    } finally {
      release();
    }
  });

  it('that is a directory is refused at once, saying so: no holder to wait for', async () => {
    mkdirSync(lockPath);
    await expect(lockDataFolder(target, lockPath, 'fees', 30_000)).rejects.toThrow(
      `its lock file ${lockPath} is a directory`,
    );
    expect(stderr).toBe('');
    expect(lstatSync(lockPath).isDirectory()).toBe(true);
  });
});
