import { compareCodeUnits, compareNames } from '../registry/nameOrder.js';

/** What orders a row of `plan12b fees`: its portfolio (by id), class and month. */
export interface FeesRowKey {
  readonly portfolioId: string;
  readonly class: string;
  readonly month: string;
}

/**
 * The order of the rows of `plan12b fees` (SPEC §4): by portfolio, then class, then month. Each row
 * names its portfolio as at its month's end, so a portfolio renamed inside the range asked bears
 * two names; it is placed by the name it has at the end of the range (`nameAtEnd`), so that its
 * months stay together and in calendar order (a rename in March: February under the old name,
 * then March and April under the new, not March, April and then February).
 * @example
 * const order = feesRowOrder((id) => (id === 'inc' ? 'Bond Income Fund' : 'Growth Fund'));
 * [{ portfolioId: 'inc', class: 'C', month: '2024-03' }, { portfolioId: 'inc', class: 'C', month: '2024-02' }].sort(order)[0].month === '2024-02'
 */
export function feesRowOrder(
  nameAtEnd: (portfolioId: string) => string,
): (a: FeesRowKey, b: FeesRowKey) => number {
  const names = new Map<string, string>();
  const name = (portfolioId: string) => {
    let n = names.get(portfolioId);
    if (n === undefined) {
      n = nameAtEnd(portfolioId);
      names.set(portfolioId, n);
    }
    return n;
  };
  return (a, b) =>
    compareNames(name(a.portfolioId), name(b.portfolioId)) ||
    compareCodeUnits(a.portfolioId, b.portfolioId) ||
    compareNames(a.class, b.class) ||
    compareCodeUnits(a.month, b.month);
}
