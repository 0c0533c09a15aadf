import { createHash, randomBytes } from 'node:crypto';
import { didYouMean } from '../closestName.js';
import { Plan12bError } from '../errors.js';
import { runStateChange } from '../import/stateChange.js';
import { currentActor } from '../store/actor.js';
import {
  type ApiTokenRecord,
  findLiveToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from '../store/apiTokenRepository.js';
import type { Database, Queryable } from '../store/database.js';
import { isRole, ROLES, type Role } from './roles.js';

/**
 * API tokens (issue 13 item 2): 32 random bytes, shown once; the store keeps their SHA-256 only
 * (a random 256-bit secret needs no slow hash). Creating and revoking one is a state change
 * through the door: writer lock, one transaction, one audit record.
 */

export const TOKEN_PREFIX = 'p12b_';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(name))
    throw new Plan12bError(
      'USAGE',
      `token name ${JSON.stringify(name)} is not a name (letters, digits, . _ @ -; 1–64 characters)`,
      'give --name jane.doe or --name reporting-service',
    );
}

export async function createApiToken(
  db: Database,
  input: { name: string; role: string },
): Promise<{ name: string; role: Role; token: string }> {
  checkName(input.name);
  if (!isRole(input.role))
    throw new Plan12bError(
      'USAGE',
      `role ${JSON.stringify(input.role)} is not one of ${ROLES.join(', ')}`,
      'viewer reads; operator also imports and closes; admin also sets Board rates and manages tokens; auditor reads everything, the audit log included',
    );
  const role = input.role;
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const hash = tokenHash(token);
  return runStateChange(db, 'token.create', async (tx) => {
    if ((await listApiTokens(tx)).some((t) => t.name === input.name))
      throw new Plan12bError(
        'CONFLICT',
        `a token named ${JSON.stringify(input.name)} already exists`,
        'choose another name, or revoke that token first (names are never reused)',
      );
    await insertApiToken(tx, { name: input.name, role, tokenHash: hash, createdBy: currentActor() });
    // the audit record names the token and its role, never the token itself
    return {
      result: { name: input.name, role, token },
      audit: { subject: input.name, contentHash: hash, detail: `role ${role}` },
    };
  });
}

export async function revokeToken(db: Database, name: string): Promise<{ name: string; revoked: boolean }> {
  return runStateChange(db, 'token.revoke', async (tx) => {
    const tokens = await listApiTokens(tx);
    const known = tokens.find((t) => t.name === name);
    if (!known)
      throw new Plan12bError(
        'NOT_FOUND',
        `no token is named ${JSON.stringify(name)}`,
        `${didYouMean(
          tokens.map((t) => ({ name: t.name })),
          name,
        )}see \`plan12b tokens list\``,
      );
    const revoked = await revokeApiToken(tx, name, currentActor());
    return {
      result: { name, revoked },
      audit: revoked
        ? { subject: name, contentHash: tokenHash(`revoked:${name}`), detail: `role ${known.role}` }
        : null,
    };
  });
}

export function listTokens(q: Queryable): Promise<ApiTokenRecord[]> {
  return listApiTokens(q);
}

/** The holder of a token presented with a request, or undefined when it is unknown or revoked. */
export async function tokenHolder(
  q: Queryable,
  token: string,
): Promise<{ name: string; role: Role } | undefined> {
  const found = await findLiveToken(q, tokenHash(token));
  return found && isRole(found.role) ? { name: found.name, role: found.role } : undefined;
}
