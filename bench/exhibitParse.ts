/**
 * Exhibit parse throughput (SPEC §2.1): parseExhibit over a generated corpus of ≥ 50 MB of
 * realistic exhibits in varied layouts, beside a floor — a plain `split('\n')` and one regex
 * scan over the same bytes — so the MB/s has something to be compared with.
 */

import { pathToFileURL } from 'node:url';
import { parseExhibit } from '../src/edgar/parseExhibit.js';
import { generateExhibitCorpus } from './exhibitCorpus.js';

/** A fund name's distinct word for row i: A, B, …, Z, Ba, Bb, … */
function fundWord(i: number): string {
  let s = '';
  let k = i;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0);
  return s[0] + s.slice(1).toLowerCase();
}

// Hostile one-line texts (issue 14 measured, session 39): a title block thousands of words long
// made one title pattern scan quadratically ("Schedule A " × 30,000: 461 s before, 0.13 s after).
const HOSTILE_LINES: Record<string, (n: number) => string> = {
  repeatedScheduleWords: (n) => 'Schedule A '.repeat(n),
  capitalWords: (n) => `a. ${'AIM '.repeat(n)}`,
  fundNames: (n) => `AMENDMENT NO. 1 ${'AIM Growth Fund '.repeat(n)}`,
  instrumentWords: (n) => 'MASTER DISTRIBUTION PLAN OF '.repeat(n),
  scheduleLists: (n) => `AMENDMENT NO. 1\nTO THE\nMASTER DISTRIBUTION PLAN\n${'Schedule A-1 and '.repeat(n)}`,
  headingCells: (n) =>
    `|AMENDMENT NO. 1\n|TO THE\n|MASTER DISTRIBUTION PLAN\n|SCHEDULE A\n|Portfolio\n${'|Maximum\n'.repeat(n)}`,
  classLists: (n) => 'Class A, '.repeat(n),
  // a schedule of n rows, as a cell table (HTML) and as a text table: the reader's states once
  // copied the entries at every row (O(n²): 52,000 rows took a minute; session 44)
  htmlTableRows: (n) =>
    `<html><body><p>AMENDMENT NO. 1 TO THE MASTER DISTRIBUTION PLAN (CLASS A SHARES)</p><p>The Plan is hereby amended, effective May 1, 2005, as follows: Schedule A is hereby deleted in its entirety and replaced with the following:</p><p>SCHEDULE A</p><table><tr><td>Portfolio</td><td>Maximum Asset-Based Sales Charge</td><td>Maximum Service Fee</td><td>Maximum Aggregate Fee</td></tr>${Array.from({ length: n }, (_, i) => `<tr><td>AIM ${fundWord(i)} Fund</td><td>0.25%</td><td>0.25%</td><td>0.50%</td></tr>`).join('')}</table></body></html>`,
  textTableRows: (n) =>
    `AMENDMENT NO. 1 TO THE MASTER DISTRIBUTION PLAN (CLASS A SHARES)\n\nThe Plan is hereby amended, effective May 1, 2005, as follows: Schedule A is hereby deleted in its entirety and replaced with the following:\n\n${' '.repeat(35)}SCHEDULE A\n\n<TABLE>\n<CAPTION>\n${' '.repeat(38)}MAXIMUM          MAXIMUM      MAXIMUM\n${' '.repeat(38)}ASSET-BASED      SERVICE      AGGREGATE\nPORTFOLIO${' '.repeat(29)}SALES CHARGE     FEE          FEE\n<S>${' '.repeat(35)}<C>              <C>          <C>\n${Array.from({ length: n }, (_, i) => `${`AIM ${fundWord(i)} Fund`.padEnd(38)}${'0.25%'.padEnd(17)}${'0.25%'.padEnd(13)}0.50%`).join('\n')}\n</TABLE>`,
  // an exhibit of megabytes on a single line (line breaks lost, or HTML saved on one line): the
  // reader is linear in them, at about a second of CPU a megabyte for the worst shape (session 49)
  dotsOnOneLine: (n) => '. '.repeat(n * 25),
  wordsOnOneLine: (n) => 'fund shares of the plan '.repeat(n * 2),
  amendmentOnOneLine: (n) =>
    'AMENDMENT NO. 1 TO THE MASTER DISTRIBUTION PLAN (CLASS A SHARES) The Plan is hereby amended, effective May 1, 2005, as follows: Schedule A is hereby deleted in its entirety and replaced with the following: "SCHEDULE A TO THE MASTER DISTRIBUTION PLAN (CLASS A SHARES) Portfolio Maximum Asset-Based Sales Charge Maximum Service Fee Maximum Aggregate Fee AIM Growth Fund 0.25% 0.25% 0.50%" All other terms and provisions of the Plan not amended herein shall remain in full force and effect. '.repeat(
      n / 10,
    ),
  rateRows: (n) =>
    `AMENDMENT NO. 1 TO THE PLAN The Plan is hereby amended, effective May 1, 2005, as follows: Schedule A is hereby deleted and replaced with the following: "SCHEDULE A TO THE PLAN ${'AIM Growth Fund 0.25% 0.25% 0.50% '.repeat(n)}`,
};

