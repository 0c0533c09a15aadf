/**
 * The first continuance deadline an instrument's body states (SPEC §10): Plan §7 "this Plan shall
 * continue in effect until June 30, 2003 and thereafter shall continue in effect so long as such
 * continuance is specifically approved, at least annually"; Agreement FOURTEENTH "shall continue in
 * force and effect until June 30, 2004, and from year to year thereafter". An instrument whose text
 * states none continues one year from its date (Rule 12b-1(b)(3)(i)): governance/continuanceRoster.ts.
 */

import { parseDate } from './dates.js';
import type { StatedContinuance } from './exhibitDocument.js';
import type { ProseText } from './proseText.js';

// "continue in effect until", "continue in force and effect until", "remain in full force and effect until"
const UNTIL_RE = /\b(?:continue|remain)\s+in\s+(?:full\s+)?(?:force\s+and\s+)?effect\s+until\s+/gi;

/**
 * @example statedContinuance({ text: 'this Plan shall continue in effect until June 30, 2003 and thereafter', lineAt: () => 7 })
 *   → { until: '2003-06-30', line: 7, text: 'continue in effect until June 30, 2003' }
 */
export function statedContinuance(prose: ProseText): StatedContinuance | null {
  UNTIL_RE.lastIndex = 0;
  for (let m = UNTIL_RE.exec(prose.text); m !== null; m = UNTIL_RE.exec(prose.text)) {
    const after = prose.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const until = parseDate(after);
    if (until === null) continue;
    // the clause as the document words it, up to the year
    const year = after.indexOf(until.slice(0, 4));
    return {
      until,
      line: prose.lineAt(m.index),
      text: `${m[0]}${after.slice(0, year + 4)}`.replace(/\s+/g, ' ').trim(),
    };
  }
  return null;
}
