import { decimalInt, decimalIntEnd, decodeCopyField } from './copyText.js';
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

/**
 * A column of strings that stand in one text (a state read's COPY text): each element kept as where
 * it stands, sliced only when asked for (issue 14: a close reads five million lot origins, and
 * asks for the text of those it writes back or redeems, not of the rest), or given as a string
 * (an element that needed unquoting or unescaping).
 */
export class TextColumn {
  /** where each element starts in `text`, or −1 − its index in `given`; where it ends */
  private readonly starts: IntColumn;
  private readonly ends: IntColumn;
  private readonly given: string[] = [];
  constructor(
    private readonly text = '',
    capacity = 1024,
  ) {
    this.starts = new IntColumn(capacity);
    this.ends = new IntColumn(capacity);
  }
  get length(): number {
    return this.starts.length;
  }
  /** Adds `text[from, to)`. */
  pushSpan(from: number, to: number): void {
    this.starts.push(from);
    this.ends.push(to);
  }
  /** Adds a string of its own. */
  push(value: string): void {
    this.starts.push(-1 - this.given.length);
    this.ends.push(0);
    this.given.push(value);
  }
  /** Element `i`. */
  get(i: number): string {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`element ${i} of ${this.length}`);
    const start = this.starts.data[i]!;
    return start >= 0 ? this.text.slice(start, this.ends.data[i]!) : this.given[-1 - start]!;
  }
  /** Element `from` put at `to` (an earlier place: the column compacted). */
  move(to: number, from: number): void {
    this.starts.data[to] = this.starts.data[from]!;
    this.ends.data[to] = this.ends.data[from]!;
  }
  /** Keeps the first `n` elements. */
  truncate(n: number): void {
    if (n < this.length) {
      this.starts.length = n;
      this.ends.length = n;
    }
  }
}

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
    /** each lot's origin (the txn_id of the transaction that made it) */
    readonly origin: TextColumn;
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

/** Where the COPY field starting at `text[p]` ends (its tab, its line end, or the text's end). */
function fieldEnd(text: string, p: number): number {
  const n = text.length;
  while (p < n) {
    const ch = text.charCodeAt(p);
    if (ch === 9 || ch === 10) break;
    p++;
  }
  return p;
}

/** Whether the 4 characters at `text[p]` are the word NULL, in any case (an unquoted NULL element). */
function isNullWord(text: string, p: number): boolean {
  return (
    (text.charCodeAt(p) | 32) === 110 &&
    (text.charCodeAt(p + 1) | 32) === 117 &&
    (text.charCodeAt(p + 2) | 32) === 108 &&
    (text.charCodeAt(p + 3) | 32) === 108
  );
}

/**
 * A text array field at `text[p]` whose elements are all plain — unquoted, unescaped (no `"`, no
 * `\\`, no brace, nothing at or below a space), never empty or NULL — and which a tab ends, pushed
 * element by element to `out` as where they stand in the COPY text (the txn ids of a state's lot origins).
 * Returns the tab's position, or -1 with `out` as it was for any other field (then decoded the
 * general way: {@link decodeTextArray} of the field with COPY's escapes undone).
 */
function plainTextArrayEnd(text: string, p: number, out: TextColumn): number {
  if (text.charCodeAt(p) !== 123) return -1;
  p++;
  if (text.charCodeAt(p) === 125) return text.charCodeAt(p + 1) === 9 ? p + 1 : -1;
  const at = out.length;
  let from = p;
  for (;;) {
    const ch = text.charCodeAt(p);
    if (ch === 44 || ch === 125) {
      if (p === from || (p - from === 4 && isNullWord(text, from))) break;
      out.pushSpan(from, p);
      p++;
      if (ch === 125) {
        if (text.charCodeAt(p) === 9) return p;
        break;
      }
      from = p;
    } else if (ch <= 32 || ch === 34 || ch === 92 || ch === 123 || p >= text.length) break;
    else p++;
  }
  out.truncate(at);
  return -1;
}

/**
 * A state read's COPY text decoded straight into columns (issue 14: no string per field, only the
 * origins'). Each row: account key, account, the omnibus flag or an integer, next sequence, next
 * arrival, the lot arrays and, `withAllowances`, the allowance arrays — the state's fields all `\N`
 * where the account has no stored state (no lot, nothing next: zeros). `keepPortfolio`: only the
 * lots of the portfolios it keeps (a report's holdings), dropped here rather than unnested in SQL.
 *
 * One loop with its position in a local (the reference keeps it in a closure its helpers share,
 * which V8 cannot hold in a register: ~2.5× slower), and the origins' plain txn ids sliced straight
 * from the text. Anything it does not expect — a bad integer, a missing tab, arrays of different
 * lengths — hands the whole text to {@link decodeLedgerStateCopyReference}, which says what is
 * wrong; the property test holds the two equal (test/store/ledger-state-copy-decoded-fast-equals-reference.test.ts).
 */
