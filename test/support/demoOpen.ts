import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, target, out], {
      stdio: ['ignore', 'ignore', 'pipe'],
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
