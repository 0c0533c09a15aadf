import { decodeCopyField } from './copyText.js';
import { decodeIntArrayAt, decodeTextArray, IntColumn } from './pgArrayText.js';

/**
 * The stored Class B ledger's row (class_b_ledger_state, migration 28) in COPY text: one row per
 * account and month end, its lots and systematic-withdrawal allowances as arrays, one per field
 * (pgArrayText.ts). The reads of ledgerStateRepository.ts decode it here straight into columns.
 */

/** The row's lot arrays, in the order the reads select and {@link decodeLedgerStateCopy} reads them. */
export const LOT_ARRAY_COLUMNS = [
  'lot_arrival',
  'lot_portfolio_key',
  'lot_issuing_portfolio_key',
  'lot_origin_txn_id',
  'lot_free',
  'lot_doi_epoch_day',
  'lot_sequence',
  'lot_share_units',
  'lot_cost_cents',
] as const;

/** The row's allowance arrays, after the lots'. */
export const ALLOWANCE_ARRAY_COLUMNS = [
  'allowance_portfolio_key',
  'allowance_year',
  'allowance_units',
  'allowance_used_units',
] as const;

/** The arrays of `alias`, for a SELECT list (the allowances' too, `withAllowances`). */
export const stateArrays = (alias: string, withAllowances: boolean): string =>
  [...LOT_ARRAY_COLUMNS, ...(withAllowances ? ALLOWANCE_ARRAY_COLUMNS : [])]
    .map((c) => `${alias}.${c}`)
    .join(', ');

/** The rows of a state read, as columns (numbers in Float64Arrays; the lots of account a are lotStart[a]..lotStart[a+1]). */
export interface DecodedLedgerStates {
  readonly count: number;
  readonly key: Float64Array;
  readonly name: readonly string[];
  /** the read's third column: the omnibus flag (1/0) or the state's as_of, days since 1970-01-01 */
  readonly third: Float64Array;
  readonly nextSequence: Float64Array;
  readonly nextArrival: Float64Array;
  /** count + 1 entries */
  readonly lotStart: Float64Array;
  /** count + 1 entries */
  readonly withdrawalStart: Float64Array;
  readonly lots: {
    readonly count: number;
    readonly arrival: Float64Array;
    readonly portfolio: Float64Array;
    readonly issuingPortfolio: Float64Array;
    readonly origin: readonly string[];
    /** 1: Free Shares */
    readonly free: Float64Array;
    readonly doiEpochDay: Float64Array;
    readonly sequence: Float64Array;
    readonly shareUnits: Float64Array;
    readonly costCents: Float64Array;
  };
  readonly allowances: {
    readonly count: number;
    readonly portfolio: Float64Array;
    readonly year: Float64Array;
    readonly allowanceUnits: Float64Array;
    readonly usedUnits: Float64Array;
  };
}

/**
 * A state read's COPY text decoded straight into columns (issue 14: no string per field, only the
 * origins'). Each row: account key, account, the omnibus flag or an integer, next sequence, next
 * arrival, the lot arrays and, `withAllowances`, the allowance arrays — the state's fields all `\N`
 * where the account has no stored state (no lot, nothing next: zeros). `keepPortfolio`: only the
 * lots of the portfolios it keeps (a report's holdings), dropped here rather than unnested in SQL.
 */
