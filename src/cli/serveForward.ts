import { buildIdentity } from '../buildIdentity.js';
import { canonicalDataFolder } from '../store/dataFolderLockPath.js';
import { lockWaitMs } from '../store/lockWait.js';
import { discoveryOfStartingServe } from '../store/onDemandServe.js';
import { processAlive } from '../store/processAlive.js';
import { removeServeDiscovery } from '../store/serveDiscovery.js';
import { postToServe } from '../store/servePost.js';
import { forwardableQuery, servedQueryFolder } from './forwardableQuery.js';

/**
 * The CLI's fast path (issue 13 item 4): a query command on an embedded store that a running
 * `plan12b serve` holds is asked of that server over HTTP, and what the server's run of the same
 * command printed is printed here, with its exit code. Node's own modules only: bin/plan12b.js calls
 * this before it loads the CLI, Kysely or PGlite. Undefined — run in-process — whenever the
 * forward cannot be trusted to answer exactly: no discovery file, a stale one (its process gone:
 * the file is removed; or the server refuses the connection or the credential), another build,
 * any answer but 200, a line that is not a query (src/cli/forwardableQuery.ts), --no-server or
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
  if (!answer) return undefined;
  printInOrder(answer, io);
  return answer.exitCode;
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

/** POSTs the line to the server; its answer if it is a 200 with an answer, else undefined. */
async function post(
  serving: { host: string; port: number; credential: string },
  body: string,
): Promise<Answer | undefined> {
  const res = await postToServe(serving, '/api/cli/query', body);
  if (res?.status !== 200) return undefined;
  try {
    const a = JSON.parse(res.body.toString('utf8')) as Partial<Answer>;
    const ok = Number.isInteger(a.exitCode) && typeof a.stdout === 'string' && typeof a.stderr === 'string';
    return ok ? (a as Answer) : undefined;
  } catch {
    return undefined;
  }
}
