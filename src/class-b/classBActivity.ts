import { isIsoDate } from '../calendar/isoDate.js';
import type { CdscWaiver } from './cdscWaiver.js';

/**
 * Transfer-agent activity on Class B shares of one account (SPEC §6), validated once at the edge.
 * Shares are 1/10,000ths of a share, prices 1/10,000ths of a dollar.
 */
export interface Purchase {
  readonly kind: 'purchase';
  readonly txnId: string;
  readonly date: string;
  readonly portfolioId: string;
  readonly shareUnits: bigint;
  readonly priceUnits: bigint;
}

/**
 * A reinvestment issues Free Shares. The transfer agent's report may state their Exhibit A 2(b)
 * attribution: the distributor (`attributedDistributor`) or the Date of Original Issuance of the
 * Commission Shares they derive from (`derivedFromDoi`); stating neither, they go pro rata to the
 * account's Commission Shares in the portfolio on the reinvestment date (SPEC §7).
 */
export interface Reinvestment {
  readonly kind: 'reinvest';
  readonly txnId: string;
  readonly date: string;
  readonly portfolioId: string;
  readonly shareUnits: bigint;
  readonly priceUnits: bigint;
  readonly attributedDistributor?: string | null;
  readonly derivedFromDoi?: string | null;
}

export interface Redemption {
  readonly kind: 'redeem';
  readonly txnId: string;
  readonly date: string;
  readonly portfolioId: string;
  readonly shareUnits: bigint;
  readonly priceUnits: bigint;
  readonly waiver: CdscWaiver | null;
}

export interface ExchangeLeg {
  readonly txnId: string;
  readonly portfolioId: string;
  readonly shareUnits: bigint;
  readonly priceUnits: bigint;
}

/**
 * A Free Exchange Transaction (Exhibit A 1.): shares of the Redeeming Portfolio (`out`) exchanged
 * for shares of the Issuing Portfolio (`in`), "deemed to have been acquired at the time when the
 * exchanged shares … were acquired". The feed's exchange_out and exchange_in rows, paired.
 */
export interface FreeExchange {
  readonly kind: 'exchange';
  readonly exchangeId: string;
  readonly date: string;
  readonly out: ExchangeLeg;
  readonly in: ExchangeLeg;
}

/** The transfer agent's report of a conversion to Class A, checked against what is due. */
export interface ConversionNotice {
  readonly kind: 'convert';
  readonly txnId: string;
  readonly date: string;
  readonly portfolioId: string;
  readonly shareUnits: bigint;
}

export type ClassBActivity = Purchase | Reinvestment | Redemption | FreeExchange | ConversionNotice;

/** The txn_id of an activity (an exchange: its exchange_out leg). */
export function activityTxnId(a: ClassBActivity): string {
  return a.kind === 'exchange' ? a.out.txnId : a.txnId;
}

function check(cond: boolean, what: string): void {
  if (!cond) throw new RangeError(what);
}

function checkCommon(txnId: string, date: string, shareUnits: bigint): void {
  check(txnId.length > 0, 'a transaction needs a txn_id');
  check(isIsoDate(date), `${txnId}: ${JSON.stringify(date)} is not a date`);
  check(shareUnits > 0n, `${txnId}: shares must be above zero`);
}

export function createPurchase(f: Omit<Purchase, 'kind'>): Purchase {
  checkCommon(f.txnId, f.date, f.shareUnits);
  check(f.priceUnits > 0n, `${f.txnId}: a price must be above zero`);
  return Object.freeze({ kind: 'purchase', ...f });
}

export function createReinvestment(f: Omit<Reinvestment, 'kind'>): Reinvestment {
  checkCommon(f.txnId, f.date, f.shareUnits);
  check(f.priceUnits > 0n, `${f.txnId}: a price must be above zero`);
  const distributor = f.attributedDistributor ?? null;
  const doi = f.derivedFromDoi ?? null;
  check(
    distributor === null || doi === null,
    `${f.txnId}: a reinvestment is attributed to a distributor or to a DOI, not both`,
  );
  check(distributor === null || distributor.trim() !== '', `${f.txnId}: an empty distributor`);
  check(doi === null || isIsoDate(doi), `${f.txnId}: derived-from DOI ${JSON.stringify(doi)} is not a date`);
  check(doi === null || doi <= f.date, `${f.txnId}: Free Shares cannot derive from shares issued after them`);
  const { attributedDistributor: _d, derivedFromDoi: _o, ...rest } = f;
  return Object.freeze({
    kind: 'reinvest',
    ...rest,
    ...(distributor !== null ? { attributedDistributor: distributor } : {}),
    ...(doi !== null ? { derivedFromDoi: doi } : {}),
  });
}

export function createRedemption(f: Omit<Redemption, 'kind'>): Redemption {
  checkCommon(f.txnId, f.date, f.shareUnits);
  check(f.priceUnits > 0n, `${f.txnId}: a price must be above zero`);
  return Object.freeze({ kind: 'redeem', ...f });
}

export function createFreeExchange(f: Omit<FreeExchange, 'kind'>): FreeExchange {
  checkCommon(f.out.txnId, f.date, f.out.shareUnits);
  checkCommon(f.in.txnId, f.date, f.in.shareUnits);
  check(f.out.priceUnits > 0n && f.in.priceUnits > 0n, `${f.exchangeId}: a price must be above zero`);
  check(
    f.out.portfolioId !== f.in.portfolioId,
    `exchange ${f.exchangeId}: both legs are in the same portfolio`,
  );
  return Object.freeze({
    kind: 'exchange',
    ...f,
    out: Object.freeze({ ...f.out }),
    in: Object.freeze({ ...f.in }),
  });
}

export function createConversionNotice(f: Omit<ConversionNotice, 'kind'>): ConversionNotice {
  checkCommon(f.txnId, f.date, f.shareUnits);
  return Object.freeze({ kind: 'convert', ...f });
}

/**
 * SPEC §6: the shares an exchange delivers are the shares given up scaled by the price ratio, to
 * the nearest 0.0001 share. True when `in` is that nearest count (within half a unit).
 */
export function exchangeSharesConsistent(e: {
  readonly out: Pick<ExchangeLeg, 'shareUnits' | 'priceUnits'>;
  readonly in: Pick<ExchangeLeg, 'shareUnits' | 'priceUnits'>;
}): boolean {
  const diff = e.in.shareUnits * e.in.priceUnits - e.out.shareUnits * e.out.priceUnits;
  return 2n * (diff < 0n ? -diff : diff) <= e.in.priceUnits;
}
