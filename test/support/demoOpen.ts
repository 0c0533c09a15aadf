import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
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

/** The run's folder for the open demo complex (test/support/globalSetup.ts), if there is one. */
function demoOpenTemplate(): string | undefined {
  try {
    return inject('demoOpenTemplate');
  } catch {
    return undefined;
  }
}

/**
 * The open demo complex in a new PGlite folder at `target` (which must not hold a store): a copy of
 * the one the run recorded, which the first file to ask for it records (once per run; a file that
 * asks meanwhile waits for it). Without the run's folder (a file run outside `vitest run`'s global
 * setup), recorded here. Recording costs ~30 s of CPU; a copy, a fraction of a second.
 */
export async function demoOpenStore(target: string): Promise<void> {
  const template = demoOpenTemplate();
  if (template === undefined) {
    await freshDatabase('pglite', resolve(target, '..'));
    await recordDemoOpen(target, resolve(target, '..', 'out'));
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
      await freshDatabase('pglite', template);
      await recordDemoOpen(db, join(template, 'out'));
      writeFileSync(ready, '');
    } catch (e) {
      writeFileSync(failed, String((e as Error)?.stack ?? e));
      throw e;
    }
  } else {
    // Another file of the run is recording it: wait for its outcome (the test's hook timeout bounds this).
    while (!existsSync(ready)) {
      if (existsSync(failed))
        throw new Error(`recording the open demo failed: ${readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  rmSync(target, { recursive: true, force: true });
  await copyFolder(db, target, { cached: true });
}
