import { buildIdentity } from '../buildIdentity.js';
import { canonicalDataFolder, dataFolderLockPath } from '../store/dataFolderLockPath.js';
import { lockWaitMs } from '../store/lockWait.js';
import { discoveryOfStartingServe } from '../store/onDemandServe.js';
import { processAlive } from '../store/processAlive.js';
import { removeServeDiscovery } from '../store/serveDiscovery.js';
import { postToServe } from '../store/servePost.js';
import { holderRunning, readHolder } from '../store/writerLock.js';
import { forwardableQuery, servedQueryFolder } from './forwardableQuery.js';

/**
 * The CLI's fast path (issue 13 item 4): a query command on an embedded store that a running
 * `plan12b serve` holds is asked of that server over HTTP, and what the server's run of the same
 * command printed is printed here, with its exit code. Node's own modules only: bin/plan12b.js calls
 * this before it loads the CLI, Kysely or PGlite. Undefined — run in-process — whenever the
 * forward cannot be trusted to answer exactly: no discovery file, a stale one (its process gone:
 * the file is removed; or the server refuses the connection), another build, a refusal by a
 * server that does not hold the folder's lock, a line that is not a query (src/cli/forwardableQuery.ts), --no-server or
 * PLAN12B_NO_SERVER=1.
 */
export async function forwardToServe(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: { out(text: string): void; err(text: string): void },
): Promise<number | undefined> {
  const target = servedQueryFolder(args, env);
  if (target === undefined) return undefined;
  // a query server started on demand and not yet listening is waited for, as the folder would be
  const serving = await discoveryOfStartingServe(target, lockWaitMs());
  if (!serving || serving.db !== canonicalDataFolder(target)) return undefined;
  if (!processAlive(serving.pid)) {
    removeServeDiscovery(target, serving.pid);
    return undefined;
  }
  const build = buildIdentity();
  if (build === undefined || build !== serving.build) return undefined;
  // the server answers from the store it holds: --db (relative to this process's folder) stays here
  const forwarded = forwardableQuery(args)!.withoutDb;
  const answer = await post(serving, JSON.stringify({ args: forwarded, build }));
  if (answer === undefined) return undefined;
  if ('refused' in answer)
    return refusedByHolder(target, serving, answer.refused, args.includes('--json'), io);
  printInOrder(answer, io);
  return answer.exitCode;
}

/**
 * A serve that answered but refused the query (its credential refused, its database unreadable,
 * a bug): when it is the folder's writer-lock holder — a `serve`, not one started on demand, which
 * steps aside — the line cannot run in-process either, and there it was refused as "held by
 * plan12b serve … it answers query commands for the CLI" (69), the server's own answer never shown
 * (hostile7, left by hostile6). Its refusal is printed instead, named as the server's, and the
 * exit code is its error document's (69 without one). Undefined — in-process — for any other
 * server: a stale discovery file whose port another process answers.
 */
function refusedByHolder(
  target: string,
  serving: { pid: number; host: string; port: number; onDemand?: boolean },
  refused: { status: number; body: Buffer },
  json: boolean,
  io: { out(text: string): void; err(text: string): void },
): number | undefined {
  if (serving.onDemand === true) return undefined;
  const holder = readHolder(dataFolderLockPath(target));
  if (holder?.pid !== serving.pid || !holderRunning(holder)) return undefined;
  let error: { code?: unknown; exit?: unknown; message?: unknown; hint?: unknown } | undefined;
  try {
    error = (JSON.parse(refused.body.toString('utf8')) as { error?: typeof error }).error;
  } catch {}
  const message = typeof error?.message === 'string' ? `: ${error.message}` : '';
  const hint = typeof error?.hint === 'string' ? `${error.hint}; ` : '';
  const url = `http://${serving.host.includes(':') ? `[${serving.host}]` : serving.host}:${serving.port}`;
  const exit = Number.isInteger(error?.exit) ? (error!.exit as number) : 69;
  const said = `plan12b serve (process ${serving.pid}, ${url}) holds ${target} and refused this query (HTTP ${refused.status})${message}`;
  const next = `${hint}its log says more; or stop it (kill ${serving.pid}) and run this command again`;
  // --json: the error document on stdout, as the CLI prints its own (src/cli/main.ts)
  if (json) {
    const code = typeof error?.code === 'string' ? error.code : 'DATABASE';
    const document = { error: { code, exit, message: said, hint: next, problems: [] } };
    io.out(`${JSON.stringify(document, null, 2)}\n`);
  }
  io.err(`plan12b: error: ${said}\n  ${next}\n`);
  return exit;
}

interface Answer {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** the order the command wrote in: [stream, characters] runs */
  readonly sequence?: readonly (readonly [string, number])[];
}

/** Writes stdout and stderr in the order the command wrote them (else stdout, then stderr). */
export function printInOrder(answer: Answer, io: { out(text: string): void; err(text: string): void }): void {
  const runs = Array.isArray(answer.sequence) ? answer.sequence : [];
  const wellFormed = runs.every(
    (r) => Array.isArray(r) && (r[0] === 'stdout' || r[0] === 'stderr') && Number.isInteger(r[1]) && r[1] > 0,
  );
  const total = (stream: string) => runs.filter((r) => r[0] === stream).reduce((n, r) => n + r[1], 0);
  if (!wellFormed || total('stdout') !== answer.stdout.length || total('stderr') !== answer.stderr.length) {
    if (answer.stdout) io.out(answer.stdout);
    if (answer.stderr) io.err(answer.stderr);
    return;
  }
  const at = { stdout: 0, stderr: 0 };
  for (const [stream, n] of runs) {
    const s = stream === 'stdout' ? 'stdout' : 'stderr';
    const text = answer[s].slice(at[s], at[s] + n);
    at[s] += n;
    if (s === 'stdout') io.out(text);
    else io.err(text);
  }
}

/**
 * POSTs the line to the server: its answer if it is a 200 with an answer, what it refused with if
 * it answered another status, else (no answer, or a 200 that is not one) undefined.
 */
async function post(
  serving: { host: string; port: number; credential: string },
  body: string,
): Promise<Answer | { refused: { status: number; body: Buffer } } | undefined> {
  const res = await postToServe(serving, '/api/cli/query', body);
  if (res === undefined) return undefined;
  if (res.status !== 200) return { refused: res };
  try {
    const a = JSON.parse(res.body.toString('utf8')) as Partial<Answer>;
    const ok = Number.isInteger(a.exitCode) && typeof a.stdout === 'string' && typeof a.stderr === 'string';
    return ok ? (a as Answer) : undefined;
  } catch {
    return undefined;
  }
}
