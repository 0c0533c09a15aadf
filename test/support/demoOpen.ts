import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import { runCliAsync } from './cli.js';
import { freshDatabase } from './databases.js';
import { copyFolder } from './folderCopy.js';

/**
 * The demo complex recorded with every month open (`runDemo` with `close: false`, from the build in
 * dist/), in a process of its own: its steps hold the event loop for many seconds at a time
 * (PostgreSQL in WebAssembly answers synchronously), which in the test worker starved Vitest's own
 * messages (they time out after 60 s on a loaded machine).
 */
export function recordDemoOpen(target: string, out: string): Promise<void> {
  const dist = (path: string) =>
    JSON.stringify(pathToFileURL(resolve(import.meta.dirname, '../../dist/src', path)).href);
  const script = `
    const { openDatabase } = await import(${dist('store/database.js')});
    const { runDemo } = await import(${dist('demo/runDemo.js')});
    const db = await openDatabase(process.argv[1]);
    try { await runDemo(db, process.argv[2], () => {}, { close: false }); } finally { await db.close(); }`;
  // long work, with the product's own buffer pool (not the suite's small one, vitest.config.ts)
  const { PLAN12B_PGLITE_SHARED_BUFFERS: _suites, ...env } = process.env;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, target, out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`the demo exited ${code}: ${stderr}`)),
    );
  });
}

/** The run's folder (test/support/globalSetup.ts) for a recorded store of this kind, if there is one. */
function runFolder(kind: 'demoOpenTemplate' | 'demoJanuaryClosedTemplate'): string | undefined {
  try {
    return inject(kind);
  } catch {
    return undefined;
  }
}

/**
 * A new PGlite folder at `target` (which must not hold a store) holding what `record` writes into
 * an empty folder: a copy of the run's recording in `template`, which the first file to ask for it
 * makes (once per run; a file that asks meanwhile waits for it); without the run's folder (a file
 * run outside `vitest run`'s global setup), recorded at `target` itself.
 */
async function recordedOnce(
  template: string | undefined,
  target: string,
  record: (db: string) => Promise<void>,
): Promise<void> {
  if (template === undefined) {
    await record(target);
    return;
  }
  const db = join(template, 'db');
  const ready = join(template, 'ready');
  const failed = join(template, 'failed');
  let recorder = false;
  try {
    mkdirSync(join(template, 'claimed'), { recursive: false }); // atomic: one file of the run records it
    recorder = true;
  } catch {}
  if (recorder) {
    try {
      await record(db);
      writeFileSync(ready, '');
    } catch (e) {
      writeFileSync(failed, String((e as Error)?.stack ?? e));
      throw e;
    }
  } else {
    // Another file of the run is recording it: wait for its outcome (the test's hook timeout bounds this).
    while (!existsSync(ready)) {
      if (existsSync(failed))
        throw new Error(`recording ${template} failed: ${readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  rmSync(target, { recursive: true, force: true });
  await copyFolder(db, target, { cached: true });
}

/**
 * The open demo complex in a new PGlite folder at `target` (which must not hold a store): a copy of
 * the one the run recorded (recordedOnce). Recording costs ~10 s of CPU; a copy, a fraction of a
 * second.
 */
export async function demoOpenStore(target: string): Promise<void> {
  await recordedOnce(runFolder('demoOpenTemplate'), target, async (db) => {
    rmSync(db, { recursive: true, force: true });
    await freshDatabase('pglite', resolve(db, '..'));
    await recordDemoOpen(db, resolve(db, '..', 'out'));
  });
}

/** The month the stores of {@link demoJanuaryClosedStore} have closed: the books' first. */
export const DEMO_FIRST_MONTH = '2025-01';

/**
 * The open demo complex with January 2025 closed by `plan12b close --month 2025-01` (spawned, with
 * the suite's settings; it must exit 0) in a new PGlite folder at `target` (which must not hold a
 * store): a copy of the one the run recorded (recordedOnce), for the files that start from that
 * month closed (each closed it itself before: ~1.5 s of CPU a close, and the worker's event loop
 * held meanwhile).
 */
export async function demoJanuaryClosedStore(target: string): Promise<void> {
  await recordedOnce(runFolder('demoJanuaryClosedTemplate'), target, async (db) => {
    await demoOpenStore(db);
    const closed = await runCliAsync(['--db', db, 'close', '--month', DEMO_FIRST_MONTH]);
    if (closed.code !== 0)
      throw new Error(`plan12b close --month ${DEMO_FIRST_MONTH} exited ${closed.code}: ${closed.stderr}`);
  });
}
