import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyDictionary } from '../../src/class-b/monthPassRecords.js';
import { encodeCopyValue } from '../../src/store/copyText.js';
import {
  ALLOWANCE_ARRAY_COLUMNS,
  type DecodedLedgerStates,
  decodeLedgerStateCopy,
  decodeLedgerStateCopyReference,
  LOT_ARRAY_COLUMNS,
  TextColumn,
} from '../../src/store/ledgerStateRows.js';
import { encodeBoolArray, encodeIntArray, encodeTextArray } from '../../src/store/pgArrayText.js';
import { hostile } from '../support/hostileStrings.js';

// issue 14: the state read's decoder (one loop, the lot origins kept as where they stand in the
// COPY text) gives what the reference gives — the field-by-field decoder whose origins go through
// decodeTextArray — for any rows, hostile names and txn ids included; and for a text that is not
// as a state read writes it, both refuse it (or, where the reference reads it, read the same).

/** txn ids: mostly plain, as the feeds' are, and now and then anything at all. */
const txnId = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,14}$/) },
  { weight: 1, arbitrary: hostile },
);

const lot = fc.record({
  arrival: fc.nat(),
  portfolio: fc.nat({ max: 40 }),
  issuing: fc.nat({ max: 40 }),
  origin: txnId,
  free: fc.boolean(),
  doi: fc.integer({ min: -3000, max: 40_000 }),
  sequence: fc.nat(),
  shares: fc.maxSafeInteger().map(Math.abs),
  cost: fc.nat(),
});
const allowance = fc.record({
  portfolio: fc.nat({ max: 40 }),
  year: fc.integer({ min: 1990, max: 2100 }),
  units: fc.nat(),
  used: fc.nat(),
});
const account = fc.record({
  key: fc.nat(),
  name: fc.oneof(fc.stringMatching(/^[A-Z0-9]{1,9}$/), hostile),
  // the omnibus flag, or an as_of (days since 1970) as readStoredLedgersOf selects it
  third: fc.oneof(fc.boolean(), fc.integer({ min: -1000, max: 30_000 })),
  state: fc.option(
    fc.record({
      nextSequence: fc.nat(),
      nextArrival: fc.nat(),
      lots: fc.array(lot, { maxLength: 7 }),
      allowances: fc.array(allowance, { maxLength: 3 }),
    }),
    { freq: 6 },
  ),
});

type Account = typeof account extends fc.Arbitrary<infer A> ? A : never;

/** The COPY line of an account as the state reads select it. */
function line(a: Account, withAllowances: boolean): string {
  const fields: string[] = [String(a.key), encodeCopyValue(a.name), encodeCopyValue(a.third)];
  const s = a.state;
  const width = 2 + LOT_ARRAY_COLUMNS.length + (withAllowances ? ALLOWANCE_ARRAY_COLUMNS.length : 0);
  if (s === null) for (let i = 0; i < width; i++) fields.push('\\N');
  else {
    const L = s.lots;
    fields.push(
      String(s.nextSequence),
      String(s.nextArrival),
      encodeIntArray(L.map((l) => l.arrival)),
      encodeIntArray(L.map((l) => l.portfolio)),
      encodeIntArray(L.map((l) => l.issuing)),
      encodeCopyValue(encodeTextArray(L.map((l) => l.origin))),
      encodeBoolArray(L.map((l) => (l.free ? 1 : 0))),
      encodeIntArray(L.map((l) => l.doi)),
      encodeIntArray(L.map((l) => l.sequence)),
      encodeIntArray(L.map((l) => l.shares)),
      encodeIntArray(L.map((l) => l.cost)),
    );
    if (withAllowances) {
      const W = s.allowances;
      fields.push(
        encodeIntArray(W.map((w) => w.portfolio)),
        encodeIntArray(W.map((w) => w.year)),
        encodeIntArray(W.map((w) => w.units)),
        encodeIntArray(W.map((w) => w.used)),
      );
    }
  }
  return fields.join('\t');
}

/** A decoded read as plain values (the origins as strings), to compare. */
function plain(d: DecodedLedgerStates) {
  const origins = Array.from({ length: d.lots.origin.length }, (_, i) => d.lots.origin.get(i));
  return {
    count: d.count,
    key: [...d.key],
    name: [...d.name],
    third: [...d.third],
    nextSequence: [...d.nextSequence],
    nextArrival: [...d.nextArrival],
    lotStart: [...d.lotStart],
    withdrawalStart: [...d.withdrawalStart],
    lots: {
      count: d.lots.count,
      arrival: [...d.lots.arrival],
      portfolio: [...d.lots.portfolio],
      issuingPortfolio: [...d.lots.issuingPortfolio],
      origins,
      free: [...d.lots.free],
      doiEpochDay: [...d.lots.doiEpochDay],
      sequence: [...d.lots.sequence],
      shareUnits: [...d.lots.shareUnits],
      costCents: [...d.lots.costCents],
    },
    allowances: {
      count: d.allowances.count,
      portfolio: [...d.allowances.portfolio],
      year: [...d.allowances.year],
      allowanceUnits: [...d.allowances.allowanceUnits],
      usedUnits: [...d.allowances.usedUnits],
    },
  };
}