export function decodeLedgerStateCopy(
  text: string,
  withAllowances: boolean,
  keepPortfolio?: (portfolioKey: number) => boolean,
): DecodedLedgerStates {
  try {
    const decoded = decodeLedgerStateCopyFast(text, withAllowances, keepPortfolio);
    if (decoded !== null) return decoded;
  } catch {
    // a malformed array or field: the reference says where
  }
  return decodeLedgerStateCopyReference(text, withAllowances, keepPortfolio);
}

/** {@link decodeLedgerStateCopy}'s loop; null where the text is not as expected. */
function decodeLedgerStateCopyFast(
  text: string,
  withAllowances: boolean,
  keepPortfolio: ((portfolioKey: number) => boolean) | undefined,
): DecodedLedgerStates | null {
  const cols = stateColumns(text, withAllowances, new TextColumn(text, text.length >> 6));
  const { key, name, third, nextSequence, nextArrival, lotStart, withdrawalStart } = cols;
  const { lotInts, ints, origin, allowanceInts, fields } = cols;
  const n = text.length;
  let p = 0;
  while (p < n) {
    if (text.charCodeAt(p) === 92 && text.charCodeAt(p + 1) === 46) break; // the end-of-data marker
    p = decimalIntEnd(text, p);
    if (p < 0) return null;
    key.push(decimalInt[0]!);
    if (text.charCodeAt(p++) !== 9) return null;
    let end = fieldEnd(text, p);
    name.push(decodeCopyField(text.slice(p, end)));
    p = end;
    if (text.charCodeAt(p++) !== 9) return null;
    const flag = text.charCodeAt(p);
    if (flag === 116 || flag === 102) {
      third.push(flag === 116 ? 1 : 0);
      p++;
    } else {
      p = decimalIntEnd(text, p);
      if (p < 0) return null;
      third.push(decimalInt[0]!);
    }
    if (text.charCodeAt(p++) !== 9) return null;
    if (text.charCodeAt(p) === 92 && text.charCodeAt(p + 1) === 78) {
      // no stored state: every later field is \N
      nextSequence.push(0);
      nextArrival.push(0);
      for (let f = 3; f < fields; f++) {
        if (f > 3 && text.charCodeAt(p++) !== 9) return null;
        end = fieldEnd(text, p);
        if (end - p !== 2 || text.charCodeAt(p) !== 92 || text.charCodeAt(p + 1) !== 78) return null;
        p = end;
      }
    } else {
      p = decimalIntEnd(text, p);
      if (p < 0) return null;
      nextSequence.push(decimalInt[0]!);
      if (text.charCodeAt(p++) !== 9) return null;
      p = decimalIntEnd(text, p);
      if (p < 0) return null;
      nextArrival.push(decimalInt[0]!);
      const from = origin.length;
      for (let c = 0; c < lotInts.length; c++) {
        if (text.charCodeAt(p++) !== 9) return null;
        const col = lotInts[c];
        if (col) {
          p = decodeIntArrayAt(text, p, col);
          continue;
        }
        end = plainTextArrayEnd(text, p, origin);
        if (end < 0) {
          end = fieldEnd(text, p);
          for (const o of decodeTextArray(decodeCopyField(text.slice(p, end)))) origin.push(o);
        }
        p = end;
      }
      const m = origin.length;
      for (let c = 0; c < ints.length; c++) if (ints[c]!.length !== m) return null;
      if (keepPortfolio !== undefined) keepPortfolios(cols, from, keepPortfolio);
      if (withAllowances) {
        for (let c = 0; c < allowanceInts.length; c++) {
          if (text.charCodeAt(p++) !== 9) return null;
          p = decodeIntArrayAt(text, p, allowanceInts[c]!);
        }
        const w = allowanceInts[0]!.length;
        for (let c = 0; c < allowanceInts.length; c++) if (allowanceInts[c]!.length !== w) return null;
      }
    }
    if (text.charCodeAt(p) === 13) p++;
    if (p < n && text.charCodeAt(p++) !== 10) return null;
    lotStart.push(origin.length);
    withdrawalStart.push(allowanceInts[0]!.length);
  }
  return decodedLedgerStates(cols);
}

/**
 * The reference of {@link decodeLedgerStateCopy}: the same columns, decoded field by field (each
 * field a string first, the origins through {@link decodeTextArray}); its errors say what is wrong
 * and where.
 */
