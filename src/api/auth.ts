import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { Plan12bError } from '../errors.js';
import type { ApiEnv } from './apiEnv.js';
import type { ApiStore } from './apiStore.js';
import { tokenHash, tokenHolder } from './apiTokens.js';
import type { RateLimiter } from './rateLimit.js';
import { mayDo, type Permission, type Role, rolesWith, roleToken } from './roles.js';

/** Who holds the run's own credential: the CLI of the data folder's owner, reading (never writing). */
export const RUN_CREDENTIAL_HOLDER = { name: 'plan12b-cli', role: 'auditor' } as const satisfies {
  name: string;
  role: Role;
};

/** How long a token found in the store is trusted without asking again (a revoke takes this long). */
const HOLDER_TTL_MS = 5_000;

/** The address a request came from (the socket's peer); in-process requests (tests) share one key. */
function clientAddress(c: Context<ApiEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Every /api request names its token (`Authorization: Bearer …`); unknown or revoked: 401.
 * Holders found are kept for a few seconds, so that a read does not wait for the store (on
 * PGlite, a read waits for a running close); a revoke through this server forgets at once.
 */
export class TokenCheck {
  private readonly known = new Map<string, { holder: { name: string; role: Role }; until: number }>();

  /**
   * The SHA-256 of every token the store has answered for since the server started: a client
   * address locked out for failed authentications still has these looked up, so an attacker
   * guessing from the holder's address (a shared NAT) cannot lock the holder out.
   */
  private readonly everValid = new Set<string>();

  /** the SHA-256 of this run's own credential (the CLI's, from the discovery file), if any */
  private readonly runCredentialHash: string | undefined;

  constructor(
    private readonly store: ApiStore,
    private readonly limiter: RateLimiter,
    runCredential: string | undefined,
    /** an on-demand server (src/store/onDemandServe.ts): the run's credential is the only one accepted */
    private readonly runCredentialOnly: boolean,
    /** failed authentications (an unknown or revoked token), per client address */
    private readonly failures: RateLimiter,
  ) {
    this.runCredentialHash = runCredential === undefined ? undefined : tokenHash(runCredential);
  }

  forget(): void {
    this.known.clear();
  }

  middleware(): MiddlewareHandler<ApiEnv> {
    return async (c, next) => {
      const header = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m)
        throw new Plan12bError(
          'UNAUTHORIZED',
          'this request carries no API token',
          'send "Authorization: Bearer <token>"; create one with `plan12b tokens create --name N --role viewer`',
        );
      const token = m[1]!;
      const hash = tokenHash(token);
      if (hash === this.runCredentialHash) {
        // The CLI on this machine, with the credential of this run: it reads what the folder's
        // owner may read (the audit log too), and is not rate limited — each call is a process start.
        c.set('holder', RUN_CREDENTIAL_HOLDER);
        c.get('log')?.setBindings?.({ token: RUN_CREDENTIAL_HOLDER.name, role: RUN_CREDENTIAL_HOLDER.role });
        return next();
      }
      if (this.runCredentialOnly)
        throw new Plan12bError(
          'UNAUTHORIZED',
          'this is a query server started on demand by the CLI: it answers the CLI of its data folder only',
          'start `plan12b serve` for the HTTP API and the dashboard',
        );
      let cached = this.known.get(hash);
      if (!cached || cached.until < Date.now()) {
        // Guessing tokens costs a database lookup each: an address whose failed authentications
        // emptied its bucket is refused before the lookup (429, retry-after), except for a token
        // the store has answered for, so its holder is never locked out by someone else's guesses.
        const address = clientAddress(c);
        const wait = this.everValid.has(hash) ? 0 : this.failures.peek(address);
        if (wait > 0) {
          c.header('retry-after', String(wait));
          throw new Plan12bError(
            'RATE_LIMITED',
            `too many requests with unknown or revoked API tokens from ${address}`,
            `wait ${wait} s and retry with a valid token`,
          );
        }
        const holder = await this.store.use((db) => tokenHolder(db, token));
        if (!holder) {
          this.failures.take(address);
          throw new Plan12bError(
            'UNAUTHORIZED',
            'the API token is unknown or revoked',
            'ask an admin for a token (`plan12b tokens create`)',
          );
        }
        this.everValid.add(hash);
        cached = { holder, until: Date.now() + HOLDER_TTL_MS };
        this.known.set(hash, cached);
      }
      const wait = this.limiter.take(cached.holder.name);
      if (wait > 0) {
        c.header('retry-after', String(wait));
        throw new Plan12bError(
          'RATE_LIMITED',
          `too many requests with token ${cached.holder.name}`,
          `wait ${wait} s and retry`,
        );
      }
      c.set('holder', cached.holder);
      c.get('log')?.setBindings?.({ token: cached.holder.name, role: cached.holder.role });
      await next();
    };
  }
}

/** A route's role check: the token's role must grant the route's permission (else 403). */
export function requirePermission(permission: Permission): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const holder = c.get('holder');
    if (!mayDo(holder.role, permission))
      throw new Plan12bError(
        'FORBIDDEN',
        `${roleToken(holder.role)} may not do this (it needs one of: ${rolesWith(permission).join(', ')})`,
        'ask an admin for a token with a role that allows it; nothing was written',
      );
    await next();
  };
}
