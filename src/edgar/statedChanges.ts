/**
 * What an amendment's recitals say it adds or removes, and from when: "to remove Invesco
 * Intermediate Bond Factor Fund, a series portfolio of AIM Investment Securities Funds …, effective
 * February 26, 2025" in an amendment made December 11, 2024 (Invesco Amendment No. 13 to the Fifth
 * A&R Distribution and Service Plan). SPEC §2: the schedule's new version replaces the old one from
 * the amendment's date, so a portfolio it leaves out stops being covered then; a change the document
 * dates otherwise is an inconsistency the document itself contains, kept as it stands and said in a
 * warning (SPEC §2.1).
 */

import { parseDate } from './dates.js';

export interface StatedChange {
  readonly change: 'add' | 'remove';
  /** the words after "add"/"remove", up to the date */
  readonly text: string;
  readonly effective: string;
  /** offset of the clause in the text */
  readonly offset: number;
}

// "remove X Fund[, a series portfolio of …], effective March 31, 2021", "to add X Fund, effective …"
const CHANGE_RE =
  /\b(add|remove)\s+([A-Z][^;]{0,600}?),?\s+effective\s+(?:as\s+of\s+)?((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\s*,?\s*\d{4})/g;

/**
 * @example statedChanges('to remove Alder Bond Fund, effective March 2, 2021;')
 *   → [{ change: 'remove', text: 'Alder Bond Fund', effective: '2021-03-02', offset: 3 }]
 */
export function statedChanges(text: string): StatedChange[] {
  const out: StatedChange[] = [];
  for (const m of text.matchAll(CHANGE_RE)) {
    const iso = parseDate(m[3]!);
    if (iso === null) continue;
    out.push({
      change: m[1] as 'add' | 'remove',
      text: m[2]!.replace(/\s+/g, ' ').trim(),
      effective: iso,
      offset: m.index,
    });
  }
  return out;
}
