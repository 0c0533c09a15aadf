import { Plan12bError } from '../errors.js';

/**
 * What the database itself refused or failed to do, as the user's error (exit 69, HTTP 503): a
 * server that accepts no writes, a user without a privilege, a server out of disk or
 * connections, a statement cancelled or a server shut down, a connection lost — conditions of the
 * database, not bugs of plan12b (exit 70) nor bad input. By PostgreSQL's SQLSTATE (Appendix A of
 * its manual), which the server and PGlite both give, and by Node's socket error codes. Anything
 * else stays a bug. Every write runs in one transaction, which such a failure leaves uncommitted.
 */
export function databaseRefusal(e: unknown): Plan12bError | undefined {
  if (e === null || typeof e !== 'object') return undefined;
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof code !== 'string') {
    // node-postgres when the server goes away between messages, and on every query after a
    // connection error it was told of while idle (a backend terminated, a server restarted)
    if (/^Connection terminated|^Client has encountered a connection error/.test(message))
      return lost(message);
    return undefined;
  }
  if (SOCKET_CODES.has(code)) return lost(message);
  const refusal = SQLSTATE_REFUSALS.find((r) => r.codes.some((c) => code.startsWith(c)));
  if (refusal === undefined) return undefined;
  return new Plan12bError('DATABASE', `the database refused: ${message} (SQLSTATE ${code})`, refusal.hint);
}

const NOTHING_WRITTEN = "the command's transaction was not committed: nothing was written";

const SOCKET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function lost(message: string): Plan12bError {
  return new Plan12bError(
    'DATABASE',
    `the connection to the database was lost: ${message}`,
    `${NOTHING_WRITTEN} unless the connection went while it was committing (\`plan12b audit log\` shows what was); run the command again once the server is reachable`,
  );
}

/** SQLSTATE codes or classes (a prefix) that are the database's condition, with what to do. */
const SQLSTATE_REFUSALS: readonly { readonly codes: readonly string[]; readonly hint: string }[] = [
  {
    // read_only_sql_transaction: a standby, or default_transaction_read_only
    codes: ['25006'],
    hint: `${NOTHING_WRITTEN}; the database accepts no writes (a standby, or default_transaction_read_only on): point --db at a writable server, or ask its owner`,
  },
  {
    codes: ['42501'],
    hint: `${NOTHING_WRITTEN}; the database user lacks a privilege plan12b needs: grant it, or connect as the owner of plan12b's schema`,
  },
  {
    // 53: insufficient resources (disk full, out of memory, too many connections)
    codes: ['53'],
    hint: `${NOTHING_WRITTEN}; the database server ran out of a resource (disk, memory or connections): free it and run the command again`,
  },
  {
    // 08: connection exception; 57: operator intervention (cancelled, shut down, idle timeout)
    codes: ['08', '57'],
    hint: `${NOTHING_WRITTEN}; the database server stopped the command or the connection (cancelled, shut down or restarted): run it again once the server is up`,
  },
  {
    // lock_not_available: a lock_timeout of the server's
    codes: ['55P03'],
    hint: `${NOTHING_WRITTEN}; another session held a lock past the server's lock_timeout: run the command again`,
  },
  {
    // 58: system error (I/O); XX: PostgreSQL's own internal error, data or index corrupted
    codes: ['58', 'XX'],
    hint: `${NOTHING_WRITTEN}; the database server reports a system error or corruption: see its log before going on`,
  },
];
