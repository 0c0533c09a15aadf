import { monthEnd, monthOf } from '../calendar/isoDate.js';
import { replayAccount } from '../class-b/classBLedger.js';
import { formatShareUnits, parseShareUnits } from '../class-b/shareUnits.js';
import type { Registry } from '../registry/registry.js';
import { activityOfRows, loadClassBTerms, loadTransactionsOf } from '../store/classBStore.js';
import type { Database } from '../store/database.js';
import { omnibusAccounts } from '../store/omnibusAccountsRepository.js';

/**
 * What the demo's sub-transfer agent reports for each Omnibus Account (Exhibit A 2(c)), derived
 * from the transfer agent's own records so the two reconcile: Free Shares issued (reinvestments)
 * and redeemed (other than in Free Exchange Transactions) during each month, and outstanding at
 * its end.
 */
export async function demoOmnibusCsv(
  db: Database,
  registry: Registry,
  months: readonly string[],
): Promise<string> {
  const accounts = await omnibusAccounts(db);
  const txns = await loadTransactionsOf(db, accounts);
  const terms = await loadClassBTerms(db);
  const lines = ['month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding'];
  for (const account of accounts) {
    const rows = txns.get(account) ?? [];
    const activity = activityOfRows(rows);
    const portfolios = [...new Set(rows.map((r) => r.portfolio_id))].sort();
    const before = new Map<string, bigint>(); // Free Shares outstanding at the previous month end
    for (const month of months) {
      const ledger = replayAccount(account, activity, terms, { until: monthEnd(month) });
      for (const pid of portfolios) {
        const issued = rows
          .filter((r) => r.type === 'reinvest' && r.portfolio_id === pid && monthOf(r.date) === month)
          .reduce((s, r) => s + parseShareUnits(r.shares), 0n);
        const redeemed = ledger.redemptions
          .filter((r) => r.portfolioId === pid && monthOf(r.date) === month)
          .flatMap((r) => r.pieces)
          .filter((p) => p.kind === 'free')
          .reduce((s, p) => s + p.shareUnits, 0n);
        const outstanding = ledger.lots
          .filter((l) => l.portfolioId === pid && l.kind === 'free')
          .reduce((s, l) => s + l.shareUnits, 0n);
        const previous = before.get(pid) ?? 0n;
        before.set(pid, outstanding);
        if (issued === 0n && redeemed === 0n && outstanding === 0n && previous === 0n) continue;
        const name = registry.identities.nameOn(pid, monthEnd(month));
        lines.push(
          `${month},${account},"${name}",${formatShareUnits(issued)},${formatShareUnits(redeemed)},${formatShareUnits(outstanding)}`,
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
