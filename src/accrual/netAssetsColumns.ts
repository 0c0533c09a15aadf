/**
 * Daily net assets (SPEC §4 input, `date,portfolio,class,net_assets`, dollars with at most two
 * decimals) scanned from bytes into columns — class index, day number, integer cents — without a
 * string or an object per row, so a 300 MB feed becomes accrual input in well under a second.
 * Pure: bytes in, columns out; reading the file is the caller's business.
 */
import { dayNumberFromCivil, daysInMonth } from '../calendar/isoDate.js';

export interface NetAssetsColumns {
  readonly rowCount: number;
  /** netAssetsClassKey(portfolio, class) per class index, in order of first appearance. */
  readonly classKeys: readonly string[];
  readonly portfolios: readonly string[];
  readonly classNames: readonly string[];
  /** Per row (length ≥ rowCount): index into classKeys. */
  readonly classIndex: Int32Array;
  /** Per row: days since 1970-01-01. */
  readonly dayNumber: Int32Array;
  /** Per row: net assets in integer cents (exact: |cents| ≤ 2^53). */
  readonly netAssetsCents: Float64Array;
}

/** The accrual class key of a portfolio's class. */
export function netAssetsClassKey(portfolio: string, className: string): string {
  return `${portfolio}|${className}`;
}

export const NET_ASSETS_HEADER = ['date', 'portfolio', 'class', 'net_assets'] as const;

