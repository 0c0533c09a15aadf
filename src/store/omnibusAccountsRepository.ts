import type { Queryable } from './database.js';
import { inByteOrder, typed } from './queryBuilder.js';

/** The transfer agent's Omnibus Accounts (Exhibit A 2(c)), in account order. */
export async function omnibusAccounts(q: Queryable): Promise<string[]> {
  const rows = await typed(q)
    .selectFrom('class_b_account')
    .select('account')
    .where('omnibus', '=', true)
    .orderBy(inByteOrder('account'))
    .execute();
  return rows.map((r) => r.account);
}
