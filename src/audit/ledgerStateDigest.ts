import { createHash, hash } from 'node:crypto';

/**
 * The COPY text of whole rows across the slices a reader hands over: a row a slice cuts off at its
 * end is carried to the front of the next (each digest below reads its rows through one).
 */
class WholeRows {
  private partial: Uint8Array | null = null;

  /** The whole rows of what was carried and `bytes`; a row cut at their end is carried on. */
  of(bytes: Uint8Array): Uint8Array {
    let text = bytes;
    if (this.partial !== null) {
      text = new Uint8Array(this.partial.length + bytes.length);
      text.set(this.partial);
      text.set(bytes, this.partial.length);
    }
    const end = text.lastIndexOf(10) + 1;
    this.partial = end < text.length ? text.slice(end) : null;
    return text.subarray(0, end);
  }

  /** Refuses a COPY text that ended within a row. */
  assertEnded(): void {
    if (this.partial !== null) throw new Error('ledger state digest: COPY text ends within a row');
  }
}

/**
 * The digest of the Class B ledger state a close writes (digest v4; SPEC §12: the close seals its
 * results), pure. The close hands over the COPY text it writes (one line per account and month
 * end, ledgerStateRepository.ts `writeLedgerStateChunk`) — no re-read of what it wrote, at a
 * million accounts hundreds of megabytes — and `audit verify` the same rows as COPY gives them out.
 * The writer's order is its chunks' (not the accounts'), so each line is hashed on its own and the
 * digest is the SHA-256 of the lines' hashes in (month end, account key) order, which neither
 * side's order changes: a line edited, added or removed changes it.
 */
export class LedgerStateRowsDigest {
  private hashes = new Uint8Array(32 * 1024);
  private sortKeys: number[] = [];
  private readonly rows = new WholeRows();
  /** the last as_of read, as its ten bytes, and its day number (a chunk's rows share one) */
  private lastDate = new Uint8Array(10);
  private lastDay = Number.NaN;

  /** COPY text of whole rows, or a slice of it (a row cut at its end goes on in the next slice). */
  addCopyText(bytes: Uint8Array): void {
    const text = this.rows.of(bytes);
    let start = 0;
    for (let i = text.indexOf(10, start); i !== -1; i = text.indexOf(10, start)) {
      this.addLine(text.subarray(start, i + 1));
      start = i + 1;
    }
  }

