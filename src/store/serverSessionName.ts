import { hostname } from 'node:os';

/**
 * The name a plan12b command gives its PostgreSQL server session (`application_name`), and the
 * writer-lock holder read back from it. The session's backend process id is the server's, not
 * the command's: a waiting command that said "in use by process N" with the backend's id sent the
 * user to `kill` a process that is not plan12b's (and, on another machine, not even there). So the
 * name carries the command's own process id and host: `plan12b 4242@ledger-1: plan12b close`.
 * PostgreSQL keeps 63 bytes of it; the command's words are cut first.
 */
export function serverSessionName(pid: number, host: string, command: string): string {
  const head = `plan12b ${pid}@${host.slice(0, 24)}: `;
  return cutToBytes(`${head}${command}`, 63);
}

function cutToBytes(text: string, bytes: number): string {
  let out = text;
  while (Buffer.byteLength(out, 'utf8') > bytes) out = out.slice(0, -1);
  return out;
}

/**
 * Who holds the writer lock, from the holding session's backend id and name: a plan12b command's
 * own process id and words (and its host when that is not this machine); a session that is not
 * plan12b's (psql, say) by its backend id and whatever name it gave.
 */
export function lockHolderOfSession(
  backendPid: number,
  applicationName: string | null,
  thisHost: string = hostname(),
): { pid: number; what: string } {
  const m = /^plan12b (\d+)@([^:]*): (.*)$/s.exec(applicationName ?? '');
  if (m === null) return { pid: backendPid, what: applicationName ?? '' };
  const host = m[2]!;
  const elsewhere = host !== thisHost.slice(0, 24);
  return { pid: Number(m[1]), what: elsewhere ? `${m[3]!} on host ${host}` : m[3]! };
}

/** This process's session name for the command running now. */
export function thisSessionName(command: string): string {
  return serverSessionName(process.pid, hostname(), command);
}
