import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/** The API tokens' repository (issue 13 item 2): only the token's SHA-256 is stored. */

export interface ApiTokenRecord {
  readonly name: string;
  readonly role: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

/** The columns of `tokens list --csv` (and its workbook), as the JSON names them: never the token. */
export const TOKEN_LIST_COLUMNS = [
  'name',
  'role',
  'createdAt',
  'createdBy',
  'revokedAt',
  'revokedBy',
] as const;

const toIso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export async function listApiTokens(q: Queryable): Promise<ApiTokenRecord[]> {
  const rows = await typed(q)
    .selectFrom('api_token')
    .select(['name', 'role', 'created_at', 'created_by', 'revoked_at', 'revoked_by'])
    .orderBy(inByteOrder('name'))
    .execute();
  return rows.map((r) => ({
    name: r.name,
    role: r.role,
    createdAt: toIso(r.created_at),
    createdBy: r.created_by,
    revokedAt: r.revoked_at === null ? null : toIso(r.revoked_at),
    revokedBy: r.revoked_by,
  }));
}

/** The holder of a live (not revoked) token, by the token's hash; undefined when none. */
export async function findLiveToken(
  q: Queryable,
  tokenHash: string,
): Promise<{ name: string; role: string } | undefined> {
  return typed(q)
    .selectFrom('api_token')
    .select(['name', 'role'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function insertApiToken(
  q: Queryable,
  t: { name: string; role: string; tokenHash: string; createdBy: string },
): Promise<void> {
  await typed(q)
    .insertInto('api_token')
    .values({ name: t.name, role: t.role, token_hash: t.tokenHash, created_by: t.createdBy })
    .execute();
}

/** Marks a token revoked; false when it was already revoked. */
export async function revokeApiToken(q: Queryable, name: string, revokedBy: string): Promise<boolean> {
  const rows = await typed(q)
    .updateTable('api_token')
    .set({ revoked_at: new Date().toISOString(), revoked_by: revokedBy })
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .returning('name')
    .execute();
  return rows.length > 0;
}