  private addLine(line: Uint8Array): void {
    // account_key TAB as_of (YYYY-MM-DD) TAB …
    let key = 0;
    let i = 0;
    for (; line[i] !== 9; i++) key = key * 10 + (line[i]! - 48);
    let same = !Number.isNaN(this.lastDay);
    for (let j = 0; same && j < 10; j++) same = line[i + 1 + j] === this.lastDate[j];
    if (!same) {
      this.lastDate.set(line.subarray(i + 1, i + 11));
      const d = String.fromCharCode(...this.lastDate);
      this.lastDay =
        Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
    }
    const day = this.lastDay;
    const n = this.sortKeys.length;
    if ((n + 1) * 32 > this.hashes.length) {
      const grown = new Uint8Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes.set(hash('sha256', line, 'buffer'), n * 32);
    this.sortKeys.push(day * 2 ** 32 + key);
  }

  private hashAt(i: number): Uint8Array {
    return this.hashes.subarray(i * 32, i * 32 + 32);
  }

  /** Each row handed over: its date's day number (days since 1970-01-01), account key and line hash. */
  forEachRow(f: (day: number, key: number, lineHash: Uint8Array) => void): void {
    for (let i = 0; i < this.sortKeys.length; i++)
      f(Math.floor(this.sortKeys[i]! / 2 ** 32), this.sortKeys[i]! % 2 ** 32, this.hashAt(i));
  }

  /** Whether a row at a month end from `monthStart` on was handed over. */
  hasRowsFrom(monthStart: string): boolean {
    const start = Date.parse(`${monthStart}T00:00:00Z`) / 86_400_000;
    return this.sortKeys.some((k) => Math.floor(k / 2 ** 32) >= start);
  }

  /**
   * The kinds of the rows: `classBLedgerState`, the rows at month ends from `monthStart` on (the
   * month's end), and `classBLedgerStateBefore`, those before it (a bootstrap the close wrote),
   * present only when there are some.
   */
  kinds(monthStart: string): [kind: string, digest: string][] {
    this.rows.assertEnded();
    const start = Date.parse(`${monthStart}T00:00:00Z`) / 86_400_000;
    // an account's state row and its remembered issuances' rows (class_b_ledger_last_held) share a
    // (month end, account key): those are ordered by their hashes, which neither side's order changes
    // (a state row alone at its key, as every row before migration 35, orders as it always did)
    const order = [...this.sortKeys.keys()].sort(
      (a, b) => this.sortKeys[a]! - this.sortKeys[b]! || Buffer.compare(this.hashAt(a), this.hashAt(b)),
    );
    const month = createHash('sha256');
    const before = createHash('sha256');
    let anyBefore = false;
    for (const i of order) {
      const isBefore = Math.floor(this.sortKeys[i]! / 2 ** 32) < start;
      anyBefore ||= isBefore;
      (isBefore ? before : month).update(this.hashes.subarray(i * 32, i * 32 + 32));
    }
    const out: [string, string][] = [['classBLedgerState', month.digest('hex')]];
    if (anyBefore) out.push(['classBLedgerStateBefore', before.digest('hex')]);
    return out;
  }
}

/**
 * The ledger state's COPY text read at many dates in one pass (ledgerStateAsSealed.ts: the close
 * checks every stored date it starts from), each date's rows digested on their own as
 * {@link LedgerStateRowsDigest} digests one month end's: `digests()` gives, per as_of, the value a
 * seal's `classBLedgerState` (or `classBLedgerStateBefore`) holds for the rows at that date.
 */
export class LedgerStateDigestsByDate {
  private readonly byDate = new Map<string, LedgerStateRowsDigest>();
  private readonly rows = new WholeRows();

  addCopyText(bytes: Uint8Array): void {
    const text = this.rows.of(bytes);
    let start = 0;
    // consecutive lines of one date go to its digest together
    let runStart = 0;
    let runDate = '';
    for (let i = text.indexOf(10, start); i !== -1; i = text.indexOf(10, start)) {
      const tab = text.indexOf(9, start);
      const date = String.fromCharCode(...text.subarray(tab + 1, tab + 11));
      if (date !== runDate) {
        if (runDate !== '') this.digestOf(runDate).addCopyText(text.subarray(runStart, start));
        runStart = start;
        runDate = date;
      }
      start = i + 1;
    }
    if (runDate !== '') this.digestOf(runDate).addCopyText(text.subarray(runStart, start));
  }

  private digestOf(date: string): LedgerStateRowsDigest {
    let d = this.byDate.get(date);
    if (d === undefined) {
      d = new LedgerStateRowsDigest();
      this.byDate.set(date, d);
    }
    return d;
  }

