/**
 * Exhibit parse throughput (SPEC §2.1): parseExhibit over a generated corpus of ≥ 50 MB of
 * realistic exhibits in varied layouts, beside a floor — a plain `split('\n')` and one regex
 * scan over the same bytes — so the MB/s has something to be compared with.
 */

import { pathToFileURL } from 'node:url';
import { parseExhibit } from '../src/edgar/parseExhibit.js';
import { generateExhibitCorpus } from './exhibitCorpus.js';

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
