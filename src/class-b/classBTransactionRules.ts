import type { Problem } from '../errors.js';
import { exchangeSharesConsistent } from './classBActivity.js';
import { formatPriceUnits } from './pricePerShare.js';
import { formatShareUnits } from './shareUnits.js';

/**
 * The most shares one row may carry, in 1/10,000 share: 900 billion shares. A lot is at most one
 * row's shares, and the month pass keeps shares in float64 columns, exact below 2^53 units
 * (monthPassColumns.ts), the stored month-end ledgers in bigint.
 */
export const MAX_ROW_SHARE_UNITS = 9_000_000_000_000_000n;

/**
 * The most one row's shares are worth at its price (shares × price, SPEC §3), in 1/100,000,000
 * dollar: $90 billion. A redemption piece's CDSC base, min(cost, shares × price), is kept exact in
 * these units, in the month pass a 64-bit column (monthPassColumns.ts: under 2^63 units, $92.2
 * billion). A row worth more is refused on its own line, not left to overflow the store (exit 70)
 * or to wrap silently.
 */
export const MAX_ROW_VALUE_UNITS = 9n * 10n ** 18n;

/**
 * What a transfer agent's Class B transaction must say (SPEC §6, §7; Agreement FOURTH; Exhibit A
 * 1., 2(b)), each on its own and across the transactions of one report. Pure.
 */
export type ClassBTransactionType =
  | 'purchase'
  | 'reinvest'
  | 'redeem'
  | 'exchange_out'
  | 'exchange_in'
  | 'convert';
export const CLASS_B_TRANSACTION_TYPES: readonly ClassBTransactionType[] = [
  'purchase',
  'reinvest',
  'redeem',
  'exchange_out',
  'exchange_in',
  'convert',
];

/** A transaction as the transfer agent states it, in the report's words. */
export interface ClassBTransactionStatement {
  readonly date: string;
  readonly txn_id: string;
  readonly class: string;
  readonly type: ClassBTransactionType;
  /** 1/10,000 share */
  readonly shares: bigint;
  /** 1/10,000 dollar */
  readonly price: bigint | null;
  readonly exchange_id: string | null;
  readonly waiver: string | null;
  readonly attributed_distributor?: string | null;
  readonly derived_from_doi?: string | null;
}

/**
 * Each transaction on its own: one per txn_id, Class B only, a price unless a convert, exchange
 * ids and waivers where they belong; a stated attribution of Free Shares (Exhibit A 2(b): the
 * distributor, or the DOI of the Commission Shares they derive from — one, not both) only on a
 * reinvestment, and never from shares issued after them. `seen`: the txn_ids of the file's rows
 * before these, with their lines (a file checked a slice at a time, issue 14), added to.
 */
export function classBTransactionProblems(
  rows: readonly { line: number; row: ClassBTransactionStatement }[],
  file: string,
  seen: Map<string, number> = new Map(),
): Problem[] {
  const problems: Problem[] = [];
  for (const { line, row: r } of rows) {
    const bad = (field: string, value: string, reason: string) =>
      problems.push({ file, line, field, value, reason });
    const first = seen.get(r.txn_id);
    if (first !== undefined)
      bad('txn_id', r.txn_id, `${r.txn_id} appears twice in the file (first on line ${first})`);
    else seen.set(r.txn_id, line);
    if (r.class.toUpperCase() !== 'B')
      bad(
        'class',
        r.class,
        `class ${JSON.stringify(r.class)}: the share ledger records Class B shares only (write B)`,
      );
    if (r.price === null && r.type !== 'convert')
      bad('price', '', `empty; a ${r.type} row needs the price per share`);
    if (r.shares > MAX_ROW_SHARE_UNITS)
      bad(
        'shares',
        formatShareUnits(r.shares),
        `${formatShareUnits(r.shares)} shares in one transaction: the ledger records at most 900,000,000,000 shares a row; check the shares`,
      );
    else if (r.price !== null && r.shares * r.price > MAX_ROW_VALUE_UNITS)
      bad(
        'shares',
        formatShareUnits(r.shares),
        `${formatShareUnits(r.shares)} shares at ${formatPriceUnits(r.price)} are worth more than the ledger records (at most $90,000,000,000.00 a row); check the shares and the price`,
      );
    const isExchange = r.type === 'exchange_out' || r.type === 'exchange_in';
    if (isExchange && r.exchange_id === null)
      bad('exchange_id', '', `an ${r.type} row needs the exchange_id that pairs it with its other leg`);
    if (!isExchange && r.exchange_id !== null)
      bad(
        'exchange_id',
        r.exchange_id,
        `a ${r.type} row has no exchange_id; only exchange_out and exchange_in rows do`,
      );
    if (r.waiver !== null && r.type !== 'redeem')
      bad('waiver', r.waiver, 'a CDSC waiver applies to a redeem row only');
    const distributor = r.attributed_distributor ?? null;
    const doi = r.derived_from_doi ?? null;
    const stated = [
      ['attributed_distributor', distributor],
      ['derived_from_doi', doi],
    ] as const;
    for (const [field, value] of stated)
      if (value !== null && r.type !== 'reinvest')
        bad(
          field,
          value,
          `a ${r.type} row issues no Free Shares; only a reinvest row states their attribution (Exhibit A 2(b))`,
        );
    if (r.type !== 'reinvest') continue;
    if (distributor !== null && doi !== null)
      bad(
        'derived_from_doi',
        doi,
        'a reinvest row states the distributor its Free Shares are attributed to or the DOI they derive from, not both; leave one empty',
      );
    else if (doi !== null && doi > r.date)
      bad(
        'derived_from_doi',
        doi,
        `${doi} is after the reinvestment (${r.date}); Free Shares cannot derive from shares issued after them`,
      );
  }
  return problems;
}