export function decodeLedgerStateCopy(
  text: string,
  withAllowances: boolean,
  keepPortfolio?: (portfolioKey: number) => boolean,
): DecodedLedgerStates {
  const key = new IntColumn();
  const name: string[] = [];
  const third = new IntColumn();
  const nextSequence = new IntColumn();
  const nextArrival = new IntColumn();
  const lotStart = new IntColumn();
  const withdrawalStart = new IntColumn();
  lotStart.push(0);
  withdrawalStart.push(0);
  const capacity = text.length >> 6;
  // the integer columns of the lots (the origins are text: their own column)
  const lotInts = LOT_ARRAY_COLUMNS.map((c) => (c === 'lot_origin_txn_id' ? null : new IntColumn(capacity)));
  const ints = lotInts.filter((c) => c !== null);
  const PORTFOLIO = LOT_ARRAY_COLUMNS.indexOf('lot_portfolio_key');
  const origin: string[] = [];
  const allowanceInts = Array.from({ length: ALLOWANCE_ARRAY_COLUMNS.length }, () => new IntColumn());
  const fields = 5 + LOT_ARRAY_COLUMNS.length + (withAllowances ? ALLOWANCE_ARRAY_COLUMNS.length : 0);
  const n = text.length;
  let p = 0;
  let row = 0;
  const bad = (why: string) => new Error(`class_b_ledger_state COPY text, row ${row + 1}: ${why}`);
  const sep = (code: number) => {
    if (text.charCodeAt(p) !== code) throw bad(`expected ${code === 9 ? 'a tab' : 'a line end'} at ${p}`);
    p++;
  };
  const int = () => {
    let neg = false;
    if (text.charCodeAt(p) === 45) {
      neg = true;
      p++;
    }
    const from = p;
    let v = 0;
    for (let ch = text.charCodeAt(p); ch >= 48 && ch <= 57; ch = text.charCodeAt(++p)) v = v * 10 + (ch - 48);
    if (p === from || !Number.isSafeInteger(v)) throw bad(`not a safe integer at ${from}`);
    return neg ? -v : v;
  };
  const field = () => {
    let end = p;
    while (end < n && text.charCodeAt(end) !== 9 && text.charCodeAt(end) !== 10) end++;
    const f = text.slice(p, end);
    p = end;
    return f;
  };
  while (p < n) {
    if (text.startsWith('\\.', p)) break; // the end-of-data marker
    key.push(int());
    sep(9);
    name.push(decodeCopyField(field()));
    sep(9);
    const flag = text.charCodeAt(p);
    if (flag === 116 || flag === 102) {
      third.push(flag === 116 ? 1 : 0);
      p++;
    } else third.push(int());
    sep(9);
    if (text.charCodeAt(p) === 92 && text.charCodeAt(p + 1) === 78) {
      // no stored state: every later field is \N
      nextSequence.push(0);
      nextArrival.push(0);
      for (let f = 3; f < fields; f++) {
        if (f > 3) sep(9);
        if (field() !== '\\N') throw bad('a state field without the account state');
      }
    } else {
      nextSequence.push(int());
      sep(9);
      nextArrival.push(int());
      const from = origin.length;
      for (const col of lotInts) {
        sep(9);
        if (col !== null) p = decodeIntArrayAt(text, p, col);
        else for (const o of decodeTextArray(decodeCopyField(field()))) origin.push(o);
      }
      const m = origin.length;
      for (const col of ints) if (col.length !== m) throw bad('lot arrays of different lengths');
      if (keepPortfolio !== undefined) {
        // the lots of the portfolios asked for, kept in their order
        const portfolio = lotInts[PORTFOLIO]!.data;
        let to = from;
        for (let i = from; i < m; i++) {
          if (!keepPortfolio(portfolio[i]!)) continue;
          if (to !== i) {
            for (const col of ints) col.data[to] = col.data[i]!;
            origin[to] = origin[i]!;
          }
          to++;
        }
        for (const col of ints) col.length = to;
        origin.length = to;
      }
      if (withAllowances) {
        for (const col of allowanceInts) {
          sep(9);
          p = decodeIntArrayAt(text, p, col);
        }
        const w = allowanceInts[0]!.length;
        for (const col of allowanceInts)
          if (col.length !== w) throw bad('allowance arrays of different lengths');
      }
    }
    if (text.charCodeAt(p) === 13) p++;
    if (p < n) sep(10);
    lotStart.push(origin.length);
    withdrawalStart.push(allowanceInts[0]!.length);
    row++;
  }
  const lot = (c: string) =>
    lotInts[LOT_ARRAY_COLUMNS.indexOf(c as (typeof LOT_ARRAY_COLUMNS)[number])]!.values();
  const allowance = (c: string) =>
    allowanceInts[ALLOWANCE_ARRAY_COLUMNS.indexOf(c as (typeof ALLOWANCE_ARRAY_COLUMNS)[number])]!.values();
  return {
    count: row,
    key: key.values(),
    name,
    third: third.values(),
    nextSequence: nextSequence.values(),
    nextArrival: nextArrival.values(),
    lotStart: lotStart.values(),
    withdrawalStart: withdrawalStart.values(),
    lots: {
      count: origin.length,
      arrival: lot('lot_arrival'),
      portfolio: lot('lot_portfolio_key'),
      issuingPortfolio: lot('lot_issuing_portfolio_key'),
      origin,
      free: lot('lot_free'),
      doiEpochDay: lot('lot_doi_epoch_day'),
      sequence: lot('lot_sequence'),
      shareUnits: lot('lot_share_units'),
      costCents: lot('lot_cost_cents'),
    },
    allowances: {
      count: allowanceInts[0]!.length,
      portfolio: allowance('allowance_portfolio_key'),
      year: allowance('allowance_year'),
      allowanceUnits: allowance('allowance_units'),
      usedUnits: allowance('allowance_used_units'),
    },
  };
}

/** The Free Share lots of a state read, as (account key, origin): whose attributions to read. */
export function* freeLotsOf(
  s: DecodedLedgerStates,
): Generator<readonly [accountKey: number, origin: string]> {
  for (let a = 0; a < s.count; a++)
    for (let i = s.lotStart[a]!; i < s.lotStart[a + 1]!; i++)
      if (s.lots.free[i] === 1) yield [s.key[a]!, s.lots.origin[i]!] as const;
}
