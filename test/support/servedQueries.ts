import { servedQueryFolder } from '../../src/cli/forwardableQuery.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { type CliRun, runCliInProcess, runCliOnOpenStore } from './cli.js';

/**
 * A test's commands on one store, run as a user's are by default: a query `plan12b serve` could
 * answer, on an embedded folder (`servedQueryFolder`, src/cli/forwardableQuery.ts), is answered by
 * the on-demand query server (src/store/onDemandServe.ts), which keeps the store open from one
 * query to the next and runs each in `main`'s embedded run — {@link runCliOnOpenStore} here, on
 * the store this session keeps open. Any other line (a write, a file written, a PostgreSQL URL, an
 * environment of its own) runs as the CLI runs it ({@link runCliInProcess}), the kept store closed
 * first, as the server gives the folder up to a write. For files whose subject is what commands
 * print and write, not how the CLI opens its store (tests of that use runCliInProcess, spawned
 * processes or the on-demand server itself): a query then costs no PGlite start and stop
 * (~0.1–0.2 s of CPU each). {@link release} closes the kept store (before the folder is opened
 * otherwise, and at the end).
 */
export interface ServedQueries {
  /** runs `plan12b --db <target> ...args` */
  run(args: readonly string[], env?: Record<string, string>): Promise<CliRun>;
  /** a statement on the kept store (opened if it is not), as an owner with SQL would run it */
  sql(statement: string): Promise<unknown[]>;
  /** closes the kept store, if one is open */
  release(): Promise<void>;
}

export function servedQueries(target: string): ServedQueries {
  let kept: Promise<Database> | undefined;
  const store = () => {
    if (kept === undefined) {
      const opening = openDatabase(target, { workload: 'query' });
      kept = opening;
      // a store that could not be opened is not kept: the next line tries again, release has nothing to close
      opening.catch(() => {
        if (kept === opening) kept = undefined;
      });
    }
    return kept;
  };
  const release = async () => {
    const k = kept;
    kept = undefined;
    if (k) await (await k).close();
  };
  return {
    async run(args, env = {}) {
      const line = ['--db', target, ...args];
      if (Object.keys(env).length === 0 && servedQueryFolder(line, process.env) !== undefined)
        return runCliOnOpenStore(await store(), line);
      await release();
      return runCliInProcess(line, env);
    },
    async sql(statement) {
      return (await store()).query(statement);
    },
    release,
  };
}