/** One leg of a Free Exchange Transaction, resolved to its portfolio. */
export interface ExchangeLeg {
  readonly line: number;
  readonly type: ClassBTransactionType;
  readonly exchangeId: string | null;
  readonly account: string;
  readonly date: string;
  readonly portfolioId: string;
  readonly portfolioName: string;
  readonly shares: string;
  readonly shareUnits: bigint;
  readonly price: string | null;
  readonly priceUnits: bigint | null;
}

/**
 * Both legs of every exchange (Exhibit A 1. Free Exchange Transaction): one out, one in, same
 * account and date, other portfolio, shares delivered by the prices.
 */
export function exchangeLegProblems(file: string, rows: readonly ExchangeLeg[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, ExchangeLeg[]>();
  for (const r of rows)
    if (r.exchangeId !== null) byId.set(r.exchangeId, [...(byId.get(r.exchangeId) ?? []), r]);
  for (const [id, legs] of byId) {
    const out = legs.filter((l) => l.type === 'exchange_out');
    const into = legs.filter((l) => l.type === 'exchange_in');
    const bad = (r: ExchangeLeg, field: string, reason: string) =>
      problems.push({ file, line: r.line, field, reason });
    if (out.length !== 1 || into.length !== 1) {
      bad(
        legs[0]!,
        'exchange_id',
        out.length === 0 || into.length === 0
          ? `exchange ${id} has no ${out.length === 0 ? 'exchange_out' : 'exchange_in'} leg; both legs of a Free Exchange Transaction must be in the same file`
          : `exchange ${id} has ${out.length} exchange_out and ${into.length} exchange_in rows; it needs exactly one of each`,
      );
      continue;
    }
    const o = out[0]!;
    const i = into[0]!;
    if (o.account !== i.account)
      bad(i, 'account', `exchange ${id}: the legs are in accounts ${o.account} and ${i.account}`);
    else if (o.date !== i.date) bad(i, 'date', `exchange ${id}: the legs are dated ${o.date} and ${i.date}`);
    else if (o.portfolioId === i.portfolioId)
      bad(i, 'portfolio', `exchange ${id}: both legs are in ${i.portfolioName}`);
    else {
      const e = {
        out: { shareUnits: o.shareUnits, priceUnits: o.priceUnits! },
        in: { shareUnits: i.shareUnits, priceUnits: i.priceUnits! },
      };
      if (!exchangeSharesConsistent(e)) {
        const expected =
          (2n * e.out.shareUnits * e.out.priceUnits + e.in.priceUnits) / (2n * e.in.priceUnits);
        bad(
          i,
          'shares',
          `exchange ${id}: ${o.shares} shares at ${o.price} deliver ${formatShareUnits(expected)} shares at ${i.price} (to 0.0001 share), not ${i.shares}`,
        );
      }
    }
  }
  return problems;
}

/**
 * An exchange_id names one Free Exchange Transaction of an account (Exhibit A 1.): its two legs
 * are paired by it, in this file and whenever the account is replayed from its record. New legs
 * under an exchange_id the account already recorded with other legs would pair with those (the
 * second exchange lost on replay), so they conflict with the record, as a txn_id recorded with
 * other content does (SPEC §6; a correction is a new transaction). One problem per exchange, on
 * its first new leg. `recordedLegs`: the txn_ids recorded under (account, exchange_id).
 */
export function recordedExchangeIdProblems(
  file: string,
  legs: readonly Pick<ExchangeLeg, 'line' | 'account' | 'exchangeId'>[],
  recordedLegs: (account: string, exchangeId: string) => readonly string[] | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const leg of [...legs].sort((a, b) => a.line - b.line)) {
    if (leg.exchangeId === null) continue;
    const recorded = recordedLegs(leg.account, leg.exchangeId);
    const key = `${leg.account}\u0000${leg.exchangeId}`;
    if (recorded === undefined || recorded.length === 0 || reported.has(key)) continue;
    reported.add(key);
    problems.push({
      code: 'CONFLICT',
      file,
      line: leg.line,
      field: 'exchange_id',
      value: leg.exchangeId,
      reason: `exchange ${leg.exchangeId} of account ${leg.account} is already recorded (${recorded.join(', ')}); an exchange_id names one Free Exchange Transaction: give a new exchange a new exchange_id`,
    });
  }
  return problems;
}