/**
 * Each hostile text at n and 4n repeats: the time and the ratio (≈ 4 when linear, ≈ 16 when
 * quadratic). The threshold is here, not in a test: a ratio above 8 marks the case.
 */
function hostileLineTimes(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const timeOf = (text: string) => {
    const t0 = performance.now();
    try {
      parseExhibit(`${text}\n`, text.startsWith('<html>') ? 'hostile.htm' : 'hostile.txt');
    } catch {}
    return performance.now() - t0;
  };
  for (const [name, make] of Object.entries(HOSTILE_LINES)) {
    const small = timeOf(make(10_000));
    const large = timeOf(make(40_000));
    out[name] = {
      charactersAt4n: make(40_000).length,
      msAtN: Math.round(small),
      msAt4n: Math.round(large),
      ratio: Number((large / Math.max(small, 1)).toFixed(1)),
      linear: large / Math.max(small, 1) < 8 || large < 200,
    };
  }
  return out;
}

export async function benchExhibitParse(opts: { targetMb?: number } = {}): Promise<Record<string, unknown>> {
  const targetBytes = (opts.targetMb ?? 50) * 1e6;
  const corpus: { name: string; text: string }[] = [];
  let bytes = 0;
  for (let batch = 0; bytes < targetBytes; batch++) {
    for (const d of generateExhibitCorpus(500, 1000 + batch)) {
      corpus.push(d);
      bytes += Buffer.byteLength(d.text);
    }
  }
  const mb = bytes / 1e6;

  let entries = 0;
  let warnings = 0;
  let errors = 0;
  const t0 = performance.now();
  for (const d of corpus) {
    try {
      const doc = parseExhibit(d.text, d.name);
      for (const s of doc.schedules) entries += s.entries.length;
      warnings += doc.warnings.length;
    } catch {
      errors++;
    }
  }
  const parseMs = performance.now() - t0;

  // the floor: every line split off and matched against a rate pattern once
  const rateRe = /\d?\.\d+\s*%/;
  let matches = 0;
  const f0 = performance.now();
  for (const d of corpus) {
    for (const line of d.text.split('\n')) if (rateRe.test(line)) matches++;
  }
  const floorMs = performance.now() - f0;

  return {
    hostileLines: hostileLineTimes(),
    documents: corpus.length,
    megabytes: Number(mb.toFixed(1)),
    parseSeconds: Number((parseMs / 1000).toFixed(2)),
    megabytesPerSecond: Number((mb / (parseMs / 1000)).toFixed(1)),
    documentsPerSecond: Math.round(corpus.length / (parseMs / 1000)),
    entriesParsed: entries,
    warnings,
    errors,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    floor: {
      what: "text.split('\\n') + one regex test per line over the same bytes",
      seconds: Number((floorMs / 1000).toFixed(2)),
      megabytesPerSecond: Number((mb / (floorMs / 1000)).toFixed(1)),
      linesWithRates: matches,
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const targetMb = Number(process.argv[2] ?? 50);
  benchExhibitParse({ targetMb }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
