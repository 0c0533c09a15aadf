import { existsSync, readdirSync } from 'node:fs';
import { faultPoint } from '../close/faultPoint.js';
import { Plan12bError } from '../errors.js';
import type { Database, Queryable, StoreWorkload } from '../store/database.js';
import { defaultDatabaseTarget, missingEmbeddedStore } from '../store/databaseTarget.js';
import { currentRunningCommand } from '../store/runningCommand.js';
import { fittedText, TEXT_WIDTH, terminalTextWidth } from './table.js';
import { startWorkingBar } from './workingBar.js';

/** Where a command's text goes: stdout and stderr, each given whole pieces of text. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Lends an open, migrated store for the length of fn (`plan12b serve` answering a forwarded query). */
export type StoreLender = <T>(fn: (db: Database) => Promise<T>) => Promise<T>;

/** What every command gets: where the database is, and how to print. */
export interface CliContext {
  readonly dbTarget: string;
  /** what the command does with the store: a quick query, or long work (see `workloadOf`) */
  readonly workload: StoreWorkload;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** the columns text answers keep to (src/cli/table.ts): 80, or a wider terminal's width */
  readonly textWidth?: number;
  /** stderr is a terminal: progress bars and colour are welcome */
  readonly interactive: boolean;
  /** where a progress bar is drawn when interactive (stderr; a test's fake terminal) */
  readonly progressStream?: NodeJS.WritableStream;
  /** the answer is JSON (--json): no progress is drawn, as for every bar of the CLI */
  readonly jsonAnswer?: boolean;
  /** a store already open (`plan12b serve`): commands use it instead of opening dbTarget */
  readonly lendStore?: StoreLender;
  /**
   * a query command run from bin/plan12b.js on an embedded folder: once it has closed the store, it
   * starts the query server on demand (src/store/onDemandServe.ts) with this script
   */
  readonly onDemandServeBin?: string;
}

const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);

export function makeContext(
  dbOption: string | undefined,
  workload: StoreWorkload = 'long-work',
  embedded?: { readonly output: CliOutput; readonly database: StoreLender },
  onDemandServeBin?: string,
  /** the answer is text for a person (not --json, --csv, nor a document): long lines are wrapped */
  textAnswer = false,
  /** the answer is JSON (--json): no progress bar */
  jsonAnswer = false,
): CliContext {
  const width = embedded ? TEXT_WIDTH : terminalTextWidth();
  const fit = (t: string) => (textAnswer ? fittedText(t, width) : t);
  if (embedded)
    return {
      dbTarget: dbOption ?? defaultDatabaseTarget(),
      workload,
      textWidth: width,
      out: (t) => embedded.output.out(line(fit(t))),
      err: (t) => embedded.output.err(line(t)),
      interactive: false,
      lendStore: embedded.database,
    };
  return {
    dbTarget: dbOption ?? defaultDatabaseTarget(),
    workload,
    out: (t) => process.stdout.write(line(fit(t))),
    err: (t) => process.stderr.write(line(t)),
    textWidth: width,
    interactive: Boolean(process.stderr.isTTY),
    jsonAnswer,
    ...(onDemandServeBin ? { onDemandServeBin } : {}),
  };
}

/** Opens the store, applying any missing migration first, and always closes it. */
export async function withDatabase<T>(
  ctx: CliContext,
  fn: (db: Database) => Promise<T>,
  /** a query's: the store must exist (on a server, nothing is created; see requireStoreToRead) */
  opts: { existing?: boolean } = {},
): Promise<T> {
  // `plan12b serve` opened and migrated its store once; the command runs on it and leaves it open
  if (ctx.lendStore) return ctx.lendStore(fn);
  // Loaded here: a query answered from the registry snapshot (registryQuery.ts) never needs them.
  const [{ openDatabase }, { migrate }] = await Promise.all([
    import('../store/database.js'),
    import('../store/migrations.js'),
  ]);
  const db = await openDatabase(ctx.dbTarget, { workload: ctx.workload, existing: opts.existing === true });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
    // the folder is free again: the next queries can be answered by a server that keeps it open
    if (ctx.onDemandServeBin) {
      const { spawnOnDemandServe } = await import('../store/onDemandServe.js');
      spawnOnDemandServe(ctx.dbTarget, ctx.onDemandServeBin, process.env);
    }
  }
}

/**
 * A query command's read: the store opened as by {@link withDatabase}, and fn run in ONE snapshot of
 * it (`readSnapshot`, src/store/readSnapshot.ts), so that what it prints never mixes the state
 * before and after a write another process commits meanwhile (SPEC §11, §12).
 */
export async function withReadSnapshot<T>(ctx: CliContext, fn: (q: Queryable) => Promise<T>): Promise<T> {
  if (!ctx.lendStore) requireStoreToRead(ctx.dbTarget);
  const { readSnapshot } = await import('../store/readSnapshot.js');
  // a read of seconds shows it is under way on a terminal (src/cli/workingBar.ts)
  const bar =
    ctx.interactive && ctx.jsonAnswer !== true
      ? startWorkingBar({
          stream: ctx.progressStream ?? process.stderr,
          label: `${currentRunningCommand()}: reading the store`,
        })
      : undefined;
  try {
    return await withDatabase(
      ctx,
      async (db) => {
        await faultPoint('query:read');
        return readSnapshot(db, fn);
      },
      { existing: true },
    );
  } finally {
    bar?.stop();
  }
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}

/** A query on a store that does not exist is refused, not answered from an empty store made on the spot. */
export function requireStoreToRead(target: string): void {
  const missing = missingEmbeddedStore(target, { existsSync, readdirSync });
  if (missing !== undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      missing,
      'check --db (or $PLAN12B_DB); a new store is made by `plan12b init --db PATH` or by the first import',
    );
}
