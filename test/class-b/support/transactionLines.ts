import type { ClassBActivity } from '../../../src/class-b/classBActivity.js';
import { formatPriceUnits } from '../../../src/class-b/pricePerShare.js';
import { formatShareUnits } from '../../../src/class-b/shareUnits.js';

/** The header of `transactions import`'s file (docs/FORMATS.md), every column. */
export const HEADER =
  'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver,attributed_distributor,derived_from_doi';

/** The transfer agent's lines of some activity (an exchange as its two legs), portfolios by name. */
export function linesOf(
  account: string,
  activity: readonly ClassBActivity[],
  name: (pid: string) => string,
): string[] {
  const q = (s: string) => `"${s}"`;
  return activity.flatMap((a) => {
    switch (a.kind) {
      case 'purchase':
        return [
          `${a.date},${a.txnId},${account},${q(name(a.portfolioId))},B,purchase,${formatShareUnits(a.shareUnits)},${formatPriceUnits(a.priceUnits)},,,,`,
        ];
      case 'reinvest':
        return [
          `${a.date},${a.txnId},${account},${q(name(a.portfolioId))},B,reinvest,${formatShareUnits(a.shareUnits)},${formatPriceUnits(a.priceUnits)},,,${a.attributedDistributor ? q(a.attributedDistributor) : ''},${a.derivedFromDoi ?? ''}`,
        ];
      case 'redeem':
        return [
          `${a.date},${a.txnId},${account},${q(name(a.portfolioId))},B,redeem,${formatShareUnits(a.shareUnits)},${formatPriceUnits(a.priceUnits)},,${a.waiver ?? ''},,`,
        ];
      case 'convert':
        return [
          `${a.date},${a.txnId},${account},${q(name(a.portfolioId))},B,convert,${formatShareUnits(a.shareUnits)},,,,,`,
        ];
      default:
        return [
          `${a.date},${a.out.txnId},${account},${q(name(a.out.portfolioId))},B,exchange_out,${formatShareUnits(a.out.shareUnits)},${formatPriceUnits(a.out.priceUnits)},${a.exchangeId},,,`,
          `${a.date},${a.in.txnId},${account},${q(name(a.in.portfolioId))},B,exchange_in,${formatShareUnits(a.in.shareUnits)},${formatPriceUnits(a.in.priceUnits)},${a.exchangeId},,,`,
        ];
    }
  });
}

/**
 * The generator's terms (GENERATED_TERMS) as `class-b-terms import` rules on portfolios named by
 * `name`: fund-c's own CDSC schedule, fund-d's conversion period, fund-b's and fund-e's
 * redemption fees (the file's lines, header first).
 */
export function generatedTermsRules(name: (pid: string) => string): string[] {
  return [
    'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
    `cdsc-schedule,"${name('fund-c')}",2003-01-01,,"5,4,4,3,2,2,1",,,`,
    `conversion-period,"${name('fund-d')}",,,,7,,`,
    `redemption-fee,"${name('fund-b')}",,,,,2,30`,
    `redemption-fee,"${name('fund-e')}",,,,,0.25,`,
  ];
}

/** `accounts import`'s file for these accounts (header first), each with the dealer Dealer One. */
export function accountsLines(accounts: readonly { account: string; omnibus: boolean }[]): string[] {
  return [
    'account,omnibus,dealer_of_record',
    ...accounts.map((a) => `${a.account},${a.omnibus ? 'yes' : 'no'},Dealer One`),
  ];
}

/** The file of the accounts' activity dated on or before `through` (header first). */
export function historyLines(
  accounts: readonly { account: string; activity: readonly ClassBActivity[] }[],
  through: string,
  name: (pid: string) => string,
): string[] {
  return [
    HEADER,
    ...accounts.flatMap((a) =>
      linesOf(
        a.account,
        a.activity.filter((x) => x.date <= through),
        name,
      ),
    ),
  ];
}
