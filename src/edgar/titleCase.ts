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
  // Jackson National's "JNL Series Trust", Lincoln's "LVIP" funds
  'JNL',
  'LVIP',
]);
// Sponsors' names with capitals inside them, as they spell them in running text.
const SPELLED: Record<string, string> = {
  JPMORGAN: 'JPMorgan',
  CLEARBRIDGE: 'ClearBridge',
  BLACKROCK: 'BlackRock',
  MAINSTAY: 'MainStay',
};

// the two-letter small words a class code is never: "CLASSES OF SHARES" is no class "OF"
const NOT_A_CODE = new Set(['OF', 'TO', 'OR', 'AN', 'IN', 'ON', 'BY']);

/** A class code as printed in capitals: "A", "C5", "AX". */
function isClassCode(core: string): boolean {
  return /^[A-Z][A-Z0-9]?$/.test(core) && !NOT_A_CODE.has(core);
}

function titleWord(word: string, first: boolean, previous: string, inClassList = false): string {
  // "TREASURER’S": a curly apostrophe inside a word, as a straight one
  const m = /^([^A-Za-z0-9]*)([A-Za-z0-9][A-Za-z0-9.'\u2019&-]*?)([^A-Za-z0-9]*)$/.exec(word);
  if (!m) return word;
  const [, pre, core, post] = m as unknown as [string, string, string, string];
  const upper = core.toUpperCase();
  let out: string;
  // Rule 12b-1 is spelled with a small b
  if (upper === '12B-1') out = '12b-1';
  else if (SPELLED[upper] !== undefined) out = SPELLED[upper];
  // a class code after CLASS keeps its capitals: "CLASS BX SHARES" → "Class BX Shares"
  // and so does each code of a list "CLASS A, AX, C, CX, … R AND RX SHARES"
  else if ((/^CLASS(?:ES)?$/i.test(previous) || inClassList) && isClassCode(core)) out = upper;
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
  const words = text.split(/\s+/).filter((w) => w !== '');
  // inside a list of class codes: after a code ("CLASS A, AX,"), and after "AND" in it
  let inList = false;
  return words
    .map((w, i) => {
      // "INVESTOR CLASS, R AND RX": a code after "CLASS," too, and after "(CLASS" opening a
      // parenthesis ("(CLASS B AND BX SHARES)")
      const previous = (words[i - 1] ?? '').replace(/^[^A-Za-z0-9]+/, '').replace(/,$/, '');
      const out = titleWord(w, i === 0, previous, inList);
      const core = w.replace(/[^A-Za-z0-9]/g, '');
      const coded = (/^CLASS(?:ES)?$/i.test(previous) || inList) && isClassCode(core);
      inList = coded || (inList && /^(?:AND|&)$/i.test(w));
      return out;
    })
    .join(' ');
}
