import { parseRateMicroPct } from '../money/rate.js';
import { isHeadingWord } from './columnHeadings.js';

/**
 * Tax-Free Investments Trust's Amendment No. 2 (real-exhibits-9 06): its Appendix A prints the
 * portfolio beside the heading of its one rate column, "Tax-Free Cash Reserve Portfolio   Annual
 * Rate", then one row per class ("Reserve Class   1.00%"). The reader does not read a portfolio's
 * classes as rows under its name, and were it to, the column names no service fee and no
 * aggregate: the lead-in calls it "a Distribution Fee" (SPEC §1: the asset-based sales charge), so
 * a row above the 0.75% FINRA Rule 2341 allows an ABSC could only be an aggregate the document does
 * not state. The refusal says both, naming the rows concerned.
 * @example portfolioBesideRateHeadingRefusal('Tax-Free Cash Reserve Portfolio   Annual Rate', ['Reserve Class   1.00%'])
 *   // → '… "Reserve Class" 1.00% is above the 0.75% …'
 */
const MAX_ABSC_MICRO = parseRateMicroPct('0.75');

export function portfolioBesideRateHeadingRefusal(
  text: string,
  following: readonly { readonly no: number; readonly trimmed: string }[],
  /** the schedule's lead-in above the line, where the document says what the rate is */
  leadIn = '',
): string | null {
  const m = /^(.+?\S)\s{3,}(\S.*)$/.exec(text.trim());
  if (!m) return null;
  const [, portfolio, heading] = m as unknown as [string, string, string];
  const words = heading.split(/\s+/);
  // the right-hand part is a rate heading and nothing else ("Annual Rate", "Rate")
  if (!words.every(isHeadingWord) || !/\brates?\b/i.test(heading)) return null;
  const rows: { no: number; name: string; pct: string }[] = [];
  for (const l of following) {
    if (l.trimmed === '') {
      if (rows.length > 0) break;
      continue;
    }
    const r = /^(.+?\S)\s{2,}(\d*\.\d+|\d+)%\*?$/.exec(l.trimmed);
    if (!r) break;
    rows.push({ no: l.no, name: r[1]!, pct: r[2]! });
  }
  if (rows.length === 0) return null;
  const above = rows.filter((r) => parseRateMicroPct(r.pct) > MAX_ABSC_MICRO);
  const layout = `"${portfolio}" is printed beside its rate column's heading "${heading}", over ${rows.length} rows of one rate each: the reader does not read a portfolio's classes as rows under its name`;
  if (above.length === 0) return layout;
  const named = above.map((r) => `"${r.name}" ${r.pct}% (line ${r.no})`).join(', ');
  const what = /\bdistribution\s+fee\b/i.test(leadIn)
    ? "the document calls the column's rate the Distribution Fee — the asset-based sales charge (SPEC §1) — and names no service fee or aggregate"
    : 'the column names no service fee or aggregate, so its rate is the asset-based sales charge';
  return `${layout}; nor could it take ${named} as written: ${what}, so the rate is above the 0.75% FINRA Rule 2341 allows an asset-based sales charge, and reading it as an aggregate (ABSC + service fee) would split it as the document does not`;
}
