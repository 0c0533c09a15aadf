import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';

/** The stored settings (`plan12b settings set`): key → value text; a key never set has its default. */

export async function loadSettings(q: Queryable): Promise<Map<string, string>> {
  const rows = await typed(q).selectFrom('setting').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function saveSetting(
  q: Queryable,
  key: string,
  value: string,
  recordedBy: string,
): Promise<void> {
  await typed(q)
    .insertInto('setting')
    .values({ key, value, recorded_by: recordedBy })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value, recorded_by: recordedBy, recorded_at: new Date().toISOString() }),
    )
    .execute();
}