/** Each decoder's outcome: its columns, or that it refused the text. */
function outcome(decode: typeof decodeLedgerStateCopy, ...args: Parameters<typeof decodeLedgerStateCopy>) {
  try {
    return { decoded: plain(decode(...args)) };
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

const keepEven = (k: number) => k % 2 === 0;

describe('the ledger state COPY decoder', () => {
  it('worked example: plain and quoted origins, an account without state, the end marker', () => {
    const text = [
      '7\tA-1\tf\t3\t2\t{0,1}\t{4,5}\t{4,4}\t{T-1,"a,b"}\t{f,t}\t{19000,19001}\t{0,1}\t{100,200}\t{5,0}\t{4}\t{2025}\t{10}\t{3}',
      '8\tA-2\tt\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N',
      '\\.',
      '',
    ].join('\n');
    const d = decodeLedgerStateCopy(text, true);
    expect(d.count).toBe(2);
    expect([...d.key]).toEqual([7, 8]);
    expect(d.name).toEqual(['A-1', 'A-2']);
    expect([...d.third]).toEqual([0, 1]);
    expect([...d.lotStart]).toEqual([0, 2, 2]);
    expect([d.lots.origin.get(0), d.lots.origin.get(1)]).toEqual(['T-1', 'a,b']);
    expect([...d.lots.free]).toEqual([0, 1]);
    expect([...d.lots.shareUnits]).toEqual([100, 200]);
    expect([...d.allowances.year]).toEqual([2025]);
    expect([...d.withdrawalStart]).toEqual([0, 1, 1]);
    expect(() => d.lots.origin.get(2)).toThrow(RangeError);
    // only the portfolios kept: the lot of portfolio 5 goes, with its origin
    const kept = decodeLedgerStateCopy(text, true, (k) => k === 4);
    expect(kept.lots.count).toBe(1);
    expect(kept.lots.origin.get(0)).toBe('T-1');
  });

  it('refuses an unquoted NULL origin, in any case, as the reference does; reads NUL and NULLX', () => {
    const row = (origins: string) =>
      `1\tA\tf\t1\t1\t{0,1}\t{0,0}\t{0,0}\t${origins}\t{f,f}\t{1,2}\t{0,1}\t{1,1}\t{0,0}\n`;
    for (const origins of ['{NULL,T-1}', '{T-1,nuLL}', '{NuLl,x}']) {
      expect(() => decodeLedgerStateCopyReference(row(origins), false)).toThrow(/NULL/);
      expect(() => decodeLedgerStateCopy(row(origins), false)).toThrow(/NULL/);
    }
    for (const [origins, want] of [
      ['{NUL,T-1}', ['NUL', 'T-1']],
      ['{T-1,NULLX}', ['T-1', 'NULLX']],
      ['{NULM,xNULL}', ['NULM', 'xNULL']],
    ] as const) {
      const d = decodeLedgerStateCopy(row(origins), false);
      expect([d.lots.origin.get(0), d.lots.origin.get(1)]).toEqual(want);
    }
  });

  it('gives the reference columns for generated reads, hostile names and txn ids included', () => {
    fc.assert(
      fc.property(
        fc.array(account, { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (accounts, withAllowances, filtered, eol, marker) => {
          const body = accounts.map((a) => line(a, withAllowances));
          if (marker) body.push('\\.');
          const text = body.length === 0 ? '' : `${body.join(eol)}${eol}`;
          const keep = filtered ? keepEven : undefined;
          const want = outcome(decodeLedgerStateCopyReference, text, withAllowances, keep);
          // PostgreSQL ends COPY lines with \n alone; the reference refuses some \r\n lines
          if (eol === '\n') expect(want.decoded, want.refused).toBeDefined();
          expect(outcome(decodeLedgerStateCopy, text, withAllowances, keep)).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses what the reference refuses, and reads the same where it reads, for texts taken apart', () => {
    const mutation = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.constantFrom(
        '',
        '\t',
        '\n',
        ',',
        '{',
        '}',
        '"',
        '\\',
        '\\N',
        'x',
        '-',
        '9',
        ' ',
        'NULL',
        '\\.',
      ),
    });
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        mutation,
        (accounts, withAllowances, m) => {
          const text = `${accounts.map((a) => line(a, withAllowances)).join('\n')}\n`;
          const at = m.at % (text.length + 1);
          const broken = text.slice(0, at) + m.insert + text.slice(at + m.remove);
          expect(outcome(decodeLedgerStateCopy, broken, withAllowances)).toEqual(
            outcome(decodeLedgerStateCopyReference, broken, withAllowances),
          );
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('a dictionary naming a column of origins', () => {
  it('names each appended element by its column, after and among names of its own', () => {
    const d = new KeyDictionary(['T-0']);
    const column = new TextColumn('xxT-1,T-22,yy');
    column.pushSpan(2, 5);
    column.pushSpan(6, 10);
    column.push('"quoted"');
    const first = d.appendAll(column);
    expect(first).toBe(1);
    expect(d.key('T-9')).toBe(4);
    expect([0, 1, 2, 3, 4].map((k) => d.name(k))).toEqual(['T-0', 'T-1', 'T-22', '"quoted"', 'T-9']);
    // a second chunk's column after the first
    const second = new TextColumn('abc');
    second.pushSpan(0, 3);
    expect(d.appendAll(second)).toBe(5);
    // and a third right after it
    const third = new TextColumn('de');
    third.pushSpan(0, 2);
    expect(d.appendAll(third)).toBe(6);
    expect([d.name(5), d.name(6)]).toEqual(['abc', 'de']);
    expect(() => d.name(7)).toThrow(RangeError);
    expect(() => d.name(1.5)).toThrow(RangeError);
    // own names after the columns keep their keys, and every name in key order
    expect(d.key('T-10')).toBe(7);
    expect(d.key('T-9')).toBe(4);
    expect(d.allNames()).toEqual(['T-0', 'T-1', 'T-22', '"quoted"', 'T-9', 'abc', 'de', 'T-10']);
    expect(() => d.names).toThrow(/key by key/);
    expect(new KeyDictionary(['a', 'b']).names).toEqual(['a', 'b']);
    expect(() => d.name(-1)).toThrow(RangeError);
  });
});
