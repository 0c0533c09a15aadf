import { BadInputError, type RowProblem } from '../errors.js';
import type { Database } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { readCsvFeed } from './csvRows.js';

export const ACCOUNTS_COLUMNS = ['account', 'omnibus', 'dealer_of_record'] as const;

export interface AccountsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/**
 * `plan12b accounts import`: transfer-agent accounts holding Class B shares, each flagged omnibus
 * or not (Exhibit A 1. Omnibus Account) with its dealer of record. All-or-nothing; the same file
 * again changes nothing; a row for a known account updates its flag and dealer.
 */
export async function importAccounts(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<AccountsImportResult> {
  const csv = readCsvFeed(file, bytes, ACCOUNTS_COLUMNS);
  const problems: RowProblem[] = [];
  const rows: { line: number; account: string; omnibus: boolean; dealer: string | null }[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of csv) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const account = values.account!;
    const omnibus = values.omnibus!.toLowerCase();
    if (account === '') {
      bad('account', 'empty; every row needs the account number');
      continue;
    }
    if (seen.has(account)) {
      bad('account', `account ${account} appears twice (first on line ${seen.get(account)})`);
      continue;
    }
    seen.set(account, line);
    if (!YES.has(omnibus) && !NO.has(omnibus)) {
      bad('omnibus', `${JSON.stringify(values.omnibus)} is not yes or no`);
      continue;
    }
    rows.push({ line, account, omnibus: YES.has(omnibus), dealer: values.dealer_of_record || null });
  }
  if (problems.length > 0) throw new BadInputError(problems);
  return db.transaction(async (tx) => {
    const existing = new Map<string, { omnibus: boolean; dealer: string | null }>();
    const CHUNK = 50_000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const found = await tx.query<{ account: string; omnibus: boolean; dealer_of_record: string | null }>(
        'SELECT account, omnibus, dealer_of_record FROM class_b_account WHERE account = ANY($1::text[])',
        [rows.slice(i, i + CHUNK).map((r) => r.account)],
      );
      for (const f of found) existing.set(f.account, { omnibus: f.omnibus, dealer: f.dealer_of_record });
    }
    const changed = rows.filter((r) => {
      const e = existing.get(r.account);
      return !e || e.omnibus !== r.omnibus || e.dealer !== r.dealer;
    });
    const updated = changed.filter((r) => existing.has(r.account)).length;
    if (changed.length === 0)
      return { file, rows: rows.length, inserted: 0, updated: 0, unchanged: rows.length };
    const importId = await recordFeedImport(tx, {
      feed: 'class-b-accounts',
      file,
      bytes,
      rows: rows.length,
      inserted: changed.length - updated,
      restated: updated,
    });
    for (let i = 0; i < changed.length; i += CHUNK) {
      const part = changed.slice(i, i + CHUNK);
      await tx.query(
        `INSERT INTO class_b_account (account, omnibus, dealer_of_record, import_id)
         SELECT a, o, d, $4 FROM unnest($1::text[], $2::boolean[], $3::text[]) AS t(a, o, d)
         ON CONFLICT (account) DO UPDATE SET omnibus = EXCLUDED.omnibus,
           dealer_of_record = EXCLUDED.dealer_of_record, import_id = EXCLUDED.import_id`,
        [part.map((r) => r.account), part.map((r) => r.omnibus), part.map((r) => r.dealer), importId],
      );
    }
    return {
      file,
      rows: rows.length,
      inserted: changed.length - updated,
      updated,
      unchanged: rows.length - changed.length,
    };
  });
}
