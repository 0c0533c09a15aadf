import { monthOf } from '../calendar/isoDate.js';
import type { RefiledClosedRows } from '../store/registryStore.js';

const REFILED_ROWS: Readonly<Record<RefiledClosedRows['table'], string>> = {
  net_assets: 'net assets',
  provider_assets: 'provider assets',
  class_b_transaction: 'Class B transactions',
  class_b_distributor_term: 'distributor terms',
  omnibus_month: 'omnibus rows',
};

/**
 * Why a change that re-files a closed month's rows is refused (SPEC §12), naming the closed month
 * (rows before the books' first month: the first, whose ledger they are input to), the rows and
 * the portfolios. `what`: "this document", "withdrawing x.txt".
 */
export function refiledReason(
  hit: RefiledClosedRows,
  closedMonths: ReadonlySet<string>,
  what: string,
): string {
  const month = [...closedMonths].sort().find((m) => m >= monthOf(hit.firstDate)) ?? monthOf(hit.firstDate);
  const dates = hit.firstDate === hit.lastDate ? hit.firstDate : `${hit.firstDate}..${hit.lastDate}`;
  return `${month} is closed: ${what} would re-file ${hit.rows} ${REFILED_ROWS[hit.table]} row${hit.rows === 1 ? '' : 's'} of ${hit.portfolioName} dated ${dates} from portfolio ${hit.fromPortfolioId} to ${hit.toPortfolioId} (a rename making its name another portfolio's); a closed month's rows stay with the portfolio they were filed under, and nothing was written`;
}
