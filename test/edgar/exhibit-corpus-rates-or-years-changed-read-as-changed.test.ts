import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExhibitParseError, type ParsedEntry, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';
import { differences } from './corpusComparison.js';
import { corpusAvailable, corpusExpected, corpusText, type ExpectedDocument } from './corpusDocuments.js';
import { seedTexts } from './exhibitFixtures.js';

/**
 * A metamorphic check of the reader on the real corpus: every rate a document prints is changed
 * (each value down by a hundredth of a percent, printed as the document prints it: ".75" → ".74",
 * "0.25%" → "0.24%", "1.00" → "0.99"), and the document must read as the same document with
 * those rates — the same entries, each with its own changed rate in the same column. A reader
 * that knew the corpus's rates, or took a rate from another row or column, fails here.
 */

/** A decimal printed as in the document, a hundredth lower, with the same decimals and the same leading zero (or none). */
function lowered(printed: string): string {
  const decimals = printed.length - printed.indexOf('.') - 1;
  const units = Math.round(Number(printed) * 10 ** decimals) - 10 ** (decimals - 2);
  const text = (units / 10 ** decimals).toFixed(decimals);
  return printed.startsWith('.') ? text.replace(/^0(?=\.)/, '') : text;
}

/** The document's text with each printed rate of `values` lowered; numbers of other values untouched. */
const RATE_TOKEN_RE = /(?<!\d\.|\d|,)(\d*\.\d{2,3})(?!\d)/g;

function withRatesLowered(text: string, values: ReadonlySet<number>): string {
  return text.replace(RATE_TOKEN_RE, (token) => (values.has(Number(token)) ? lowered(token) : token));
}

function expectedLowered(want: ExpectedDocument): ExpectedDocument {
  const lower = (r: string) =>
    r === 'NONE' || Number(r) === 0 ? r : lowered(r.startsWith('.') ? `0${r}` : r);
  return {
    ...want,
    schedules: want.schedules.map((s) => ({
      ...s,
      entries: s.entries.map((e) => ({ ...e, rates: e.rates.map(lower) })),
    })),
  };
}

/** The changed document read, or null where it is refused: only where the document as filed is refused too. */
function readUnlessRefusedAsFiled(filed: string, changed: string, file: string): ParsedExhibit | null {
  try {
    return parseExhibit(changed, file);
  } catch (e) {
    if (!(e instanceof ExhibitParseError)) throw e;
    expect(() => parseExhibit(filed, file), `${file} refused only once changed: ${e.message}`).toThrow(
      ExhibitParseError,
    );
    return null;
  }
}

describe.skipIf(!corpusAvailable)('the corpus with its rates or years changed reads them changed', () => {
  const candidates = corpusExpected().filter((want) =>
    want.schedules.some((s) => s.entries.some((e) => e.rates.some((r) => r !== 'NONE' && Number(r) > 0))),
  );

  it('reads each document whose schedule prints rates with its rates changed, entry by entry, or refuses it as before', () => {
    const misread: string[] = [];
    let read = 0;
    for (const want of candidates) {
      const values = new Set(
        want.schedules.flatMap((s) =>
          s.entries.flatMap((e) => e.rates.filter((r) => r !== 'NONE' && Number(r) > 0).map(Number)),
        ),
      );
      const text = corpusText(want.file);
      const changed = withRatesLowered(text, values);
      expect(changed, want.file).not.toBe(text);
      const doc = readUnlessRefusedAsFiled(text, changed, want.file);
      if (doc === null) continue;
      read++;
      const diff = differences(doc, expectedLowered(want));
      if (diff.length > 0) misread.push(`${want.file}: ${diff.join('; ')}`);
    }
    expect(misread).toEqual([]);
    // most of them are read (a floor that a reader refusing everything would not meet)
    expect(read).toBeGreaterThanOrEqual(Math.floor(candidates.length * 0.8));
  });

  it('reads each document with every year a year later with its dates a year later, and nothing else changed', () => {
    const later = (iso: string | null) =>
      iso === null ? null : `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;
    const misread: string[] = [];
    let shifted = 0;
    for (const want of corpusExpected()) {
      const text = corpusText(want.file);
      // the years of dates ("March 6, 2014", "May 29,1998", "July 2013"), from Rule 12b-1's 1980;
      // "1940" (the Act), rule numbers and target-date funds' years ("Target 2030 Series") untouched
      const changed = text.replace(
        /(?<=(?:,|[A-Za-z]{3,}\.?)\s*)(19[89]\d|20[0-3]\d)(?!\d)(?!\s+(?:Series|Fund|Portfolio))/g,
        (y) => String(Number(y) + 1),
      );
      const doc = readUnlessRefusedAsFiled(text, changed, want.file);
      if (doc === null) continue;
      const diff = differences(doc, {
        ...want,
        effectiveDate: later(want.effectiveDate),
        instrumentDatedAsOf: later(want.instrumentDatedAsOf),
      });
      if (diff.length > 0) misread.push(`${want.file}: ${diff.join('; ')}`);
      else if (want.effectiveDate !== null) shifted++;
    }
    expect(misread).toEqual([]);
    // most documents' dates moved and were read moved (a floor no reader ignoring them meets)
    expect(shifted).toBeGreaterThanOrEqual(15);
  });

  it('lowers a rate as the document prints it', () => {
    expect([lowered('.75'), lowered('0.25'), lowered('1.00'), lowered('0.035'), lowered('.10')]).toEqual([
      '.74',
      '0.24',
      '0.99',
      '0.025',
      '.09',
    ]);
  });
});

const RATE_FIELDS = ['assetBasedSalesChargePct', 'serviceFeePct', 'aggregateFeePct'] as const;

describe.skipIf(!seedsAvailable)(
  'the seed exhibits with every rate changed read with the changed rates',
  () => {
    it('reads each seed with its rates a hundredth lower, each in its own entry and column', () => {
      const expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')) as Record<
        string,
        { schedules: { entries: Record<(typeof RATE_FIELDS)[number], string | null>[] }[] }
      >;
      const seeds = [...seedTexts().values()];
      const wrong: string[] = [];
      let changedRates = 0;
      for (const [file, want] of Object.entries(expected)) {
        const text = seeds.find((s) => s.file === file)!.text;
        const positive = (r: string | null): r is string => r !== null && Number(r) > 0;
        const values = new Set(
          want.schedules.flatMap((s) =>
            s.entries.flatMap((e) =>
              RATE_FIELDS.map((k) => e[k])
                .filter(positive)
                .map(Number),
            ),
          ),
        );
        const doc = parseExhibit(withRatesLowered(text, values), file);
        for (const [i, ws] of want.schedules.entries())
          for (const [j, we] of ws.entries.entries()) {
            const got: ParsedEntry | undefined = doc.schedules[i]?.entries[j];
            for (const k of RATE_FIELDS) {
              const w = positive(we[k]) ? lowered(we[k]) : we[k];
              if (positive(we[k])) changedRates++;
              if (got?.[k] !== w)
                wrong.push(`${file} schedule ${i + 1} entry ${j + 1} ${k}: ${got?.[k]} ≠ ${w}`);
            }
          }
      }
      expect(wrong).toEqual([]);
      expect(changedRates).toBeGreaterThan(50);
    });
  },
);