export function decodeLedgerStateCopyReference(
  text: string,
  withAllowances: boolean,
  keepPortfolio?: (portfolioKey: number) => boolean,
): DecodedLedgerStates {
  const cols = stateColumns(text, withAllowances, new TextColumn());
  const { key, name, third, nextSequence, nextArrival, lotStart, withdrawalStart } = cols;
  const { lotInts, ints, origin, allowanceInts, fields } = cols;
  const n = text.length;
  let p = 0;
  let row = 0;
  const bad = (why: string) => new Error(`class_b_ledger_state COPY text, row ${row + 1}: ${why}`);
  const sep = (code: number) => {
    if (text.charCodeAt(p) !== code) throw bad(`expected ${code === 9 ? 'a tab' : 'a line end'} at ${p}`);
    p++;
  };
  const int = () => {
    const end = decimalIntEnd(text, p);
    if (end < 0) throw bad(`not a safe integer at ${p}`);
    p = end;
    return decimalInt[0]!;
  };
  const field = () => {
    const end = fieldEnd(text, p);
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
      if (keepPortfolio !== undefined) keepPortfolios(cols, from, keepPortfolio);
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
  return decodedLedgerStates(cols);
}

/** The columns a state read is decoded into, as they grow (both decoders'). */
interface StateColumns {
  readonly key: IntColumn;
  readonly name: string[];
  readonly third: IntColumn;
  readonly nextSequence: IntColumn;
  readonly nextArrival: IntColumn;
  readonly lotStart: IntColumn;
  readonly withdrawalStart: IntColumn;
  /** the lot arrays' integer columns in LOT_ARRAY_COLUMNS' order, null at the origins' place */
  readonly lotInts: readonly (IntColumn | null)[];
  /** the same without the null */
  readonly ints: readonly IntColumn[];
  readonly origin: TextColumn;
  readonly allowanceInts: readonly IntColumn[];
  /** the fields of a row */
  readonly fields: number;
}

function stateColumns(text: string, withAllowances: boolean, origin: TextColumn): StateColumns {
  const capacity = text.length >> 6;
  const lotInts = LOT_ARRAY_COLUMNS.map((c) => (c === 'lot_origin_txn_id' ? null : new IntColumn(capacity)));
  const lotStart = new IntColumn();
  const withdrawalStart = new IntColumn();
  lotStart.push(0);
  withdrawalStart.push(0);
  return {
    key: new IntColumn(),
    name: [],
    third: new IntColumn(),
    nextSequence: new IntColumn(),
    nextArrival: new IntColumn(),
    lotStart,
    withdrawalStart,
    lotInts,
    ints: lotInts.filter((c) => c !== null),
    origin,
    allowanceInts: Array.from({ length: ALLOWANCE_ARRAY_COLUMNS.length }, () => new IntColumn()),
    fields: 5 + LOT_ARRAY_COLUMNS.length + (withAllowances ? ALLOWANCE_ARRAY_COLUMNS.length : 0),
  };
}

/** Of the lots from `from` on (a row's), only those of the portfolios kept, in their order. */
function keepPortfolios(cols: StateColumns, from: number, keep: (portfolioKey: number) => boolean): void {
  const { ints, origin } = cols;
  const portfolio = cols.lotInts[LOT_ARRAY_COLUMNS.indexOf('lot_portfolio_key')]!.data;
  const m = origin.length;
  let to = from;
  for (let i = from; i < m; i++) {
    if (!keep(portfolio[i]!)) continue;
    if (to !== i) {
      for (let c = 0; c < ints.length; c++) ints[c]!.data[to] = ints[c]!.data[i]!;
      origin.move(to, i);
    }
    to++;
  }
  for (let c = 0; c < ints.length; c++) ints[c]!.length = to;
  origin.truncate(to);
}

/** The columns of a decoded state read (both decoders' result). */
function decodedLedgerStates(cols: StateColumns): DecodedLedgerStates {
  const { key, name, third, nextSequence, nextArrival, lotStart, withdrawalStart } = cols;
  const { lotInts, origin, allowanceInts } = cols;
  const lot = (c: string) =>
    lotInts[LOT_ARRAY_COLUMNS.indexOf(c as (typeof LOT_ARRAY_COLUMNS)[number])]!.values();
  const allowance = (c: string) =>
    allowanceInts[ALLOWANCE_ARRAY_COLUMNS.indexOf(c as (typeof ALLOWANCE_ARRAY_COLUMNS)[number])]!.values();
  return {
    count: key.length,
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
      if (s.lots.free[i] === 1) yield [s.key[a]!, s.lots.origin.get(i)] as const;
}
