/**
 * Renames an amendment makes (SPEC §2 "Portfolio identity survives renames"): explicit pairs
 * ("to change the name of INVESCO Core Equity Fund to AIM Core Stock Fund and INVESCO Mid-Cap
 * Growth Fund to AIM Mid Cap Stock Fund") and rules ("rename each INVESCO Fund by replacing
 * "INVESCO" with "AIM"") — Amendment No. 6 WHEREAS clause.
 */

import type { Rename, RenameRule } from './exhibitDocument.js';

const RULE_RE =
  /\breplacing\s+["\u201c]([^"\u201d]{1,80})["\u201d]\s+with\s+["\u201c]([^"\u201d]{0,80})["\u201d]/gi;
const PAIRS_START_RE = /\bchange\s+the\s+names?\s+of\s+/gi;
// A name ends at the end of a clause: ";" or a sentence's "." (not the "." of "U.S.").
const CLAUSE_END_RE = /;|[a-z)]{2}\.(?:\s|$)/;
const SEPARATOR_RE = /,\s*and\s+|,\s+|\s+and\s+/g;
const NAME_END_RE = /\b(?:Fund|Funds|Portfolio|Trust|Series)["\u201d]?$/;

function unquote(s: string): string {
  return s
    .trim()
    .replace(/^["\u201c]|["\u201d]$/g, '')
    .trim();
}

/** @example renameRules('by replacing "INVESCO" with "AIM"') → [{ replace: 'INVESCO', with: 'AIM' }] */
export function renameRules(text: string): RenameRule[] {
  const out: RenameRule[] = [];
  for (let m = RULE_RE.exec(text); m !== null; m = RULE_RE.exec(text))
    out.push({ replace: m[1]!, with: m[2]! });
  return out;
}

/**
 * Splits "X to Y and Z to W" into pairs. Names may themselves contain "and" ("AIM Global
 * Science and Technology Fund"), so a list separator is taken after a word that ends a name.
 */
export function renamePairs(text: string): Rename[] {
  const out: Rename[] = [];
  for (let m = PAIRS_START_RE.exec(text); m !== null; m = PAIRS_START_RE.exec(text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 2000);
    const end = CLAUSE_END_RE.exec(window);
    const clause = end ? window.slice(0, end[0] === ';' ? end.index : end.index + 2) : window;
    const parts = clause.split(/\s+to\s+/);
    if (parts.length < 2) continue;
    const names: string[] = [unquote(parts[0]!)];
    let ok = true;
    for (let i = 1; i < parts.length - 1; i++) {
      const middle = parts[i]!;
      const split = splitAfterName(middle);
      if (split === null) {
        ok = false;
        break;
      }
      names.push(unquote(split[0]), unquote(split[1]));
    }
    if (!ok) continue;
    names.push(unquote(parts[parts.length - 1]!));
    for (let i = 0; i + 1 < names.length; i += 2) {
      const pair = { from: names[i]!, to: names[i + 1]! };
      if (pair.from !== '' && pair.to !== '') out.push(pair);
    }
  }
  return out;
}

function splitAfterName(middle: string): [string, string] | null {
  let fallback: [string, string] | null = null;
  SEPARATOR_RE.lastIndex = 0;
  for (let m = SEPARATOR_RE.exec(middle); m !== null; m = SEPARATOR_RE.exec(middle)) {
    const left = middle.slice(0, m.index);
    const right = middle.slice(m.index + m[0].length);
    if (NAME_END_RE.test(left)) {
      SEPARATOR_RE.lastIndex = 0;
      return [left, right];
    }
    if (fallback === null && /and/.test(m[0])) fallback = [left, right];
  }
  return fallback;
}

/**
 * A rename table in the WHEREAS clause (Invesco Service Plan Amendment No. 4: "to change the
 * following Funds' names:" over "FUND NAME | NEW FUND NAME" and one pair per row).
 * @example renameTable(['FUND NAME', 'NEW FUND NAME', 'Invesco Oppenheimer X Fund', 'Invesco X Fund;'])
 *   → [{ from: 'Invesco Oppenheimer X Fund', to: 'Invesco X Fund' }]
 */
export function renameTable(lines: readonly string[]): Rename[] {
  const out: Rename[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^FUND\s+NAME$/i.test(lines[i]!) || !/^NEW\s+FUND\s+NAME$/i.test(lines[i + 1]!)) continue;
    let j = i + 2;
    while (
      j + 1 < lines.length &&
      NAME_END_RE.test(lines[j]!) &&
      NAME_END_RE.test(lines[j + 1]!.replace(/;$/, ''))
    ) {
      out.push({ from: lines[j]!, to: lines[j + 1]!.replace(/;$/, '') });
      j += 2;
    }
  }
  return out;
}

// "redesignate the Class A3 shares as Class A Shares", "all references in the Plan to Class A3
// Shares shall be changed to Class A Shares" (Invesco Class A Amendment No. 2)
const CLASS_RENAME_RES = [
  /\bredesignate\s+the\s+Class\s+([A-Z][A-Z0-9]?)\s+shares\s+as\s+Class\s+([A-Z][A-Z0-9]?)\s+shares/gi,
  /\breferences\s+[^.;]{0,40}?\bto\s+Class\s+([A-Z][A-Z0-9]?)\s+Shares\s+shall\s+be\s+changed\s+to\s+Class\s+([A-Z][A-Z0-9]?)\s+Shares/gi,
];

/**
 * A class rename rule: every reference to one class becomes another, from the amendment's date.
 * @example classRenames('to redesignate the Class A3 shares as Class A Shares') → [{ from: 'A3', to: 'A' }]
 */
export function classRenames(text: string): Rename[] {
  const out: Rename[] = [];
  for (const re of CLASS_RENAME_RES)
    for (const m of text.matchAll(re)) {
      const pair = { from: m[1]!.toUpperCase(), to: m[2]!.toUpperCase() };
      if (!out.some((r) => r.from === pair.from && r.to === pair.to)) out.push(pair);
    }
  return out;
}