  /** Each date's digest, dates in order. */
  digests(): Map<string, string> {
    this.rows.assertEnded();
    const out = new Map<string, string>();
    // every row of one date is at or after the start of a month before all of them
    for (const date of [...this.byDate.keys()].sort())
      out.set(date, this.byDate.get(date)!.kinds('1900-01-01')[0]![1]);
    return out;
  }
}

/** The digest of no rows at a date (a seal of a month end at which nothing was stored). */
export function noLedgerStateRowsDigest(): string {
  return new LedgerStateRowsDigest().kinds('1900-01-01')[0]![1];
}

/** The kind of a v4 digest that holds the Class B ledger as it stood at the closed month's end. */
export const LEDGER_STATE_AT_END = 'classBLedgerStateAtEnd';

/**
 * The Class B ledger as it stands at one date (issue 14: the close's check bounded by the accounts,
 * not the ledger's history), pure: each account's latest state row on or before it and the
 * remembered issuances' rows at that row's date, as COPY text lines of whole rows
 * (closeRepository.ts `ledgerStateAtCopyText`). Its digest — the SHA-256 of the lines' hashes in
 * (account key, line hash) order, which no reader's order changes — is sealed by the close of that
 * month end (`classBLedgerStateAtEnd`) and compared by the next close, which then reads one row per
 * account, not every month end stored.
 */
export class LedgerStateAsItStands {
  private hashes = new Uint8Array(32 * 1024);
  private keys: number[] = [];
  private days: number[] = [];
  private readonly wholeRows = new WholeRows();
  /** COPY text lines read */
  rows = 0;

  /** COPY text of whole rows, or a slice of it (a row cut at its end goes on in the next slice). */
  addCopyText(bytes: Uint8Array): void {
    const text = this.wholeRows.of(bytes);
    let start = 0;
    for (let i = text.indexOf(10, start); i !== -1; i = text.indexOf(10, start)) {
      const line = text.subarray(start, i + 1);
      // account_key TAB as_of (YYYY-MM-DD) TAB …
      let key = 0;
      let t = 0;
      for (; line[t] !== 9; t++) key = key * 10 + (line[t]! - 48);
      const d = String.fromCharCode(...line.subarray(t + 1, t + 11));
      this.add(
        key,
        Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000,
        hash('sha256', line, 'buffer'),
      );
      this.rows++;
      start = i + 1;
    }
  }

  /**
   * One whole line of that COPY text, as a string (ending in its line end), with its account key
   * and date (days since 1970-01-01): the month pass's read, hashed as it reads the state
   * (ledgerStateRepository.ts `digestLedgerStateReads`), not read a second time.
   */
  addLine(key: number, day: number, line: string): void {
    this.add(key, day, hash('sha256', line, 'buffer'));
    this.rows++;
  }

  private add(key: number, day: number, lineHash: Uint8Array): void {
    const n = this.keys.length;
    if ((n + 1) * 32 > this.hashes.length) {
      const grown = new Uint8Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes.set(lineHash, n * 32);
    this.keys.push(key);
    this.days.push(day);
  }

  /** Whether a row read is dated after `date` (YYYY-MM-DD). */
  hasRowsAfter(date: string): boolean {
    const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    return this.days.some((d) => d > day);
  }

  /**
   * The ledger as it stands once `written` (the rows a close wrote, all dated `date`, later than
   * every row read here) is stored: the written accounts' rows replace those read. Null when a row
   * was written at another date (the books' first close builds the state before its month).
   */
  withWritten(written: LedgerStateRowsDigest, date: string): LedgerStateAsItStands | null {
    const day = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    const out = new LedgerStateAsItStands();
    const replaced = new Set<number>();
    let elsewhere = false;
    written.forEachRow((d, key, lineHash) => {
      elsewhere ||= d !== day;
      replaced.add(key);
      out.add(key, d, lineHash);
    });
    if (elsewhere) return null;
    for (let i = 0; i < this.keys.length; i++)
      if (!replaced.has(this.keys[i]!)) out.add(this.keys[i]!, this.days[i]!, this.hashAt(i));
    return out;
  }

  private hashAt(i: number): Uint8Array {
    return this.hashes.subarray(i * 32, i * 32 + 32);
  }

  digest(): string {
    this.wholeRows.assertEnded();
    const order = [...this.keys.keys()].sort(
      (a, b) => this.keys[a]! - this.keys[b]! || Buffer.compare(this.hashAt(a), this.hashAt(b)),
    );
    const h = createHash('sha256');
    for (const i of order) h.update(this.hashAt(i));
    return h.digest('hex');
  }
}
