import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PgliteEngine } from './pgliteEngine.js';
import type { ThreadReply, ThreadRequest, ThreadStart } from './pgliteThreadProtocol.js';
import { Mutex } from './writerLock.js';

/**
 * Where the store's thread's code is: beside this module once built (dist/src/store, and the CLI's
 * bundle in dist/cli), else the build's copy (this module run from its TypeScript source, by the
 * tests: `npm test` builds first).
 */
function workerScript(): URL {
  const candidates = [
    new URL('./pgliteWorker.js', import.meta.url),
    new URL('../../dist/src/store/pgliteWorker.js', import.meta.url),
  ];
  const found = candidates.find((u) => existsSync(fileURLToPath(u)));
  if (found === undefined)
    throw new Error(
      `the embedded store's thread (pgliteWorker.js) is not built: run \`npm run build\` (looked in ${candidates.map((u) => fileURLToPath(u)).join(', ')})`,
    );
  return found;
}

/** An error from the store's thread, as PGlite threw it there (message, SQLSTATE `code`, its fields). */
function threadError(data: Record<string, unknown>): Error {
  const e = new Error(String(data.message ?? 'error in the embedded store'));
  for (const [k, v] of Object.entries(data))
    if (k !== 'message' && k !== 'stack') (e as unknown as Record<string, unknown>)[k] = v;
  if (typeof data.name === 'string') e.name = data.name;
  return e;
}

/**
 * PGlite on a thread of its own (issue 14): the same statements, run by PostgreSQL in WebAssembly
 * on the store's thread (pgliteWorker.ts), while this thread goes on with its JavaScript — so a
 * command that asks for the next rows before it works on the last (the close's chunks) keeps both
 * cores busy. COPY's bytes cross as transferred buffers. Statements outside a transaction wait for
 * the open one, as on PGlite itself; a transaction's statements go in the order they are asked.
 */
export async function openPgliteThread(start: ThreadStart): Promise<PgliteEngine> {
  const worker = new Worker(workerScript(), {
    workerData: start,
    // the process's V8 and heap flags, not those that only say how its own code was given (-e)
    execArgv: process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a)),
  });
  const waiting = new Map<
    number,
    { resolve: (r: ThreadReply & { ok: true }) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  let dead: Error | undefined;
  // the thread keeps the process alive only while a reply is awaited (as a pending query would)
  const holdWhileWaiting = () => (waiting.size > 0 ? worker.ref() : worker.unref());
  worker.on('message', (r: ThreadReply) => {
    const w = waiting.get(r.id);
    if (w === undefined) return;
    waiting.delete(r.id);
    holdWhileWaiting();
    if (r.ok) w.resolve(r);
    else w.reject(threadError(r.error));
  });
  const fail = (e: Error) => {
    dead ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    holdWhileWaiting();
  };
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`the embedded store's thread ended (exit ${code})`)));

  const expect = (id: number) =>
    new Promise<ThreadReply & { ok: true }>((resolve, reject) => {
      if (dead !== undefined) return reject(dead);
      waiting.set(id, { resolve, reject });
      holdWhileWaiting();
    });
  const ask = (request: ThreadRequest, transfer: ArrayBuffer[] = []) => {
    const reply = expect(request.id);
    if (dead === undefined) worker.postMessage(request, transfer);
    return reply;
  };

  // the thread's first message: PGlite has started, or why not
  try {
    await expect(0);
  } catch (e) {
    await worker.terminate();
    throw e;
  }

  const engineOf = (tx: boolean, isOpen: () => boolean): PgliteEngine => {
    const check = () => {
      if (!isOpen()) throw new Error('Transaction is closed');
    };
    return {
      async query(sql, params) {
        check();
        const r = await ask({ id: nextId++, op: 'query', tx, sql, params });
        return { rows: r.rows ?? [], affectedRows: r.affectedRows ?? 0 };
      },
      async exec(sql) {
        check();
        await ask({ id: nextId++, op: 'exec', tx, sql });
      },
      async copyFrom(statement, bytes) {
        check();
        // a buffer of its own, handed over (the caller's may be a view of a larger one it reuses)
        const own = bytes.slice();
        const r = await ask({ id: nextId++, op: 'copyFrom', tx, statement, bytes: own }, [
          own.buffer as ArrayBuffer,
        ]);
        return r.affectedRows ?? 0;
      },
      async copyTo(sql) {
        check();
        return (await ask({ id: nextId++, op: 'copyTo', tx, sql })).pages ?? [];
      },
      transaction: () => Promise.reject(new Error('nested transaction')),
      close: () => Promise.reject(new Error('close the store, not its transaction')),
    };
  };

  // PGlite's rule: a statement outside a transaction waits for the open one to end
  const transactions = new Mutex();
  const outside = engineOf(false, () => true);
  return {
    query: (sql, params) => transactions.run(() => outside.query(sql, params)),
    exec: (sql) => transactions.run(() => outside.exec(sql)),
    copyFrom: (statement, bytes) => transactions.run(() => outside.copyFrom(statement, bytes)),
    copyTo: (sql) => transactions.run(() => outside.copyTo(sql)),
    transaction: (fn) =>
      transactions.run(async () => {
        const endId = nextId++;
        const ended = expect(endId);
        // a rejection of `ended` before it is awaited is still this transaction's outcome
        ended.catch(() => {});
        await ask({ id: nextId++, op: 'begin', endId });
        let open = true;
        let out: Awaited<ReturnType<typeof fn>>;
        try {
          out = await fn(engineOf(true, () => open));
        } catch (e) {
          open = false;
          worker.postMessage({ id: nextId++, op: 'end', commit: false } satisfies ThreadRequest);
          await ended.catch(() => {});
          throw e;
        }
        open = false;
        worker.postMessage({ id: nextId++, op: 'end', commit: true } satisfies ThreadRequest);
        await ended;
        return out;
      }),
    async close() {
      try {
        await transactions.run(() => ask({ id: nextId++, op: 'close' }));
      } finally {
        await worker.terminate();
      }
    },
  };
}
