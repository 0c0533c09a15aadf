import { Plan12bError } from '../errors.js';

export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface CloseOrderFacts {
  /** the months already closed, in order */
  readonly closed: readonly string[];
  /** the month of the earliest daily net assets recorded, or null if none */
  readonly firstNetAssetsMonth: string | null;
  /** the user starts the books at this month (`close --month M --first`) */
  readonly first: boolean;
}

/**
 * SPEC §12: months close in order. The first month closed is the first month with daily net
 * assets (earlier transfer-agent history is input to the ledger, not a period to close), unless
 * the user starts the books at a later month with `--first`; after that, each close is the month
 * after the last one closed. Checked under the writer lock, in the close's own transaction, so
 * that no other close can seal a month between this check and this close's seal.
 * @example
 * assertClosable('2007-02', { closed: [], firstNetAssetsMonth: '2007-01', first: false })
 * // throws REFUSED: 2007-01 has daily net assets and is not closed; close 2007-01 first
 */
export function assertClosable(month: string, facts: CloseOrderFacts): void {
  const { closed, firstNetAssetsMonth, first } = facts;
  const latest = closed.at(-1);
  // standing rule 7: the next step names the commands, the sealed month's and the next close's
  if (latest !== undefined && closed.includes(month))
    throw new Plan12bError(
      'CONFLICT',
      `${month} is already closed`,
      `a closed month is sealed: \`plan12b close show --month ${month}\` shows its results; corrections become prior-period adjustments in the next month to close, ${nextMonth(latest)}: \`plan12b close --month ${nextMonth(latest)}\``,
    );
  if (latest !== undefined) {
    if (first)
      throw new Plan12bError(
        'REFUSED',
        `the books already start at ${closed[0]} (${latest} is the latest closed month); --first starts the books only before any month is closed`,
        `close ${nextMonth(latest)} without --first: \`plan12b close --month ${nextMonth(latest)}\``,
      );
    if (month < latest)
      throw new Plan12bError(
        'REFUSED',
        `${month} is before ${latest}, which is closed`,
        `months close in order; the next month to close is ${nextMonth(latest)}: \`plan12b close --month ${nextMonth(latest)}\``,
      );
    if (month !== nextMonth(latest))
      throw new Plan12bError(
        'REFUSED',
        `${previousMonth(month)} is not closed yet`,
        `close ${nextMonth(latest)} first (\`plan12b close --month ${nextMonth(latest)}\`); months close in order`,
      );
    return;
  }
  if (firstNetAssetsMonth === null) {
    if (first) return;
    throw new Plan12bError(
      'REFUSED',
      `no daily net assets are recorded, so no month is the first to close`,
      `import net assets with \`plan12b net-assets import FILE.csv\`, or start the books at ${month} with \`plan12b close --month ${month} --first\``,
    );
  }
  if (month < firstNetAssetsMonth)
    throw new Plan12bError(
      'REFUSED',
      `${month} is before ${firstNetAssetsMonth}, the first month with daily net assets; there is nothing to close in it`,
      `close ${firstNetAssetsMonth} first (\`plan12b close --month ${firstNetAssetsMonth}\`); months close in order`,
    );
  if (month > firstNetAssetsMonth && !first)
    throw new Plan12bError(
      'REFUSED',
      `${firstNetAssetsMonth} has daily net assets and is not closed; months close in order from the first month with daily net assets`,
      `close ${firstNetAssetsMonth} first (\`plan12b close --month ${firstNetAssetsMonth}\`), or start the books at ${month} with \`plan12b close --month ${month} --first\` (recorded and audited)`,
    );
}
