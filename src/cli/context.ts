import { type Database, defaultDatabaseTarget, openDatabase, type StoreWorkload } from '../store/database.js';
import { migrate } from '../store/migrations.js';

/** What every command gets: where the database is, and how to print. */
export interface CliContext {
  readonly dbTarget: string;
  /** what the command does with the store: a quick query, or long work (see `workloadOf`) */
  readonly workload: StoreWorkload;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stderr is a terminal: progress bars and colour are welcome */
  readonly interactive: boolean;
}

export function makeContext(dbOption: string | undefined, workload: StoreWorkload = 'long-work'): CliContext {
  return {
    dbTarget: dbOption ?? defaultDatabaseTarget(),
    workload,
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** Opens the store, applying any missing migration first, and always closes it. */
export async function withDatabase<T>(ctx: CliContext, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(ctx.dbTarget, { workload: ctx.workload });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}
