import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { newestAudit } from '../support/storeSnapshot.js';

/**
 * One writer at a time on the embedded store (SPEC §12; issue 9 §5): two plan12b processes on one
 * PGlite data folder never both write to it. The first is held inside its import (a fault point
 * that waits for SIGUSR2), so the overlap is certain, not a matter of timing: the second waits
 * for it and then runs — both acknowledged writes are there — or, told not to wait, refuses with
 * the holder's process id (69) and writes nothing.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Running {
  readonly child: ChildProcess;
  /** resolves once stderr contains the text (rejects if the process ends first) */
  said(text: string): Promise<void>;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Every process a test started, so that none is left holding the folder if a test fails. */
const started: ChildProcess[] = [];

function start(args: readonly string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, [join(root, 'bin', 'plan12b.js'), ...args], {
    env: { ...process.env, PLAN12B_FAULT: '', PLAN12B_ACTOR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of [...waiters])
      if (stderr.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    check();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      for (const w of waiters.splice(0))
        w.reject(
          new Error(`process ended (exit ${code}) before saying ${JSON.stringify(w.text)}:\n${stderr}`),
        );
      resolve({ code, stdout, stderr });
    });
  });
  return {
    child,
    done,
    said: (text) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ text, resolve, reject });
        check();
      }),
  };
}

const naFile = (portfolio: string, cls: string) =>
  [
    'date,portfolio,class,net_assets',
    `2007-01-03,${portfolio},${cls},1000000.00`,
    `2007-01-04,${portfolio},${cls},1000100.00`,
    `2007-01-05,${portfolio},${cls},1000200.00`,
    '',
  ].join('\n');

/** Three days of net assets for each class (seed 002: AIM Value Fund A, C, R; AIM Value II Fund C). */
const FILES = {
  valueA: ['AIM Value Fund', 'A'],
  valueC: ['AIM Value Fund', 'C'],
  valueR: ['AIM Value Fund', 'R'],
  valueIIC: ['AIM Value II Fund', 'C'],
} as const;

describe.skipIf(!seedsAvailable)('two CLI processes on one PGlite folder', () => {
  let tdb: TestDatabase;
  const files = {} as Record<keyof typeof FILES, string>;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    await db.close();
    for (const [key, [portfolio, cls]] of Object.entries(FILES)) {
      const file = join(dirname(tdb.target), `${key}.csv`);
      writeFileSync(file, naFile(portfolio, cls));
      files[key as keyof typeof FILES] = file;
    }
  });
  afterAll(async () => {
    for (const child of started)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await tdb.drop();
  });

  const importArgs = (actor: string, file: string) => [
    '--db',
    tdb.target,
    '--actor',
    actor,
    'net-assets',
    'import',
    file,
    '--json',
  ];

  /** The net-assets rows recorded, per "portfolio class". */
  async function rowsByClass(): Promise<Record<string, number>> {
    const db = await tdb.open();
    try {
      const rows = await db.query<{ k: string; n: string }>(
        `SELECT portfolio_name || ' ' || class AS k, count(*)::text AS n FROM net_assets GROUP BY 1 ORDER BY 1`,
      );
      return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
    } finally {
      await db.close();
    }
  }

  it('the second waits while the first holds the folder, then runs: both acknowledged writes are there', async () => {
    const first = start(importArgs('First Process', files.valueA), {
      PLAN12B_FAULT: 'import:net-assets:hold',
    });
    await first.said('fault point import:net-assets reached');
    const second = start(importArgs('Second Process', files.valueC), { PLAN12B_LOCK_WAIT_SECONDS: '600' });
    // The second has found the folder taken by the first, which is still inside its import.
    await second.said(`in use by process ${first.child.pid}`);
    first.child.kill('SIGUSR2');
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ inserted: 3 });
    expect(JSON.parse(b.stdout)).toMatchObject({ inserted: 3 });
    expect(await rowsByClass()).toEqual({ 'AIM Value Fund A': 3, 'AIM Value Fund C': 3 });
    const db = await tdb.open();
    try {
      expect((await newestAudit(db, 2)).map((r) => r.actor)).toEqual(['First Process', 'Second Process']);
    } finally {
      await db.close();
    }
  });

  it('told not to wait (PLAN12B_LOCK_WAIT_SECONDS=0), the second refuses with the holder’s process id (69) and writes nothing', async () => {
    const first = start(importArgs('First Process', files.valueR), {
      PLAN12B_FAULT: 'import:net-assets:hold',
    });
    await first.said('fault point import:net-assets reached');
    const second = await start(importArgs('Second Process', files.valueIIC), {
      PLAN12B_LOCK_WAIT_SECONDS: '0',
    }).done;
    expect(second.code).toBe(69);
    expect(second.stderr).toContain(`in use by process ${first.child.pid}`);
    expect(JSON.parse(second.stdout).error).toMatchObject({ code: 'DATABASE', exit: 69 });
    first.child.kill('SIGUSR2');
    expect((await first.done).code).toBe(0);
    // the first's write is there; the refused second's is not
    expect(await rowsByClass()).toEqual({
      'AIM Value Fund A': 3,
      'AIM Value Fund C': 3,
      'AIM Value Fund R': 3,
    });
  });
});
