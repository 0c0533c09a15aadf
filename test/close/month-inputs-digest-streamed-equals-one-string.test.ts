import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  type MonthInputs,
  type MonthInputsChunk,
  monthInputsDigest,
  streamedMonthInputsDigest,
  streamedMonthInputsDigestsByKind,
} from '../../src/audit/closeSeal.js';
import { monthInputChunks, monthInputs } from '../../src/store/closeRepository.js';
import { encodeCopyRows } from '../../src/store/copyText.js';
import { dialects } from '../support/databases.js';
import { storeForTests } from '../support/storeForTests.js';
import { buildPayeesComplex } from '../transfers/payeesComplexFixture.js';

/**
 * Issue 14 (bounded memory): the close seals the digest of the month's inputs without holding
 * them — the rows are fed to SHA-256 a chunk at a time. The digest must be the value the one-string
 * form (`monthInputsDigest`: sha256 of the canonical JSON of every kind's rows) gives, or every
 * month sealed before would fail `audit verify`.
 */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every split of each kind's rows into chunks, empty chunks included. */
function chunked(inputs: MonthInputs, cuts: readonly number[]): MonthInputsChunk[] {
  const out: MonthInputsChunk[] = [];
  let c = 0;
  for (const kind of Object.keys(inputs).sort()) {
    const rows = inputs[kind]!;
    out.push({ kind, rows: [] });
    let at = 0;
    while (at < rows.length) {
      const n = cuts.length === 0 ? rows.length : cuts[c++ % cuts.length]!;
      out.push({ kind, rows: rows.slice(at, at + n) });
      at += n;
    }
  }
  return out;
}

const value = fc.option(
  fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\t', 'é', '€', '𝄞', ',', '[', ']', '{') }),
    fc.string({ unit: 'grapheme' }),
  ),
  { nil: null },
);
const inputsArb = fc.dictionary(
  fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'c', 'T', 'z', '_'), minLength: 1, maxLength: 4 }),
  fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 12 }),
  { maxKeys: 6 },
);

describe('the streamed inputs digest', () => {
  it('worked examples: the canonical text, fed piece by piece', async () => {
    expect(await streamedMonthInputsDigest([])).toBe(sha256('{}'));
    expect(
      await streamedMonthInputsDigest([
        { kind: 'a', rows: [] },
        { kind: 'a', rows: [['1', null]] },
        { kind: 'a', rows: [['x"y']] },
        { kind: 'b', rows: [] },
      ]),
    ).toBe(sha256('{"a":[["1",null],["x\\"y"]],"b":[]}'));
    expect(monthInputsDigest({ b: [], a: [['1', null], ['x"y']] })).toBe(
      sha256('{"a":[["1",null],["x\\"y"]],"b":[]}'),
    );
  });

  it('equals the one-string digest for any inputs cut into any chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        inputsArb,
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }),
        async (inputs, cuts) => {
          expect(await streamedMonthInputsDigest(chunked(inputs, cuts))).toBe(monthInputsDigest(inputs));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals the one-string digest with chunks of COPY text among chunks of rows (PGlite reads so)', async () => {
    const utf8 = new TextEncoder();
    await fc.assert(
      fc.asyncProperty(
        inputsArb,
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        async (inputs, cuts, asCopy) => {
          // a row of no values has no COPY line: those inputs stay rows
          const chunks = chunked(inputs, cuts).map((c, i): MonthInputsChunk => {
            if (!('rows' in c) || !asCopy[i % asCopy.length] || c.rows.some((r) => r.length === 0)) return c;
            return { kind: c.kind, copyText: utf8.encode(encodeCopyRows(c.rows)) };
          });
          expect(await streamedMonthInputsDigest(chunks)).toBe(monthInputsDigest(inputs));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses kinds out of order or twice (it would seal another digest)', async () => {
    await expect(
      streamedMonthInputsDigest([
        { kind: 'b', rows: [] },
        { kind: 'a', rows: [] },
      ]),
    ).rejects.toThrow(/kind a after b/);
    await expect(
      streamedMonthInputsDigest([
        { kind: 'a', rows: [] },
        { kind: 'b', rows: [] },
        { kind: 'a', rows: [] },
      ]),
    ).rejects.toThrow(/kind a after b/);
  });
});

describe.each(dialects)('the month inputs read in chunks on %s', (dialect) => {
  const store = storeForTests(dialect, buildPayeesComplex);

  it('digests to what the whole read digests to, in a transaction and out of one', async () => {
    const range = ['2025-01', '2025-01-01', '2025-01-31'] as const;
    const whole = await monthInputs(store.db, ...range, { asSealed: false });
    // the fixture's month has every large kind
    expect(whole.netAssets!.length).toBeGreaterThan(20);
    expect(whole.providerAssets!.length).toBeGreaterThan(10);
    expect(whole.classBTransactions!.length).toBeGreaterThan(0);
    expect(whole.transfers!.length).toBe(2);
    const want = monthInputsDigest(whole);
    for (const chunkSize of [undefined, { rows: 2, bytes: 1 }, { rows: 7, bytes: 100 }]) {
      expect(
        await streamedMonthInputsDigest(monthInputChunks(store.db, ...range, { asSealed: false, chunkSize })),
      ).toBe(want);
      const inTx = await store.db.transaction(
        (tx) => streamedMonthInputsDigest(monthInputChunks(tx, ...range, { asSealed: false, chunkSize })),
        { isolation: 'repeatable read' },
      );
      expect(inTx).toBe(want);
    }
  });

  it('v3: each kind digests to the SHA-256 of its rows as one canonical JSON text', async () => {
    const range = ['2025-01', '2025-01-01', '2025-01-31'] as const;
    const opts = { asSealed: false, governing: true, records: true } as const;
    const whole = await monthInputs(store.db, ...range, opts);
    expect(Object.keys(whole)).toContain('approvals');
    expect(Object.keys(whole)).toContain('exhibits');
    const want = Object.keys(whole)
      .sort()
      .map((kind) => [kind, sha256(canonicalJson(whole[kind]))]);
    for (const chunkSize of [undefined, { rows: 2, bytes: 1 }, { rows: 7, bytes: 100 }])
      expect(
        await streamedMonthInputsDigestsByKind(monthInputChunks(store.db, ...range, { ...opts, chunkSize })),
      ).toEqual(want);
  });
});
