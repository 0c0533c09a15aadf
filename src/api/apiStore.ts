import { RetryLaterError } from '../errors.js';
import type { Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import {
  type Database,
  isServerUrl,
  openDatabase,
  type Queryable,
  redactUrl,
  type StoreWorkload,
} from '../store/database.js';
import { todayIso } from '../store/governanceStore.js';
import { migrate } from '../store/migrations.js';
import { readSnapshot } from '../store/readSnapshot.js';
import { registryInputsKey } from '../store/registryKey.js';
import { deriveRegistry } from '../store/registryStore.js';
import { withWriteDeadline } from '../store/writeDeadline.js';
import { lockWaitMs, Mutex } from '../store/writerLock.js';

/** The registry as derived, with the documents it was derived from, under the key of its inputs. */
export interface DerivedRegistry {
  readonly key: string;
  readonly registry: Registry;
  readonly documents: readonly StoredDocument[];
}

/**
 * The database as `plan12b serve` holds it: opened and migrated ONCE, and the derived registry
 * kept in memory, rebuilt only when the documents or Board-set rates change (their digest,
 * `registryInputsKey`, is read on each use: a change made by anyone — this server, or the CLI
 * on a PostgreSQL server — is seen at the next request).
 *
 * Connections: embedded PGlite is one connection that queues statements and transactions itself
 * (a read waits for an open transaction to end, so it never sees half of one). A PostgreSQL
 * server gets a small pool of connections, each lent to one request at a time, so a reader never
 * runs inside another request's transaction — a long close holds one and the others keep reading.
 */
export class ApiStore {
  private derived: DerivedRegistry | undefined;
  /** PGlite: a change went through this server since the registry was derived */
  private written = true;
  private deriving: Promise<DerivedRegistry> | undefined;
  private readonly idle: Database[];
  private readonly waiting: ((db: Database) => void)[] = [];
  /** requests using a connection now, and who waits for them to finish (close) */
  private active = 0;
  private drained: (() => void) | undefined;
  /** state-changing requests, one at a time ({@link write}) */
  private readonly writers = new Mutex();
  /** the write running now: what it is and since when (ms), to name it to the ones waiting */
  private writing: { what: string; since: number } | undefined;

  private constructor(
    readonly target: string,
    /** the connections, each replaced by a new one once found lost ({@link live}) */
    private readonly all: Database[],
  ) {
    this.idle = [...all];
  }

  static async open(
    target: string,
    opts: { connections?: number; workload?: StoreWorkload } = {},
  ): Promise<ApiStore> {
    const n = isServerUrl(target) ? Math.max(1, opts.connections ?? 4) : 1;
    const first = await openDatabase(target, opts.workload ? { workload: opts.workload } : {});
    try {
      await migrate(first);
      const rest: Database[] = [];
      for (let i = 1; i < n; i++) rest.push(await openDatabase(target));
      return new ApiStore(target, [first, ...rest]);
    } catch (e) {
      await first.close();
      throw e;
    }
  }

  get dialect(): Database['dialect'] {
    return this.all[0]!.dialect;
  }

  /** Runs fn with a connection of its own (PGlite: the one connection, which queues by itself). */
  async use<T>(fn: (db: Database) => Promise<T>, opts: { again?: boolean } = {}): Promise<T> {
    this.active++;
    try {
      return await this.lend(fn, opts.again === true);
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  /**
   * Runs a state-changing request's fn with a connection of its own, after the writes before it
   * (SPEC §12: one writer at a time). On a server a write may wait long for the writer lock that
   * another process holds (a CLI close, an import); the writes waiting behind it wait here, in
   * turn, holding no connection, so that the others stay free for reads and authentication
   * (before, six uploads during a CLI close took every connection, and the API answered nothing
   * until the close ended).
   *
   * A write waits for its turn as long as a CLI command waits for the writer lock
   * (`PLAN12B_LOCK_WAIT_SECONDS`, src/store/lockWait.ts), not without limit: past it, fn never
   * runs and the request is refused (DATABASE, HTTP 503 with Retry-After), naming the write it
   * waited for. On a server the wait for the writer lock after the turn is out of the same wait
   * (src/store/writeDeadline.ts). `what` names this one to those that wait for it (`POST /api/close`).
   */
  async write<T>(fn: (db: Database) => Promise<T>, what = 'a write'): Promise<T> {
    this.active++;
    const waitMs = lockWaitMs();
    // one wait for the turn here and the writer lock after it (src/store/writeDeadline.ts)
    const deadline = Date.now() + waitMs;
    try {
      return await this.writers.run(
        async () => {
          this.writing = { what, since: Date.now() };
          try {
            return await withWriteDeadline(deadline, () => this.lend(fn));
          } finally {
            this.writing = undefined;
          }
        },
        { ms: waitMs, refusal: () => this.busy(waitMs) },
      );
    } finally {
      this.active--;
      if (this.active === 0) this.drained?.();
    }
  }

  /** The refusal of a write that waited `waitMs` for the writes before it. */
  private busy(waitMs: number): RetryLaterError {
    const running = this.writing;
    const target = isServerUrl(this.target) ? redactUrl(this.target) : this.target;
    const seconds = Math.round(waitMs / 1000);
    return new RetryLaterError(
      `the database ${target} is busy with another write of this server${
        running ? ` (${running.what}, running for ${Math.round((Date.now() - running.since) / 1000)} s)` : ''
      }: this request waited ${seconds} s for its turn and was not run`,
      `nothing was written; send the request again after the Retry-After seconds (PLAN12B_LOCK_WAIT_SECONDS, on the server, sets how long a write waits)`,
      Math.max(1, seconds),
    );
  }

  /** Runs fn on a connection of its own, in ONE snapshot of the database (a read-only request). */
  read<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    // a read writes nothing: one whose session ended under it is asked again on a new one
    return this.use((db) => readSnapshot(db, fn), { again: true });
  }

  /**
   * Lends a connection, a new one in place of one whose server session has ended (a restart, a
   * terminated backend: before, serve kept it and refused every request it was lent to until
   * serve itself was restarted). `again`: fn writes nothing, and is run once more on a new
   * connection if its session ends while it runs.
   */
  private async lend<T>(fn: (db: Database) => Promise<T>, again = false): Promise<T> {
    if (this.dialect === 'pglite') return fn(this.all[0]!);
    let db = this.idle.pop() ?? (await new Promise<Database>((resolve) => this.waiting.push(resolve)));
    try {
      db = await this.live(db);
      try {
        return await fn(db);
      } catch (e) {
        if (!again || db.connectionLost?.() !== true) throw e;
        db = await this.live(db);
        return await fn(db);
      }
    } finally {
      const next = this.waiting.shift();
      if (next) next(db);
      else this.idle.push(db);
    }
  }

  /**
   * The connection itself, or a new one in its place (in the pool too) when its session has ended.
   * A new one that cannot be opened (the server still down) is the request's refusal (503); the
   * lost one stays in the pool, to be replaced at its next turn.
   */
  private async live(db: Database): Promise<Database> {
    if (db.connectionLost?.() !== true) return db;
    const fresh = await openDatabase(this.target);
    this.all[this.all.indexOf(db)] = fresh;
    await db.close().catch(() => {});
    return fresh;
  }

  /**
   * A state-changing request has finished. On PGlite the data folder is this process's alone, so
   * every change comes through here: until the next one, the registry derived stands without
   * asking the database (which, during a close, would wait for the close's transaction).
   */
  markWritten(): void {
    this.written = true;
  }

  /** The registry derived from the documents, Board-set rates and governance records now recorded. */
  registry(): Promise<DerivedRegistry> {
    if (this.dialect === 'pglite' && !this.written && this.derived) return Promise.resolve(this.derived);
    return this.use(
      async (db) => {
        this.written = false;
        const key = await registryInputsKey(db);
        if (this.derived?.key === key) return this.derived;
        // one derivation at a time; a request that arrives meanwhile waits for it
        this.deriving ??= (async () => {
          try {
            // read in one snapshot, and keyed by the key read in it
            const derived = await readSnapshot(db, async (tx) => {
              const today = todayIso();
              const key = await registryInputsKey(tx, today);
              return { key, ...(await deriveRegistry(tx, today)) };
            });
            this.derived = derived;
            return derived;
          } finally {
            this.deriving = undefined;
          }
        })();
        // derived from a snapshot no older than the key read above
        return this.deriving;
      },
      { again: true },
    );
  }

  /** Closes the connections once the requests using them have finished. */
  async close(): Promise<void> {
    if (this.active > 0)
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    for (const db of this.all) await db.close();
  }
}
