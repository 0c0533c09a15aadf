import { createCdscSchedule } from '../class-b/cdscSchedule.js';
import { type CdscWaiver, isCdscWaiver } from '../class-b/cdscWaiver.js';
import {
  type ClassBActivity,
  createConversionNotice,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../class-b/classBActivity.js';
import {
  type ClassBTerms,
  createClassBTerms,
  createConversionPeriod,
  DEFAULT_CLASS_B_TERMS,
} from '../class-b/classBTerms.js';
import { createDistributorTerm, type DistributorTerm } from '../class-b/distributorTerm.js';
import type { RedemptionResult } from '../class-b/ledgerResults.js';
import { formatPriceUnits, formatValueUnits, parsePriceUnits } from '../class-b/pricePerShare.js';
import { createRedemptionFeeRule } from '../class-b/redemptionFeeRule.js';
import { formatShareUnits, parseShareUnits } from '../class-b/shareUnits.js';
import { formatCents } from '../money/cents.js';
import { formatRatePct, normalizeRatePct } from '../money/rate.js';
import type { Queryable } from './database.js';

/** A stored transfer-agent transaction, as the class_b_transaction table holds it. */
export interface ClassBTransactionRow {
  readonly txn_id: string;
  readonly seq: string;
  readonly date: string;
  readonly account: string;
  readonly portfolio_id: string;
  readonly type: 'purchase' | 'reinvest' | 'redeem' | 'exchange_out' | 'exchange_in' | 'convert';
  readonly shares: string;
  readonly price: string | null;
  readonly exchange_id: string | null;
  readonly waiver: string | null;
}

export const CLASS_B_TRANSACTION_COLUMNS =
  'txn_id, seq, date, account, portfolio_id, type, shares, price, exchange_id, waiver';

/**
 * One account's transactions, in order (date, then arrival), as domain activity: the two legs of
 * an exchange become one Free Exchange Transaction at the place of its first leg.
 */
export function activityOfRows(rows: readonly ClassBTransactionRow[]): ClassBActivity[] {
  const legs = new Map<string, ClassBTransactionRow[]>();
  for (const r of rows)
    if (r.exchange_id !== null && (r.type === 'exchange_out' || r.type === 'exchange_in'))
      legs.set(r.exchange_id, [...(legs.get(r.exchange_id) ?? []), r]);
  const out: ClassBActivity[] = [];
  const done = new Set<string>();
  for (const r of rows) {
    const common = {
      txnId: r.txn_id,
      date: r.date,
      portfolioId: r.portfolio_id,
      shareUnits: parseShareUnits(r.shares),
    };
    switch (r.type) {
      case 'purchase':
        out.push(createPurchase({ ...common, priceUnits: parsePriceUnits(r.price ?? '') }));
        break;
      case 'reinvest':
        out.push(createReinvestment({ ...common, priceUnits: parsePriceUnits(r.price ?? '') }));
        break;
      case 'redeem':
        out.push(
          createRedemption({
            ...common,
            priceUnits: parsePriceUnits(r.price ?? ''),
            waiver: r.waiver !== null && isCdscWaiver(r.waiver) ? (r.waiver as CdscWaiver) : null,
          }),
        );
        break;
      case 'convert':
        out.push(createConversionNotice(common));
        break;
      default: {
        const id = r.exchange_id!;
        if (done.has(id)) break;
        done.add(id);
        const pair = legs.get(id) ?? [];
        const o = pair.find((x) => x.type === 'exchange_out');
        const i = pair.find((x) => x.type === 'exchange_in');
        if (!o || !i) throw new Error(`exchange ${id} of account ${r.account} lacks a leg`);
        const leg = (x: ClassBTransactionRow) => ({
          txnId: x.txn_id,
          portfolioId: x.portfolio_id,
          shareUnits: parseShareUnits(x.shares),
          priceUnits: parsePriceUnits(x.price ?? ''),
        });
        out.push(createFreeExchange({ exchangeId: id, date: o.date, out: leg(o), in: leg(i) }));
      }
    }
  }
  return out;
}

/** Stored transactions of the given accounts, grouped by account, in order. */
export async function loadTransactionsOf(
  q: Queryable,
  accounts: readonly string[],
): Promise<Map<string, ClassBTransactionRow[]>> {
  const out = new Map<string, ClassBTransactionRow[]>();
  const CHUNK = 50_000;
  for (let i = 0; i < accounts.length; i += CHUNK) {
    const rows = await q.query<ClassBTransactionRow>(
      `SELECT ${CLASS_B_TRANSACTION_COLUMNS} FROM class_b_transaction
        WHERE account = ANY($1::text[]) ORDER BY account, date, seq`,
      [accounts.slice(i, i + CHUNK)],
    );
    for (const r of rows) {
      let list = out.get(r.account);
      if (!list) {
        list = [];
        out.set(r.account, list);
      }
      list.push(r);
    }
  }
  return out;
}

export async function loadDistributorTerms(q: Queryable): Promise<DistributorTerm[]> {
  const rows = await q.query<{
    portfolio_id: string | null;
    distributor: string;
    start_date: string;
    end_date: string | null;
    rights_assigned_to: string | null;
  }>(
    `SELECT portfolio_id, distributor, start_date, end_date, rights_assigned_to
       FROM class_b_distributor_term ORDER BY portfolio_id NULLS FIRST, start_date`,
  );
  return rows.map((r) =>
    createDistributorTerm({
      portfolioId: r.portfolio_id,
      distributor: r.distributor,
      start: r.start_date,
      end: r.end_date,
      rightsAssignedTo: r.rights_assigned_to,
    }),
  );
}

/** A stored prospectus term of the Class B shares (`plan12b class-b-terms import`), one per row. */
export interface ClassBTermRule {
  readonly rule: 'cdsc-schedule' | 'conversion-period' | 'redemption-fee';
  /** null: every portfolio */
  readonly portfolioId: string | null;
  readonly portfolioName: string | null;
  readonly doiFrom: string | null;
  readonly doiTo: string | null;
  /** canonical percent strings for years 1, 2, …: ['4.00', '3.00', '2.00', '1.00'] */
  readonly cdscSchedulePct: readonly string[] | null;
  readonly conversionYears: number | null;
  readonly redemptionFeePct: string | null;
  readonly redemptionFeeDays: number | null;
}

export async function loadClassBTermRules(q: Queryable): Promise<ClassBTermRule[]> {
  const rows = await q.query<{
    rule: ClassBTermRule['rule'];
    portfolio_id: string | null;
    portfolio_name: string | null;
    doi_from: string | null;
    doi_to: string | null;
    cdsc_schedule_pct: string | null;
    conversion_years: number | null;
    redemption_fee_pct: string | null;
    redemption_fee_days: number | null;
  }>(
    `SELECT rule, portfolio_id, portfolio_name, doi_from, doi_to, cdsc_schedule_pct, conversion_years,
            redemption_fee_pct, redemption_fee_days
       FROM class_b_terms_rule ORDER BY rule, portfolio_id NULLS FIRST, doi_from NULLS FIRST`,
  );
  return rows.map((r) => ({
    rule: r.rule,
    portfolioId: r.portfolio_id,
    portfolioName: r.portfolio_name,
    doiFrom: r.doi_from,
    doiTo: r.doi_to,
    cdscSchedulePct: r.cdsc_schedule_pct === null ? null : r.cdsc_schedule_pct.split(','),
    conversionYears: r.conversion_years === null ? null : Number(r.conversion_years),
    redemptionFeePct: r.redemption_fee_pct === null ? null : normalizeRatePct(r.redemption_fee_pct),
    redemptionFeeDays: r.redemption_fee_days === null ? null : Number(r.redemption_fee_days),
  }));
}

/**
 * The domain's terms from stored rules, the defaults first so that any rule overrides them: a
 * portfolio's own rule wins over one for all portfolios (classBTerms.ts, most specific wins).
 */
export function classBTermsOfRules(rules: readonly ClassBTermRule[]): ClassBTerms {
  const scope = (r: ClassBTermRule) => r.portfolioName ?? 'all portfolios';
  return createClassBTerms({
    cdscSchedules: rules
      .filter((r) => r.rule === 'cdsc-schedule')
      .map((r) =>
        createCdscSchedule({
          name: `${scope(r)}, DOI ${r.doiFrom ?? '…'}..${r.doiTo ?? '…'}: ${r.cdscSchedulePct!.join('-')}`,
          yearRatesPct: r.cdscSchedulePct!,
          portfolioId: r.portfolioId,
          doiFrom: r.doiFrom,
          doiTo: r.doiTo,
        }),
      ),
    conversionPeriods: rules
      .filter((r) => r.rule === 'conversion-period')
      .map((r) => createConversionPeriod({ portfolioId: r.portfolioId, years: r.conversionYears! })),
    redemptionFees: rules
      .filter((r) => r.rule === 'redemption-fee')
      .map((r) =>
        createRedemptionFeeRule({
          portfolioId: r.portfolioId!,
          ratePct: r.redemptionFeePct!,
          holdingDays: r.redemptionFeeDays,
        }),
      ),
  });
}

/**
 * The prospectus terms the ledger applies (SPEC §6): the rules `plan12b class-b-terms import`
 * recorded, over the defaults (5-4-3-3-2-1, conversion after 8 years, no redemption fee) where no
 * rule says otherwise.
 */
export async function loadClassBTerms(q: Queryable): Promise<ClassBTerms> {
  const rules = await loadClassBTermRules(q);
  return rules.length === 0 ? DEFAULT_CLASS_B_TERMS : classBTermsOfRules(rules);
}

/**
 * Replaces an account's stored redemptions dated on or after `from` with those the ledger now
 * computes (a replay never changes what happened before its first new transaction).
 */
export async function replaceRedemptions(
  q: Queryable,
  changes: readonly { account: string; from: string; redemptions: readonly RedemptionResult[] }[],
): Promise<number> {
  const CHUNK = 20_000;
  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    await q.query(
      `DELETE FROM class_b_redemption r USING unnest($1::text[], $2::date[]) AS k(account, from_date)
        WHERE r.account = k.account AND r.date >= k.from_date`,
      [part.map((c) => c.account), part.map((c) => c.from)],
    );
  }
  const heads: (RedemptionResult & { account: string })[] = [];
  for (const c of changes)
    for (const r of c.redemptions) if (r.date >= c.from) heads.push({ ...r, account: c.account });
  for (let i = 0; i < heads.length; i += CHUNK) {
    const part = heads.slice(i, i + CHUNK);
    await q.query(
      `INSERT INTO class_b_redemption (txn_id, account, portfolio_id, date, shares, price, waiver, gross, cdsc,
          cdsc_waived, redemption_fee, net)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::numeric[], $6::numeric[], $7::text[],
          $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[])`,
      [
        part.map((r) => r.txnId),
        part.map((r) => r.account),
        part.map((r) => r.portfolioId),
        part.map((r) => r.date),
        part.map((r) => formatShareUnits(r.shareUnits)),
        part.map((r) => formatPriceUnits(r.priceUnits)),
        part.map((r) => r.waiver),
        part.map((r) => formatCents(r.grossCents)),
        part.map((r) => formatCents(r.cdscCents)),
        part.map((r) => formatCents(r.waivedCents)),
        part.map((r) => formatCents(r.redemptionFeeCents)),
        part.map((r) => formatCents(r.netCents)),
      ],
    );
    const pieces = part.flatMap((r) => r.pieces.map((p, n) => ({ txnId: r.txnId, n, p })));
    await q.query(
      `INSERT INTO class_b_redemption_piece (txn_id, piece, lot_id, kind, doi, issuing_portfolio_id, shares, cost,
          rate_pct, base, cdsc, cdsc_waived)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[], $7::numeric[],
          $8::numeric[], $9::numeric[], $10::numeric[], $11::numeric[], $12::numeric[])`,
      [
        pieces.map((x) => x.txnId),
        pieces.map((x) => x.n),
        pieces.map((x) => x.p.lotId),
        pieces.map((x) => x.p.kind),
        pieces.map((x) => x.p.dateOfOriginalIssuance),
        pieces.map((x) => x.p.issuingPortfolioId),
        pieces.map((x) => formatShareUnits(x.p.shareUnits)),
        pieces.map((x) => formatCents(x.p.costCents)),
        pieces.map((x) => formatRatePct(x.p.rateMicroPct)),
        pieces.map((x) => formatValueUnits(x.p.baseValueUnits)),
        pieces.map((x) => formatCents(x.p.cdscCents)),
        pieces.map((x) => formatCents(x.p.waivedCents)),
      ],
    );
  }
  return heads.length;
}
