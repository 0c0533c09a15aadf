import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/store/database.js';
import { migrate } from '../src/store/migrations.js';

/**
 * Issue 14 item 6: what a test store costs where the test run puts it. The suite gives each test
 * that needs one a copy of a migrated PGlite folder (1,141 files), written from an image in
 * memory as test/support/folderCopy.ts does, and removes it after; this writes and removes such a
 * copy `copies` times in each candidate folder — the system's temporary folder (on this machine
 * ext4 mounted with `discard`) and /dev/shm (tmpfs), where test/support/globalSetup.ts puts the
 * run's folder when it can — and reports wall time and this process's user and kernel CPU per copy.
 */
export async function benchTestStoreCopy(opts: { copies?: number } = {}): Promise<Record<string, unknown>> {
  const copies = opts.copies ?? 15;
  const source = mkdtempSync(join(tmpdir(), 'plan12b-bench-store-'));
  try {
    const db = await openDatabase(join(source, 'db'));
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    const folders: string[] = [];
    const files: [string, Buffer][] = [];
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const r = join(rel, e.name);
        if (e.isDirectory()) {
          folders.push(r);
          walk(join(dir, e.name), r);
        } else files.push([r, readFileSync(join(dir, e.name))]);
      }
    };
    walk(join(source, 'db'), '');
    const bases = [tmpdir(), '/dev/shm'].filter((b, i, all) => all.indexOf(b) === i);
    const out: Record<string, unknown> = {
      files: files.length,
      megabytes: Math.round(files.reduce((n, [, b]) => n + b.length, 0) / 1e4) / 100,
      copies,
    };
    // the candidates taken in turn, round by round, so that a burst of load hits them alike
    const totals = new Map(bases.map((b) => [b, { wallMs: 0, userMs: 0, systemMs: 0 }]));
    for (let i = 0; i < copies; i++)
      for (const base of bases) {
        const t = totals.get(base)!;
        const cpu = process.cpuUsage();
        const t0 = performance.now();
        const dir = mkdtempSync(join(base, 'plan12b-bench-copy-'));
        const db = join(dir, 'db');
        mkdirSync(db);
        for (const r of folders) mkdirSync(join(db, r), { recursive: true });
        for (const [r, bytes] of files) writeFileSync(join(db, r), bytes);
        rmSync(dir, { recursive: true, force: true });
        const used = process.cpuUsage(cpu);
        t.wallMs += performance.now() - t0;
        t.userMs += used.user / 1000;
        t.systemMs += used.system / 1000;
      }
    out.perCopy = Object.fromEntries(
      bases.map((b) => {
        const t = totals.get(b)!;
        let fileSystem = 'unknown';
        try {
          fileSystem =
            statfsSync(b).type === 0x01021994 ? 'tmpfs' : `statfs type 0x${statfsSync(b).type.toString(16)}`;
        } catch {}
        return [
          b,
          {
            fileSystem,
            wallMs: Math.round((t.wallMs / copies) * 10) / 10,
            userMs: Math.round((t.userMs / copies) * 10) / 10,
            systemMs: Math.round((t.systemMs / copies) * 10) / 10,
          },
        ];
      }),
    );
    return out;
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
}
