import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isMonth } from '../calendar/isoDate.js';
import { formatShareUnits, parseShareUnits } from '../class-b/shareUnits.js';
import { BadInputError, type RowProblem } from '../errors.js';
import { appendAudit } from '../store/auditLog.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { loadRegistry } from '../store/registryStore.js';
import { readCsvFeed } from './csvRows.js';

export const OMNIBUS_COLUMNS = [
  'month',
  'account',
  'portfolio',
  'free_shares_issued',
  'free_shares_redeemed',
  'free_shares_outstanding',
] as const;

export interface OmnibusMonthRow {
  readonly month: string;
  readonly account: string;
  readonly portfolioId: string;
  readonly freeSharesIssued: bigint;
  readonly freeSharesRedeemed: bigint;
  readonly freeSharesOutstanding: bigint;
}

/** Recorded figures, keyed "account|portfolioId|month". */
export async function loadOmnibusMonths(
  q: Queryable,
  portfolioId: string,
): Promise<Map<string, OmnibusMonthRow>> {
  const rows = await q.query<{
    month: string;
    account: string;
    portfolio_id: string;
    free_shares_issued: string;
    free_shares_redeemed: string;
    free_shares_outstanding: string;
  }>(
    `SELECT month, account, portfolio_id, free_shares_issued, free_shares_redeemed, free_shares_outstanding
       FROM omnibus_month WHERE portfolio_id = $1`,
    [portfolioId],
  );
  return new Map(
    rows.map((r) => [
      `${r.account}|${r.portfolio_id}|${r.month}`,
      {
        month: r.month,
        account: r.account,
        portfolioId: r.portfolio_id,
        freeSharesIssued: parseShareUnits(r.free_shares_issued),
        freeSharesRedeemed: parseShareUnits(r.free_shares_redeemed),
        freeSharesOutstanding: parseShareUnits(r.free_shares_outstanding),
      },
    ]),
  );
}

/**
 * `plan12b omnibus import`: the sub-transfer agent's monthly figures per Omnibus Account and
 * portfolio (Exhibit A 2(c)). All-or-nothing, idempotent; a recorded month is never edited.
 */
export async function importOmnibusMonths(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<{ rows: number; inserted: number; unchanged: number }> {
  return db.transaction(async (tx) => {
    const registry = await loadRegistry(tx);
    const accounts = new Map(
      (
        await tx.query<{ account: string; omnibus: boolean }>('SELECT account, omnibus FROM class_b_account')
      ).map((r) => [r.account, r.omnibus]),
    );
    const problems: RowProblem[] = [];
    const rows: (OmnibusMonthRow & { line: number; portfolioName: string })[] = [];
    const seen = new Map<string, number>();
    for (const { line, values: v } of readCsvFeed(file, bytes, OMNIBUS_COLUMNS)) {
      const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
      const before = problems.length;
      if (!isMonth(v.month!)) bad('month', `${JSON.stringify(v.month)} is not a month (YYYY-MM)`);
      const omnibus = accounts.get(v.account!);
      if (omnibus === undefined)
        bad(
          'account',
          `unknown account ${JSON.stringify(v.account)}; import it with \`plan12b accounts import\``,
        );
      else if (!omnibus) bad('account', `${v.account} is not an Omnibus Account (Exhibit A 1.)`);
      const pid = registry.identities.resolve(v.portfolio!);
      if (pid === undefined) bad('portfolio', `unknown portfolio ${JSON.stringify(v.portfolio)}`);
      const shares: bigint[] = [];
      for (const field of [
        'free_shares_issued',
        'free_shares_redeemed',
        'free_shares_outstanding',
      ] as const) {
        try {
          const units = parseShareUnits(v[field]!);
          if (units < 0n) bad(field, 'negative');
          shares.push(units);
        } catch (e) {
          bad(field, (e as Error).message);
        }
      }
      if (problems.length > before) continue;
      const key = `${v.account}|${pid}|${v.month}`;
      if (seen.has(key)) {
        bad(
          'month',
          `duplicate row for ${v.account}, ${v.portfolio}, ${v.month} (first on line ${seen.get(key)})`,
        );
        continue;
      }
      seen.set(key, line);
      rows.push({
        line,
        month: v.month!,
        account: v.account!,
        portfolioId: pid!,
        portfolioName: v.portfolio!,
        freeSharesIssued: shares[0]!,
        freeSharesRedeemed: shares[1]!,
        freeSharesOutstanding: shares[2]!,
      });
    }
    if (problems.length > 0) throw new BadInputError(problems);
    const closed = new Set(
      (await tx.query<{ month: string }>('SELECT month FROM closed_month')).map((r) => r.month),
    );
    const fresh: typeof rows = [];
    let unchanged = 0;
    for (const r of rows) {
      const [old] = await tx.query<{ i: string; r: string; o: string }>(
        `SELECT free_shares_issued AS i, free_shares_redeemed AS r, free_shares_outstanding AS o FROM omnibus_month
          WHERE month = $1 AND account = $2 AND portfolio_id = $3`,
        [r.month, r.account, r.portfolioId],
      );
      if (old === undefined) {
        if (closed.has(r.month))
          problems.push({ file, line: r.line, field: 'month', reason: `${r.month} is closed` });
        else fresh.push(r);
      } else if (
        parseShareUnits(old.i) === r.freeSharesIssued &&
        parseShareUnits(old.r) === r.freeSharesRedeemed &&
        parseShareUnits(old.o) === r.freeSharesOutstanding
      )
        unchanged++;
      else
        problems.push({
          file,
          line: r.line,
          field: 'free_shares_outstanding',
          reason: `${r.account}, ${r.portfolioName}, ${r.month} is already recorded with other figures; recorded months are never edited`,
        });
    }
    if (problems.length > 0) throw new BadInputError(problems);
    if (fresh.length === 0) return { rows: rows.length, inserted: 0, unchanged };
    const importId = await recordFeedImport(tx, {
      feed: 'omnibus',
      file,
      bytes,
      rows: rows.length,
      inserted: fresh.length,
    });
    for (const r of fresh) {
      await tx.query(
        `INSERT INTO omnibus_month (month, account, portfolio_id, portfolio_name, free_shares_issued, free_shares_redeemed,
                                    free_shares_outstanding, import_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          r.month,
          r.account,
          r.portfolioId,
          r.portfolioName,
          formatShareUnits(r.freeSharesIssued),
          formatShareUnits(r.freeSharesRedeemed),
          formatShareUnits(r.freeSharesOutstanding),
          importId,
        ],
      );
    }
    await appendAudit(tx, {
      action: 'omnibus.import',
      subject: basename(file),
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      detail: `${fresh.length} new, ${unchanged} unchanged`,
    });
    return { rows: rows.length, inserted: fresh.length, unchanged };
  });
}