export class NetAssetsCsvError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${source} line ${line}, field ${field}: ${reason}`);
    this.name = 'NetAssetsCsvError';
  }
}

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const MAX_CENTS = 2 ** 53;
const FNV_OFFSET = 0x811c9dc5;
const SLOW_PATH = -1;
const INCOMPLETE = -2;
const FNV_PRIME = 16777619;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Distinct (portfolio, class) byte keys → class index, by open addressing over FNV-1a hashes. */
class ClassTable {
  private slots = new Int32Array(1 << 12);
  private last = -1;
  private hashes: number[] = [];
  private starts: number[] = [];
  private portfolioLengths: number[] = [];
  private classLengths: number[] = [];
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  readonly portfolios: string[] = [];
  readonly classNames: string[] = [];

  /** Index of the class whose key bytes are bytes[ps, pe) and bytes[cs, ce); adds it if new. */
  indexOf(bytes: Uint8Array, ps: number, pe: number, cs: number, ce: number, hash: number): number {
    // Feeds repeat the same class order every day: try the class after the last one first.
    const predicted = this.last + 1 < this.hashes.length ? this.last + 1 : 0;
    if (this.hashes[predicted] === hash && this.matches(predicted, bytes, ps, pe, cs, ce)) {
      this.last = predicted;
      return predicted;
    }
    this.last = this.probe(bytes, ps, pe, cs, ce, hash);
    return this.last;
  }

  private probe(bytes: Uint8Array, ps: number, pe: number, cs: number, ce: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s]!;
      if (entry === 0) return this.add(bytes, ps, pe, cs, ce, hash, s);
      const i = entry - 1;
      if (this.hashes[i] === hash && this.matches(i, bytes, ps, pe, cs, ce)) return i;
    }
  }

  private matches(i: number, bytes: Uint8Array, ps: number, pe: number, cs: number, ce: number): boolean {
    const pl = this.portfolioLengths[i]!;
    if (pl !== pe - ps || this.classLengths[i] !== ce - cs) return false;
    const a = this.arena;
    let k = this.starts[i]!;
    for (let j = ps; j < pe; j++, k++) if (a[k] !== bytes[j]) return false;
    for (let j = cs; j < ce; j++, k++) if (a[k] !== bytes[j]) return false;
    return true;
  }

  private add(
    bytes: Uint8Array,
    ps: number,
    pe: number,
    cs: number,
    ce: number,
    hash: number,
    slot: number,
  ): number {
    const i = this.hashes.length;
    const need = this.arenaUsed + (pe - ps) + (ce - cs);
    if (need > this.arena.length) {
      const grown = new Uint8Array(Math.max(need, this.arena.length * 2));
      grown.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = grown;
    }
    const start = this.arenaUsed;
    this.arena.set(bytes.subarray(ps, pe), start);
    this.arena.set(bytes.subarray(cs, ce), start + (pe - ps));
    this.arenaUsed = need;
    this.hashes.push(hash);
    this.starts.push(start);
    this.portfolioLengths.push(pe - ps);
    this.classLengths.push(ce - cs);
    this.portfolios.push(utf8.decode(bytes.subarray(ps, pe)));
    this.classNames.push(utf8.decode(bytes.subarray(cs, ce)));
    this.slots[slot] = i + 1;
    if (this.hashes.length * 2 > this.slots.length) this.rehash();
    return i;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, i) => {
      let s = hash & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    });
    this.slots = slots;
  }
}

function fnv(bytes: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, FNV_PRIME);
  return h;
}

/**
 * Incremental scanner: feed it buffers of whole lines (plus a partial tail it hands back), then
 * call {@link finish}. Rows are checked as they come: a bad row throws {@link NetAssetsCsvError}
 * naming the line and field (SPEC §12).
 */
export class NetAssetsCsvScanner {
  private line = 0;
  private rows = 0;
  private classIndex: Int32Array;
  private dayNumber: Int32Array;
  private netAssetsCents: Float64Array;
  private readonly classes = new ClassTable();
  private lastDateKey = -1;
  private lastDay = 0;

  constructor(
    private readonly source = 'net assets',
    capacityHint = 1 << 16,
  ) {
    const capacity = Math.max(16, Math.ceil(capacityHint));
    this.classIndex = new Int32Array(capacity);
    this.dayNumber = new Int32Array(capacity);
    this.netAssetsCents = new Float64Array(capacity);
  }

  /**
   * Scans the complete lines in bytes[0, end) — all of it when `final` — and returns how many
   * bytes it consumed; the caller keeps the rest for the next call.
   */
  scan(bytes: Uint8Array, end: number, final: boolean): number {
    let pos = 0;
    while (pos < end) {
      const start = pos;
      const afterRow = this.fastRow(bytes, start, end, final);
      if (afterRow === INCOMPLETE) break;
      if (afterRow !== SLOW_PATH) {
        pos = afterRow;
        continue;
      }
      // Slow path: the header, quoted fields, blank lines and every error, one whole line at a time.
      let lineEnd = bytes.indexOf(NEWLINE, start);
      if (lineEnd < 0 || lineEnd >= end) {
        if (!final) break;
        lineEnd = end;
      }
      const next = lineEnd + 1;
      if (lineEnd > start && bytes[lineEnd - 1] === CR) lineEnd--;
      this.line++;
      if (this.line === 1) this.header(bytes, start, lineEnd);
      else if (lineEnd > start) this.row(bytes, start, lineEnd);
      pos = next;
    }
    return Math.min(pos, end);
  }

  /**
   * Fast path: an unquoted "YYYY-MM-DD,portfolio,class,dollars" line parsed in one pass. Returns
   * the position after its newline, SLOW_PATH for anything else, or INCOMPLETE at the buffer end.
   */
  private fastRow(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    if (this.line === 0 || start + 11 > end) return SLOW_PATH;
    if (bytes[start + 4] !== MINUS || bytes[start + 7] !== MINUS || bytes[start + 10] !== COMMA)
      return SLOW_PATH;
    const y0 = bytes[start]! - ZERO;
    const y1 = bytes[start + 1]! - ZERO;
    const y2 = bytes[start + 2]! - ZERO;
    const y3 = bytes[start + 3]! - ZERO;
    const m0 = bytes[start + 5]! - ZERO;
    const m1 = bytes[start + 6]! - ZERO;
    const d0 = bytes[start + 8]! - ZERO;
    const d1 = bytes[start + 9]! - ZERO;
    if (((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) & ~15) !== 0 || y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9) {
      return SLOW_PATH;
    }
    if (m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return SLOW_PATH;
    const key = ((((((y0 * 10 + y1) * 10 + y2) * 10 + y3) * 10 + m0) * 10 + m1) * 10 + d0) * 10 + d1;
    let day = this.lastDay;
    if (key !== this.lastDateKey) {
      const year = Math.floor(key / 10000);
      const month = Math.floor(key / 100) % 100;
      const dom = key % 100;
      if (month < 1 || month > 12 || dom < 1 || dom > daysInMonth(year, month)) return SLOW_PATH;
      day = dayNumberFromCivil(year, month, dom);
      this.lastDateKey = key;
      this.lastDay = day;
    }
    let p = start + 11;
    let h = FNV_OFFSET;
    const ps = p;
    for (;;) {
      if (p >= end) return SLOW_PATH;
      const b = bytes[p]!;
      if (b === COMMA) break;
      if (b === QUOTE || b === NEWLINE || b === CR) return SLOW_PATH;
      h = Math.imul(h ^ b, FNV_PRIME);
      p++;
    }
    const pe = p++;
    h = Math.imul(h ^ COMMA, FNV_PRIME);
    const cs = p;
    for (;;) {
      if (p >= end) return SLOW_PATH;
      const b = bytes[p]!;
      if (b === COMMA) break;
      if (b === QUOTE || b === NEWLINE || b === CR) return SLOW_PATH;
      h = Math.imul(h ^ b, FNV_PRIME);
      p++;
    }
    const ce = p++;
    if (pe === ps || ce === cs) return SLOW_PATH;
    const negative = bytes[p] === MINUS;
    if (negative) p++;
    const ws = p;
    let whole = 0;
    while (p < end) {
      const d = bytes[p]! - ZERO;
      if (d >>> 0 > 9) break;
      whole = whole * 10 + d;
      p++;
    }
    if (p === ws || whole > MAX_CENTS / 100) return SLOW_PATH;
    let cents = whole * 100;
    if (p < end && bytes[p] === DOT) {
      const d1 = bytes[p + 1]! - ZERO;
      if (p + 1 >= end || d1 >>> 0 > 9) return SLOW_PATH;
      cents += d1 * 10;
      p += 2;
      const d2 = bytes[p]! - ZERO;
      if (p < end && d2 >>> 0 <= 9) {
        cents += d2;
        p++;
      }
    }
    if (p < end) {
      if (bytes[p] === NEWLINE) p++;
      else if (bytes[p] === CR && p + 1 < end && bytes[p + 1] === NEWLINE) p += 2;
      else return SLOW_PATH;
    } else if (!final) {
      return INCOMPLETE; // the line may continue in the next buffer
    }
    if (cents > MAX_CENTS) return SLOW_PATH;
    const c = this.classes.indexOf(bytes, ps, pe, cs, ce, h);
    if (this.rows === this.classIndex.length) this.grow();
    this.classIndex[this.rows] = c;
    this.dayNumber[this.rows] = day;
    this.netAssetsCents[this.rows] = negative ? -cents : cents;
    this.rows++;
    this.line++;
    return p;
  }

  finish(): NetAssetsColumns {
    if (this.line === 0) throw new NetAssetsCsvError(this.source, 1, 'header', 'the file is empty');
    const classKeys = this.classes.portfolios.map((p, i) =>
      netAssetsClassKey(p, this.classes.classNames[i]!),
    );
    return {
      rowCount: this.rows,
      classKeys,
      portfolios: this.classes.portfolios,
      classNames: this.classes.classNames,
      classIndex: this.classIndex.subarray(0, this.rows),
      dayNumber: this.dayNumber.subarray(0, this.rows),
      netAssetsCents: this.netAssetsCents.subarray(0, this.rows),
    };
  }

  private fail(field: string, reason: string): never {
    throw new NetAssetsCsvError(this.source, this.line, field, reason);
  }

  private header(bytes: Uint8Array, start: number, end: number): void {
    let s = start;
    if (bytes[s] === 0xef && bytes[s + 1] === 0xbb && bytes[s + 2] === 0xbf) s += 3; // UTF-8 BOM
    const names = utf8
      .decode(bytes.subarray(s, end))
      .split(',')
      .map((n) =>
        n
          .trim()
          .replace(/^"(.*)"$/, '$1')
          .toLowerCase(),
      );
    if (names.join(',') !== NET_ASSETS_HEADER.join(',')) {
      this.fail('header', `expected "${NET_ASSETS_HEADER.join(',')}", found "${names.join(',')}"`);
    }
  }

  private row(bytes: Uint8Array, start: number, end: number): void {
    // Fast path: unquoted fields, "YYYY-MM-DD,portfolio,class,amount".
    const dateEnd = start + 10;
    if (dateEnd >= end || bytes[dateEnd] !== COMMA) {
      this.quotedRow(bytes, start, end);
      return;
    }
    const ps = dateEnd + 1;
    let h = FNV_OFFSET;
    let p = ps;
    for (; p < end; p++) {
      const b = bytes[p]!;
      if (b === COMMA) break;
      if (b === QUOTE) {
        this.quotedRow(bytes, start, end);
        return;
      }
      h = Math.imul(h ^ b, FNV_PRIME);
    }
    const pe = p;
    h = Math.imul(h ^ COMMA, FNV_PRIME);
    const cs = pe + 1;
    for (p = cs; p < end; p++) {
      const b = bytes[p]!;
      if (b === COMMA) break;
      if (b === QUOTE) {
        this.quotedRow(bytes, start, end);
        return;
      }
      h = Math.imul(h ^ b, FNV_PRIME);
    }
    const ce = p;
    if (ce >= end) {
      this.quotedRow(bytes, start, end); // fewer than four fields: report exactly
      return;
    }
    this.push(bytes, start, dateEnd, ps, pe, cs, ce, h, ce + 1, end);
  }

  private push(
    bytes: Uint8Array,
    ds: number,
    de: number,
    ps: number,
    pe: number,
    cs: number,
    ce: number,
    hash: number,
    vs: number,
    ve: number,
  ): void {
    if (pe === ps) this.fail('portfolio', 'is empty');
    if (ce === cs) this.fail('class', 'is empty');
    const day = this.date(bytes, ds, de);
    const cents = this.cents(bytes, vs, ve);
    const c = this.classes.indexOf(bytes, ps, pe, cs, ce, hash);
    if (this.rows === this.classIndex.length) this.grow();
    this.classIndex[this.rows] = c;
    this.dayNumber[this.rows] = day;
    this.netAssetsCents[this.rows] = cents;
    this.rows++;
  }

  private grow(): void {
    const n = this.classIndex.length * 2;
    const classIndex = new Int32Array(n);
    classIndex.set(this.classIndex);
    const dayNumber = new Int32Array(n);
    dayNumber.set(this.dayNumber);
    const netAssetsCents = new Float64Array(n);
    netAssetsCents.set(this.netAssetsCents);
    this.classIndex = classIndex;
    this.dayNumber = dayNumber;
    this.netAssetsCents = netAssetsCents;
  }

  private date(bytes: Uint8Array, s: number, e: number): number {
    const bad = () =>
      this.fail('date', `${JSON.stringify(utf8.decode(bytes.subarray(s, e)))} is not a date (YYYY-MM-DD)`);
    if (e - s !== 10 || bytes[s + 4] !== MINUS || bytes[s + 7] !== MINUS) bad();
    let key = 0;
    for (let i = s; i < e; i++) {
      if (i === s + 4 || i === s + 7) continue;
      const d = bytes[i]! - ZERO;
      if (d < 0 || d > 9) bad();
      key = key * 10 + d;
    }
    if (key === this.lastDateKey) return this.lastDay;
    const year = Math.floor(key / 10000);
    const month = Math.floor(key / 100) % 100;
    const day = key % 100;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) bad();
    this.lastDateKey = key;
    this.lastDay = dayNumberFromCivil(year, month, day);
    return this.lastDay;
  }

  private cents(bytes: Uint8Array, s: number, e: number): number {
    const bad = (why: string) =>
      this.fail('net_assets', `${JSON.stringify(utf8.decode(bytes.subarray(s, e)))} ${why}`);
    let p = s;
    const negative = bytes[p] === MINUS;
    if (negative) p++;
    let whole = 0;
    const wholeStart = p;
    for (; p < e; p++) {
      const d = bytes[p]! - ZERO;
      if (d < 0 || d > 9) break;
      whole = whole * 10 + d;
    }
    if (p === wholeStart) bad('is not an amount of dollars (e.g. 1234.50)');
    let frac = 0;
    if (p < e) {
      if (bytes[p] !== DOT) bad('is not an amount of dollars (e.g. 1234.50)');
      p++;
      const fracStart = p;
      for (; p < e; p++) {
        const d = bytes[p]! - ZERO;
        if (d < 0 || d > 9) bad('is not an amount of dollars (e.g. 1234.50)');
        frac = frac * 10 + d;
      }
      const places = p - fracStart;
      if (places === 0) bad('is not an amount of dollars (e.g. 1234.50)');
      if (places > 2) bad('has more than two decimals');
      if (places === 1) frac *= 10;
    }
    const cents = whole * 100 + frac;
    if (whole > MAX_CENTS / 100 || cents > MAX_CENTS) bad('is too large to be exact (over 2^53 cents)');
    return negative ? -cents : cents;
  }

  /** RFC 4180 fields with quotes ("" inside a quoted field is one quote); one line per row. */
  private quotedRow(bytes: Uint8Array, start: number, end: number): void {
    const fields: string[] = [];
    let p = start;
    for (;;) {
      let value = '';
      if (bytes[p] === QUOTE) {
        let q = p + 1;
        for (;;) {
          const close = bytes.indexOf(QUOTE, q);
          if (close < 0 || close >= end) this.fail(`${fields.length + 1}`, 'unterminated quoted field');
          value += utf8.decode(bytes.subarray(q, close));
          if (bytes[close + 1] === QUOTE) {
            value += '"';
            q = close + 2;
            continue;
          }
          p = close + 1;
          break;
        }
        if (p < end && bytes[p] !== COMMA) this.fail(`${fields.length + 1}`, 'text after a closing quote');
      } else {
        let q = p;
        while (q < end && bytes[q] !== COMMA) q++;
        value = utf8.decode(bytes.subarray(p, q));
        p = q;
      }
      fields.push(value);
      if (p >= end) break;
      p++; // comma
    }
    if (fields.length !== 4)
      this.fail('row', `expected 4 fields (${NET_ASSETS_HEADER.join(',')}), found ${fields.length}`);
    const [date, portfolio, className, amount] = fields as [string, string, string, string];
    const portfolioBytes = utf8Encoder.encode(portfolio);
    const classBytes = utf8Encoder.encode(className);
    const dateBytes = utf8Encoder.encode(date);
    const amountBytes = utf8Encoder.encode(amount);
    const scratch = new Uint8Array(
      dateBytes.length + portfolioBytes.length + classBytes.length + amountBytes.length,
    );
    const ds = 0;
    const ps = dateBytes.length;
    const cs = ps + portfolioBytes.length;
    const vs = cs + classBytes.length;
    scratch.set(dateBytes, ds);
    scratch.set(portfolioBytes, ps);
    scratch.set(classBytes, cs);
    scratch.set(amountBytes, vs);
    const hash = fnv(scratch, cs, vs, Math.imul(fnv(scratch, ps, cs, FNV_OFFSET) ^ COMMA, FNV_PRIME));
    this.push(scratch, ds, ps, ps, cs, cs, vs, hash, vs, scratch.length);
  }
}

/**
 * Scans a whole net-assets CSV held in memory.
 * @example scanNetAssetsCsv(bytes).rowCount
 */
export function scanNetAssetsCsv(bytes: Uint8Array, source = 'net assets'): NetAssetsColumns {
  const scanner = new NetAssetsCsvScanner(source, bytes.length / 24);
  scanner.scan(bytes, bytes.length, true);
  return scanner.finish();
}
