/**
 * Titles as the documents print them in capitals ("AMENDMENT NO. 12 TO THE AMENDED AND
 * RESTATED MASTER DISTRIBUTION PLAN") in title case for `title` (SPEC §2.1).
 */

const LOWER = new Set([
  'and',
  'of',
  'the',
  'to',
  'for',
  'or',
  'a',
  'an',
  'in',
  'on',
  'by',
  'with',
  'between',
  'under',
]);
// Words the complex spells in capitals even in running text.
const KEEP_UPPER = new Set([
  'AIM',
  'INVESCO',
  'II',
  'III',
  'IV',
  'VI',
  'U.S',
  'V.I',
  'NASD',
  'ADI',
  'IDI',
  'AARP',
]);
// Sponsors' names with capitals inside them, as they spell them in running text.
const SPELLED: Record<string, string> = {
  JPMORGAN: 'JPMorgan',
  CLEARBRIDGE: 'ClearBridge',
  BLACKROCK: 'BlackRock',
  MAINSTAY: 'MainStay',
};

function titleWord(word: string, first: boolean, previous: string): string {
  const m = /^([^A-Za-z0-9]*)([A-Za-z0-9][A-Za-z0-9.'&-]*?)([^A-Za-z0-9]*)$/.exec(word);
  if (!m) return word;
  const [, pre, core, post] = m as unknown as [string, string, string, string];
  const upper = core.toUpperCase();
  let out: string;
  // Rule 12b-1 is spelled with a small b
  if (upper === '12B-1') out = '12b-1';
  else if (SPELLED[upper] !== undefined) out = SPELLED[upper];
  // a class code after CLASS keeps its capitals: "CLASS BX SHARES" → "Class BX Shares"
  else if (/^CLASS(?:ES)?$/i.test(previous) && /^[A-Z][A-Z0-9]?$/.test(upper) && core === upper) out = upper;
  else if (KEEP_UPPER.has(upper) || core.length === 1 || /^\d/.test(core) || /^[A-Z]\d$/.test(upper))
    out = upper;
  else if (!first && LOWER.has(core.toLowerCase()) && pre === '') out = core.toLowerCase();
  else if (core !== upper && core !== core.toLowerCase()) out = core;
  else
    out = core
      .toLowerCase()
      .split('-')
      .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
      .join('-');
  return pre + out + post;
}

/**
 * @example titleCase('AMENDMENT NO. 12 TO THE AMENDED AND RESTATED MASTER DISTRIBUTION PLAN')
 *   === 'Amendment No. 12 to the Amended and Restated Master Distribution Plan'
 */
export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w, i, words) => titleWord(w, i === 0, words[i - 1] ?? ''))
    .join(' ');
}
