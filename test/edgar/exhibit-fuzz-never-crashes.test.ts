import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYOUT_VARIANTS, layoutVariant } from '../../bench/exhibitCorpus.js';
import { ExhibitParseError, type ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { corpusAvailable, corpusExpected, corpusText } from './corpusDocuments.js';
import { exhibitDocumentArb } from './exhibitArbitraries.js';
import { seedTexts } from './exhibitFixtures.js';

/** SPEC §2.1: a document, or an ExhibitParseError naming file and line — never anything else. */
function documentOrParseError(text: string): ParsedExhibit | ExhibitParseError {
  try {
    return parseExhibit(text, 'fuzz.txt');
  } catch (e) {
    if (e instanceof ExhibitParseError) {
      // the same four checks as expect(…) would make, without its cost on each of ~10,000 errors
      if (e.file !== 'fuzz.txt')
        throw new Error(`the error names the file ${JSON.stringify(e.file)}, not fuzz.txt`);
      if (!(Number.isInteger(e.line) && e.line >= 1))
        throw new Error(`the error's line is ${e.line}, not a line number`);
      if (e.reason === '') throw new Error('the error gives no reason');
      if (e.reason.includes('\n'))
        throw new Error(`the error's reason spans lines: ${JSON.stringify(e.reason)}`);
      return e;
    }
    throw e;
  }
}

const entriesOf = (d: ParsedExhibit) => d.schedules.map((s) => ({ name: s.name, entries: s.entries }));

/** Whether {@link expectPrefix} holds, by plain comparisons (JSON-equal entries are toEqual too). */
function isPrefix(a: ReturnType<typeof entriesOf>, b: ReturnType<typeof entriesOf>): boolean {
  if (a.length > b.length) return false;
  return a.every(
    (s, i) =>
      s.name === b[i]!.name &&
      JSON.stringify(s.entries) === JSON.stringify(b[i]!.entries.slice(0, s.entries.length)) &&
      (i === a.length - 1 || s.entries.length === b[i]!.entries.length),
  );
}

/** The entries of `part` are, schedule by schedule, a prefix of `full`'s. */
function expectPrefix(part: ParsedExhibit, full: ParsedExhibit): void {
  const a = entriesOf(part);
  const b = entriesOf(full);
  // thousands of calls: when it plainly holds, expect(…)'s cost is spared; when not, expect decides
  if (isPrefix(a, b)) return;
  expect(a.length).toBeLessThanOrEqual(b.length);
  a.forEach((s, i) => {
    expect(s.name).toBe(b[i]!.name);
    expect(s.entries).toEqual(b[i]!.entries.slice(0, s.entries.length));
    if (i < a.length - 1) expect(s.entries).toHaveLength(b[i]!.entries.length);
  });
}

const fragments = fc.constantFrom(
  '<PAGE>',
  '<TABLE>',
  '</TABLE>',
  '<CAPTION>',
  '<S>  <C>  <C>',
  '"SCHEDULE A',
  'SCHEDULE A-1',
  'APPENDIX A',
  'TO',
  'OF',
  'MASTER DISTRIBUTION PLAN',
  'AMENDMENT NO. 7',
  '(CLASS B SHARES)',
  'MINIMUM',
  'MAXIMUM ASSET-BASED SALES CHARGE',
  'SALES SERVICE AGGREGATE',
  'CHARGE FEE FEE',
  'PORTFOLIO - CLASS R SHARES',
  'PORTFOLIOS',
  'AIM EQUITY FUNDS',
  '----------',
  'AIM Charter Fund    0.25%   0.25%   0.50%',
  'AIM Charter Fund    .25 %',
  '   (Class C Shares)',
  '*    The Distribution Fee is payable apart from the sales charge."',
  'effective March 31, 2006,',
  'Dated: October 15, 2003',
  'made as of this 18th day of August, 2003',
  '                                       2',
);

describe('random input never crashes the parser', () => {
  it('random garbage and random exhibit-like lines give a document or an ExhibitParseError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 60 })), { maxLength: 60 }), (lines) => {
        documentOrParseError(lines.join('\n'));
      }),
      { numRuns: 1500 },
    );
  });

  it('random byte strings (as latin1 and as UTF-8) give a document or an ExhibitParseError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        documentOrParseError(Buffer.from(bytes).toString('latin1'));
        documentOrParseError(Buffer.from(bytes).toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('rendered documents with random lines deleted or duplicated', () => {
    fc.assert(
      fc.property(
        exhibitDocumentArb,
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 8 }),
        (doc, edits) => {
          const lines = renderExhibit(doc).split('\n');
          for (const [at, duplicate] of edits) {
            const i = at % lines.length;
            if (duplicate) lines.splice(i, 0, lines[i]!);
            else lines.splice(i, 1);
          }
          documentOrParseError(lines.join('\n'));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rendered documents cut at random points: a document whose entries are a prefix, or an error', () => {
    fc.assert(
      fc.property(
        exhibitDocumentArb,
        fc.constantFrom(...LAYOUT_VARIANTS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (doc, variant, at) => {
          const text = layoutVariant(renderExhibit(doc), variant);
          const full = parseExhibit(text, 'full.txt');
          const part = documentOrParseError(text.slice(0, Math.floor(at * text.length)));
          if (!(part instanceof ExhibitParseError)) expectPrefix(part, full);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe.skipIf(!seedsAvailable)('the seeds under random damage', () => {
  const seeds = [...seedTexts().values()];
  // each seed's whole read, once (the properties below compare thousands of cuts against it)
  const fullOf = new Map(seeds.map((seed) => [seed, parseExhibit(seed.text, seed.file)]));

  it('every seed cut at random points: a document whose entries are a prefix of the full one, or an error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.double({ min: 0, max: 1, noNaN: true }), (seed, at) => {
        const full = fullOf.get(seed)!;
        const part = documentOrParseError(seed.text.slice(0, Math.floor(at * seed.text.length)));
        if (!(part instanceof ExhibitParseError)) expectPrefix(part, full);
      }),
      // cuts at line ends are all tried below; these add cuts inside a line
      { numRuns: 600 },
    );
  });

  it('every seed cut at every line end inside its schedules: prefix entries', () => {
    for (const seed of seeds) {
      const full = fullOf.get(seed)!;
      let at = seed.text.indexOf('\n');
      while (at > 0) {
        const part = documentOrParseError(seed.text.slice(0, at + 1));
        if (!(part instanceof ExhibitParseError)) expectPrefix(part, full);
        at = seed.text.indexOf('\n', at + 1);
      }
    }
  });

  it('every seed with random lines deleted or duplicated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 10 }),
        (seed, edits) => {
          const lines = seed.text.split('\n');
          for (const [at, duplicate] of edits) {
            const i = at % lines.length;
            if (duplicate) lines.splice(i, 0, lines[i]!);
            else lines.splice(i, 1);
          }
          documentOrParseError(lines.join('\n'));
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Issue 11: a read that says it is complete is the whole document's — never a silent prefix. */
function expectCompleteOrRefused(
  part: ParsedExhibit | ExhibitParseError,
  full: ParsedExhibit,
  where: string,
): void {
  if (part instanceof ExhibitParseError || !part.completeness.complete) return;
  expect(entriesOf(part), where).toEqual(entriesOf(full));
}

/** Line indices of each schedule heading in `text`, and of the line holding its first entry. */
function scheduleCuts(text: string, full: ParsedExhibit): number[] {
  const lines = text.split('\n');
  const cuts: number[] = [];
  let from = 0;
  for (const s of full.schedules) {
    const word = s.name.split(' ')[0]!;
    const headingRe = new RegExp(`^\\s*\\|?["\\u201c]?(?:AMENDED\\s+)?${word}\\b`, 'i');
    const heading = lines.findIndex((l, i) => i >= from && headingRe.test(l) && !/hereby/.test(l));
    const first = s.entries[0]?.portfolio.split(' ')[0] ?? '';
    const row = lines.findIndex((l, i) => i > heading && first !== '' && l.includes(first));
    if (heading < 0 || row < 0) continue;
    // before the heading, right after it, and every line between it and its first row
    for (let i = heading; i <= row; i++) cuts.push(i);
    from = row + 1;
  }
  return cuts;
}

describe('cuts at schedule boundaries and between a schedule heading and its rows (issue 11)', () => {
  it.skipIf(!seedsAvailable)(
    'every seed cut before each schedule heading, after it, and before its first row: an error, a read marked incomplete, or the whole',
    () => {
      let tried = 0;
      for (const seed of seedTexts().values()) {
        const full = parseExhibit(seed.text, seed.file);
        const lines = seed.text.split('\n');
        for (const n of scheduleCuts(seed.text, full)) {
          tried++;
          expectCompleteOrRefused(
            documentOrParseError(lines.slice(0, n).join('\n')),
            full,
            `${seed.file} cut after line ${n}`,
          );
        }
      }
      expect(tried).toBeGreaterThan(20);
    },
  );

  it.skipIf(!corpusAvailable)(
    'every corpus document cut between a schedule heading and its first row',
    () => {
      let tried = 0;
      for (const want of corpusExpected()) {
        const text = corpusText(want.file);
        let full: ParsedExhibit;
        try {
          full = parseExhibit(text, want.file);
        } catch {
          continue; // refused whole: a part of it is refused too (checked by the random cuts)
        }
        const lines = text.split('\n');
        for (const n of scheduleCuts(text, full)) {
          tried++;
          const part = documentOrParseError(lines.slice(0, n).join('\n'));
          if (part instanceof ExhibitParseError) continue;
          // cut before a schedule's first row: that schedule is never read as an empty or shorter one
          expectCompleteOrRefused(part, full, `${want.file} cut after line ${n}`);
        }
      }
      expect(tried).toBeGreaterThan(60);
    },
  );

  it('generated documents cut at each schedule heading and before each first row: never a silent prefix', () => {
    fc.assert(
      fc.property(exhibitDocumentArb, fc.constantFrom(...LAYOUT_VARIANTS), (doc, variant) => {
        const text = layoutVariant(renderExhibit(doc), variant);
        const full = parseExhibit(text, 'full.txt');
        const lines = text.split('\n');
        for (const n of scheduleCuts(text, full)) {
          const part = documentOrParseError(lines.slice(0, n).join('\n'));
          if (part instanceof ExhibitParseError) continue;
          if (part.completeness.complete) expect(entriesOf(part)).toEqual(entriesOf(full));
          else expectPrefix(part, full);
        }
      }),
      { numRuns: 80 },
    );
  });
});
