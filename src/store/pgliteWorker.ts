import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { type PgliteEngine, pgliteInThisThread } from './pgliteEngine.js';
import type { ThreadReply, ThreadRequest, ThreadStart } from './pgliteThreadProtocol.js';

/**
 * The embedded store's own thread (issue 14): PGlite — PostgreSQL in WebAssembly and its file
 * system calls — runs here, so that the command's JavaScript (decoding, the month pass, encoding)
 * runs on the main thread at the same time. `pgliteThread.ts` is the other side: it sends one
 * request per statement and gets the rows, the count or COPY's pages back (bytes transferred, not
 * copied). A transaction is PGlite's own (`PGlite.transaction`): BEGIN, its statements as they
 * come, COMMIT when the main thread says so, ROLLBACK on anything else.
 */
if (parentPort === null) throw new Error('pgliteWorker.ts runs as a worker thread');
const port = parentPort;
const start = workerData as ThreadStart;
const identity = (v: string) => v;

interface OpenTransaction {
  readonly tx: PgliteEngine;
  finish(commit: boolean): void;
}

/** What an error says, as plain data (PGlite's DatabaseError carries the SQLSTATE and its fields). */
function errorData(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { message: String(e) };
  const out: Record<string, unknown> = { message: e.message, name: e.name, stack: e.stack };
  for (const [k, v] of Object.entries(e))
    if (v === undefined || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}

function reply(r: ThreadReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(r, transfer);
}

/** The pages' buffers, each once (a page may be a view of part of its buffer). */
function buffersOf(pages: readonly Uint8Array[]): ArrayBuffer[] {
  return [...new Set(pages.map((p) => p.buffer as ArrayBuffer))];
}

async function main(): Promise<void> {
  let db: PGlite;
  try {
    db = await PGlite.create(start.path === ':memory:' ? undefined : start.path, {
      startParams: [...start.startParams],
      parsers: {
        [pgliteTypes.NUMERIC]: identity,
        [pgliteTypes.INT8]: identity,
        [pgliteTypes.DATE]: identity,
      },
    });
  } catch (e) {
    reply({ id: 0, ok: false, error: errorData(e) });
    return;
  }
  const engine = pgliteInThisThread(db, { blobCopy: start.blobCopy });
  let open: OpenTransaction | undefined;
  const on = (inTransaction: boolean): PgliteEngine => {
    if (!inTransaction) return engine;
    if (open === undefined) throw new Error('Transaction is closed');
    return open.tx;
  };

  const handle = async (m: ThreadRequest): Promise<void> => {
    switch (m.op) {
      case 'query': {
        const res = await on(m.tx).query(m.sql, m.params);
        reply({ id: m.id, ok: true, rows: res.rows, affectedRows: res.affectedRows });
        return;
      }
      case 'exec':
        await on(m.tx).exec(m.sql);
        reply({ id: m.id, ok: true });
        return;
      case 'copyFrom':
        reply({ id: m.id, ok: true, affectedRows: await on(m.tx).copyFrom(m.statement, m.bytes) });
        return;
      case 'copyTo': {
        const pages = await on(m.tx).copyTo(m.sql);
        reply({ id: m.id, ok: true, pages }, buffersOf(pages));
        return;
      }
      case 'begin': {
        if (open !== undefined) throw new Error('nested transaction');
        // PGlite's own transaction: its COMMIT check and its ROLLBACK on failure
        const done = engine.transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              open = {
                tx,
                finish: (commit) => (commit ? resolve() : reject(new RolledBack())),
              };
              reply({ id: m.id, ok: true });
            }),
        );
        done.then(
          () => {
            open = undefined;
            reply({ id: m.endId, ok: true });
          },
          (e: unknown) => {
            const begun = open !== undefined;
            open = undefined;
            if (e instanceof RolledBack) reply({ id: m.endId, ok: true });
            else if (begun) reply({ id: m.endId, ok: false, error: errorData(e) });
            else reply({ id: m.id, ok: false, error: errorData(e) });
          },
        );
        return;
      }
      case 'end':
        if (open === undefined) throw new Error('Transaction is closed');
        open.finish(m.commit);
        return;
      case 'close':
        await engine.close();
        reply({ id: m.id, ok: true });
        return;
    }
  };

  port.on('message', (m: ThreadRequest) => {
    handle(m).catch((e: unknown) => reply({ id: m.id, ok: false, error: errorData(e) }));
  });
  reply({ id: 0, ok: true });
}

/** The main thread ended a transaction without committing it. */
class RolledBack extends Error {}

await main();
