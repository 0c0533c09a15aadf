/**
 * Renames an amendment makes (SPEC §2 "Portfolio identity survives renames"): explicit pairs
 * ("to change the name of INVESCO Core Equity Fund to AIM Core Stock Fund and INVESCO Mid-Cap
 * Growth Fund to AIM Mid Cap Stock Fund"; "the further name change of A, B and C to X, Y and Z,
 * respectively"; a "FUND NAME | NEW FUND NAME" table; "New Name Fund (formerly Old Name Fund)")
 * and rules ("rename each INVESCO Fund by replacing "INVESCO" with "AIM"", "the name change of
 * the applicable Portfolios from AIM to Invesco") — Amendment No. 6 WHEREAS clause.
 */

import { parseDate } from './dates.js';
import type { Rename, RenameRule } from './exhibitDocument.js';
import { numberedName, parenthesisedClasses } from './portfolioName.js';
import { isClassLabel } from './shareClasses.js';

const RULE_RE =
  /\breplacing\s+["\u201c]([^"\u201d]{1,80})["\u201d]\s+with\s+["\u201c]([^"\u201d]{0,80})["\u201d]/gi;
// "reflect the name change of the applicable Portfolios from AIM to Invesco"
const RULE_FROM_TO_RE =
  /\b(?:[Nn]ames?\s+changes?\s+of|change\s+the\s+names?\s+of|renam(?:e|ing))\s+(?:each\s+of\s+)?the\s+(?:applicable\s+|respective\s+)?(?:Portfolios|Funds)\s+from\s+["\u201c]?([A-Z][\w.&-]*)["\u201d]?\s+to\s+["\u201c]?([A-Z][\w.&-]*)["\u201d]?/g;
// "change the name(s) of", "the (further) name change of", "the change of name of", "the change
// in the name of" (AIM WHEREAS clauses: "to reflect the change of name of INVESCO Dynamics Fund
// to AIM Dynamics Fund")
const PAIRS_START_RE =
  /\b(?:change\s+the\s+names?\s+of|names?\s+changes?\s+of|changes?\s+(?:of|in)\s+(?:the\s+)?names?\s+of)\s+/gi;
// Where a rename clause stops: ";", a sentence's "." (not the "." of "U.S."), its own
// "effective …", the next thing the amendment does ("and to add …", ", and (iii) remove …"),
// or "respectively".
const CLAUSE_END_RE =
  /;|[a-z)]{2}\.(?:\s|$)|,?\s+effective\b|,?\s+(?:and\s+)?to\s+(?:add|remove|delete|reflect|change|rename)\b|,\s+(?:and\s+)?(?:\(?[ivx]{1,4}\)\s+)?(?:remove|add|delete|reflect)\b|\s+and\s+\(?[ivx]{1,4}\)\s|,?\s+respectively\b/;
const SEPARATOR_RE = /,\s*and\s+|,\s+|\s+and\s+/g;
const NAME_END_RE = /\b(?:Fund|Funds|Portfolio|Trust|Series)["\u201d]?$/;
// "change the names of the following funds: A to B, …"
const FOLLOWING_RE = /^(?:the\s+)?following\s+(?:funds|portfolios|series)\s*:\s*/i;
// "…, effective May 15, 2020": the date a rename clause states for itself
const EFFECTIVE_RE = /\beffective(?:\s+as\s+of|\s+on)?,?\s+/gi;

/** A rename pair with the date its own clause states ("…, effective May 15, 2020"), if any. */
export interface StatedRename extends Rename {
  /** ISO date the rename's clause or table heading states, else null */
  readonly effective: string | null;
  /** offset of the clause in the text it was read from */
  readonly offset: number;
}

function unquote(s: string): string {
  return s
    .trim()
    .replace(/^["\u201c]|["\u201d]$/g, '')
    .trim();
}

/** A name is capitalised; "the applicable Portfolios from AIM" is no name. */
const isName = (s: string) => /^[A-Z0-9"\u201c]/.test(s);

/**
 * @example renameRules('by replacing "INVESCO" with "AIM"') → [{ replace: 'INVESCO', with: 'AIM' }]
 * @example renameRules('the name change of the applicable Portfolios from AIM to Invesco') → [{ replace: 'AIM', with: 'Invesco' }]
 */
export function renameRules(text: string): RenameRule[] {
  const out: RenameRule[] = [];
  for (const re of [RULE_RE, RULE_FROM_TO_RE])
    for (const m of text.matchAll(re))
      if (!out.some((r) => r.replace === m[1] && r.with === m[2])) out.push({ replace: m[1]!, with: m[2]! });
  return out;
}

/** The first "effective DATE" in `text`. */
function effectiveIn(text: string): string | null {
  EFFECTIVE_RE.lastIndex = 0;
  for (let m = EFFECTIVE_RE.exec(text); m !== null; m = EFFECTIVE_RE.exec(text)) {
    const iso = parseDate(text.slice(m.index + m[0].length));
    if (iso !== null) return iso;
  }
  return null;
}

/**
 * Splits "X to Y and Z to W" into pairs. Names may themselves contain "and" ("AIM Global
 * Science and Technology Fund"), so a list separator is taken after a word that ends a name.
 */
export function renamePairs(text: string): Rename[] {
  return statedRenamePairs(text).map(({ from, to }) => ({ from, to }));
}

// "WHEREAS, … AIM Money Market Fund is now named Invesco Money Market Fund and …", "… INVESCO
// Core Equity Fund changed its name to AIM Core Stock Fund", "… has been renamed …": a portfolio's
// name (a registrant's "Funds" or a class's "Shares" is no portfolio)
const NOW_NAMED_RE =
  /(?:^|[,;]\s+|\s+and\s+|WHEREAS,?\s+)([A-Z][^,;]{0,200}?\b(?:Fund|Portfolio))\s+(?:is\s+now\s+(?:named|known\s+as)|(?:has\s+|have\s+)?changed\s+its\s+name\s+to|(?:has\s+been|was|will\s+be)\s+renamed(?:\s+as)?)\s+([A-Z][^,;()]{0,200}?\b(?:Fund|Portfolio))(?=\s*(?:[,;.(]|\s+and\s|$))/g;

/** renamePairs, each with the date its clause states. */
export function statedRenamePairs(text: string): StatedRename[] {
  const out: StatedRename[] = [];
  for (const m of text.matchAll(NOW_NAMED_RE))
    out.push({ from: unquote(m[1]!), to: unquote(m[2]!), effective: null, offset: m.index });
  const starts = [...text.matchAll(PAIRS_START_RE)].map((m) => [m.index, m.index + m[0].length] as const);
  starts.forEach(([at, from], k) => {
    const window = text.slice(from, Math.min(from + 2000, starts[k + 1]?.[0] ?? text.length));
    const end = CLAUSE_END_RE.exec(window);
    const sentence = end !== null && /^(?:;|[a-z)]{2}\.)/.test(end[0]);
    const clause = (
      end ? window.slice(0, sentence && end[0] !== ';' ? end.index + 2 : end.index) : window
    ).replace(FOLLOWING_RE, '');
    // the clause's date: its own "effective …", or one after what ends it ("… and to add X Fund,
    // effective April 28, 2021"), before its sentence or the next rename ends
    const after = end !== null && !sentence ? window.slice(end.index) : '';
    const sentenceEnd = /;|[a-z)]{2}\.(?:\s|$)/.exec(after);
    const effective = effectiveIn(sentenceEnd ? after.slice(0, sentenceEnd.index) : after);
    const pairs = /respectively/i.test(end?.[0] ?? '') ? respectivePairs(clause) : sequentialPairs(clause);
    for (const p of pairs) out.push({ ...p, effective, offset: at });
  });
  return out;
}

/** "A to B, C to D and E to F" */
function sequentialPairs(clause: string): Rename[] {
  const parts = clause.split(/\s+to\s+/);
  if (parts.length < 2) return [];
  const names: string[] = [unquote(parts[0]!)];
  for (let i = 1; i < parts.length - 1; i++) {
    const split = splitAfterName(parts[i]!);
    if (split === null) return [];
    names.push(unquote(split[0]), unquote(split[1]));
  }
  // a cut document: "… to Invesco Municipal Fund and Invesco Van Kam" — the last name ends at its
  // name word, and what follows is no pair
  const last = parts[parts.length - 1]!;
  const tail = splitAfterName(last);
  names.push(unquote(tail !== null && NAME_END_RE.test(tail[0]) ? tail[0] : last));
  const out: Rename[] = [];
  for (let i = 0; i + 1 < names.length; i += 2) {
    const pair = { from: names[i]!, to: names[i + 1]! };
    if (isName(pair.from) && isName(pair.to)) out.push(pair);
  }
  return out;
}

/** "A, B and C to X, Y and Z[, respectively]": the two lists paired in order. */
function respectivePairs(clause: string): Rename[] {
  const parts = clause.split(/\s+to\s+/);
  if (parts.length !== 2) return [];
  const from = nameList(parts[0]!);
  const to = nameList(parts[1]!);
  if (from.length !== to.length) return [];
  return from.map((f, i) => ({ from: f, to: to[i]! })).filter((p) => isName(p.from) && isName(p.to));
}

/** "A, B and C" → [A, B, C], an "and" inside a name kept ("Equity and Income Fund"). */
function nameList(list: string): string[] {
  const out: string[] = [];
  for (const piece of list.split(/\s*,\s*(?:and\s+)?/)) {
    let from = 0;
    for (const m of piece.matchAll(/\s+and\s+/g)) {
      if (NAME_END_RE.test(piece.slice(from, m.index))) {
        out.push(piece.slice(from, m.index));
        from = m.index + m[0].length;
      }
    }
    out.push(piece.slice(from));
  }
  return out.map(unquote).filter((n) => n !== '');
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

/** A rename table's new name as printed: "Invesco X Fund;", "Invesco X Fund:", "Invesco X Fund; and". */
const tableName = (s: string) => s.replace(/\s*[;:,.]?\s*(?:and)?$/, '').trim();

/**
 * A rename table in the WHEREAS clause (Invesco Service Plan Amendment No. 4: "to change the
 * following Funds' names:" over "FUND NAME | NEW FUND NAME" and one pair per row), each pair with
 * the date the sentence above the table states ("…, effective September 30, 2020:").
 * @example renameTable(['FUND NAME', 'NEW FUND NAME', 'Invesco Oppenheimer X Fund', 'Invesco X Fund;'])
 *   → [{ from: 'Invesco Oppenheimer X Fund', to: 'Invesco X Fund' }]
 */
export function renameTable(lines: readonly string[]): Rename[] {
  return statedRenameTable(lines).map(({ from, to }) => ({ from, to }));
}

/** renameTable, each pair with the date stated above its table; `offset` is the row's index. */
export function statedRenameTable(lines: readonly string[]): StatedRename[] {
  const out: StatedRename[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^FUND\s+NAME$/i.test(lines[i]!) || !/^NEW\s+FUND\s+NAME$/i.test(lines[i + 1]!)) continue;
    const effective = effectiveIn(lines.slice(Math.max(0, i - 2), i).join(' '));
    let j = i + 2;
    while (
      j + 1 < lines.length &&
      NAME_END_RE.test(lines[j]!) &&
      NAME_END_RE.test(tableName(lines[j + 1]!))
    ) {
      out.push({ from: lines[j]!, to: tableName(lines[j + 1]!), effective, offset: j });
      j += 2;
    }
  }
  return out;
}

// "Eaton Vance Parametric Structured Emerging Markets Fund" over "(formerly Eaton Vance Structured
// Emerging Markets Fund)"; "Core Bond Fund (formerly, Investment Grade Bond Fund)"
const UNCLOSED_FORMERLY_RE = /^\(\s*formerly\b[^()]*\b(?:Fund|Portfolio|Series|Trust)\s*$/i;
const FORMERLY_RE =
  /\(\s*formerly,?\s+(?:known\s+as\s+|named\s+|called\s+)?([^()]+?)(?:,\s+(?:prior|until|before|through)\b[^()]*)?\s*\)/i;
// cells between a name and its "(formerly …)" line: an adoption date, a rate, a class
const NOT_A_NAME_RE = /^(?:[\d.,%*\s]+|Class\s+\S+(?:\s+Shares)?|N\/A)$/i;

/** A text line's name column: the aligned columns after it (2+ spaces apart) that are rates, dropped. */
function withoutRateColumns(line: string): string {
  const columns = line
    .replace(/^\|/, '')
    .trim()
    .split(/\s{2,}/);
  while (columns.length > 1 && NOT_A_NAME_RE.test(columns.at(-1)!.replace(/["\u201d]+$/, ''))) columns.pop();
  return columns.join(' ').replace(/\s+/g, ' ');
}

/**
 * "New Name (formerly Old Name)" in a schedule or a list: the portfolio's old name → its name.
 * The "(formerly …)" may stand on its own line below the name (and below the name's other
 * cells) or run onto the next line.
 * @example formerlyRenames(['Core Bond Fund (formerly, Investment Grade Bond Fund)'])
 *   → [{ from: 'Investment Grade Bond Fund', to: 'Core Bond Fund' }]
 */
// a body's "AIM Advisor Funds, Inc., a Maryland corporation (formerly, INVESCO Advisor Funds,
// Inc., hereinafter called the "Company")": a company's own former name in its recital, no
// portfolio's — a portfolio's name ends in a capitalised word and defines no term
const isFormerlyName = (s: string) =>
  isName(s) && !/(?:^|\s)[a-z][a-z-]*$/.test(s) && !/\bhereinafter\b/i.test(s);

export function formerlyRenames(lines: readonly string[]): Rename[] {
  const out: Rename[] = [];
  const cell = (s: string) => s.replace(/^\|/, '').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < lines.length; i++) {
    const at = cell(lines[i]!).search(/\(\s*formerly\b/i);
    if (at < 0) continue;
    // a text schedule's row "AIM Mid-Cap Stock Fund (formerly INVESCO    0.75%   0.25%   1.00%" over
    // "   Mid-Cap Growth Fund)": the name wraps below its rates, which are no part of the old name
    const here = /\)/.test(cell(lines[i]!).slice(at)) ? cell(lines[i]!) : withoutRateColumns(lines[i]!);
    // the parenthesis left open at the end of the cell, after a whole fund's name (RidgeWorth's
    // "… (formerly, Maryland Municipal Bond Fund"): closed there, as withoutFormerName reads it
    const joined = /\)/.test(here.slice(at))
      ? here
      : UNCLOSED_FORMERLY_RE.test(here.slice(at))
        ? `${here})`
        : `${here} ${cell(lines[i + 1] ?? '')}`;
    const m = FORMERLY_RE.exec(joined.slice(at));
    if (m === null) continue;
    let to = here.slice(0, at).trim();
    for (let k = i - 1; to === '' && k >= 0 && k >= i - 4; k--) {
      const prev = cell(lines[k]!);
      if (prev === '' || NOT_A_NAME_RE.test(prev) || parseDate(prev) !== null) continue;
      if (/\(\s*formerly\b/i.test(prev)) break;
      to = prev;
    }
    // "… Floating-Rate Fund (Advisers Class shares)" over "(formerly …)": the fund is renamed, not its class
    // Voya's footnote "1Voya Global Equity Fund (formerly, …)": its marker is no part of the name
    to = numberedName(parenthesisedClasses(to)?.name ?? to).replace(/^[1-9](?=[A-Z][A-Za-z])/, '');
    // Voya's "X Fund (formerly, A Fund, formerly, B Fund, formerly, C Fund)": every old name of
    // the chain is the portfolio now named X — A → X, B → X, C → X, all on the document's date (one
    // step a name: a chain of renames on one date would leave the portfolio at a middle name)
    const chain = m[1]!.replace(/\s+/g, ' ').split(/,\s*formerly,?\s+(?:known\s+as\s+|named\s+|called\s+)?/i);
    for (const from of chain) {
      // Victory's "CLASS R SHARES (formerly Class G Shares)" under a Schedule I's title: a class's
      // old name, no portfolio's — never a portfolio rename
      if (isClassLabel(to) || isClassLabel(from)) break;
      if (!isFormerlyName(to) || !isFormerlyName(from)) break;
      if (!out.some((r) => r.from === from && r.to === to)) out.push({ from, to });
    }
  }
  return out;
}

// "redesignate the Class A3 shares as Class A Shares", "all references in the Plan to Class A3
// Shares shall be changed to Class A Shares" (Invesco Class A Amendment No. 2), "All references to
// "Class B5 Shares" in the Agreement are hereby deleted and replaced with "Class BX Shares"",
// "reflect the renaming of the Class B5 Shares of each Portfolio to "Class BX Shares""
const Q = '["\u201c\u201d]?';
const CLASS_RENAME_RES = [
  /\bredesignate\s+the\s+Class\s+([A-Z][A-Z0-9]?)\s+shares\s+as\s+Class\s+([A-Z][A-Z0-9]?)\s+shares/gi,
  /\breferences\s+[^.;]{0,40}?\bto\s+Class\s+([A-Z][A-Z0-9]?)\s+Shares\s+shall\s+be\s+changed\s+to\s+Class\s+([A-Z][A-Z0-9]?)\s+Shares/gi,
  new RegExp(
    `\\breferences\\s+to\\s+${Q}Class\\s+([A-Z][A-Z0-9]?)\\s+Shares${Q}\\s+(?:in\\s+the\\s+(?:Agreement|Plan)\\s+)?(?:are|shall\\s+be)\\s+(?:hereby\\s+)?(?:deleted\\s+and\\s+replaced\\s+with|changed\\s+to)\\s+${Q}Class\\s+([A-Z][A-Z0-9]?)\\s+Shares`,
    'gi',
  ),
  new RegExp(
    `\\brenaming\\s+of\\s+(?:the\\s+)?${Q}Class\\s+([A-Z][A-Z0-9]?)\\s+Shares${Q}(?:\\s+of\\s+each\\s+Portfolio)?\\s+(?:to|as)\\s+${Q}Class\\s+([A-Z][A-Z0-9]?)\\s+Shares`,
    'gi',
  ),
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

// "*    Formerly INVESCO Energy Fund.", "(1) Formerly known as AIM Global Trends Fund."
const FORMERLY_FOOTNOTE_RE =
  /^(\*{1,3}|\(\d{1,2}\))\s*Formerly,?\s+(?:known\s+as\s+|named\s+|called\s+)?([A-Z][^()]*?\b(?:Fund|Portfolio|Series))\.?["\u201d]?$/i;

/**
 * A footnote that gives a marked fund's former name ("AIM Energy Fund*" … "*  Formerly INVESCO
 * Energy Fund."): a rename of the one portfolio of the schedule printed with that mark. A mark
 * on no portfolio, or on several, names none: no rename is guessed.
 * @example markedFormerNames(['AIM Energy Fund*   0.75%', '*  Formerly INVESCO Energy Fund.'], new Set(['AIM Energy Fund']))
 *   → [{ from: 'INVESCO Energy Fund', to: 'AIM Energy Fund' }]
 */
export function markedFormerNames(lines: readonly string[], portfolios: ReadonlySet<string>): Rename[] {
  const out: Rename[] = [];
  for (const line of lines) {
    const m = FORMERLY_FOOTNOTE_RE.exec(line.replace(/^\|/, '').trim());
    if (m === null) continue;
    const mark = m[1]!.replace(/[()*]/g, (c) => `\\${c}`);
    const marked = new RegExp(`^(.*?\\S)\\s*${mark}(?![*\\d])`);
    const named = new Set<string>();
    for (const other of lines) {
      const cell = other.replace(/^\|/, '').trim();
      if (FORMERLY_FOOTNOTE_RE.test(cell)) continue;
      const at = marked.exec(cell);
      if (at === null) continue;
      const name = at[1]!.replace(/\s+/g, ' ');
      if (portfolios.has(name)) named.add(name);
    }
    const from = m[2]!.replace(/\s+/g, ' ');
    if (named.size === 1) {
      const to = [...named][0]!;
      if (to !== from) out.push({ from, to });
    }
  }
  return out;
}

// ProFunds' "1 | f/k/a Mobile Telecommunications UltraSector ProFund" (the mark on a line or cell of
// its own above, or before the words): a footnote giving a former name, whole — a name cut short
// ("f/k/a Oil Equipment, S", the document ending there) ends as no fund's name does and names none
const FKA_FOOTNOTE_RE =
  /^(?:(\d{1,2})\s*)?(?:f\/k\/a|formerly\s+known\s+as)\s+([A-Z].*?(?:Fund|Portfolio|Series|Trust))\.?$/i;
// "Communication Services UltraSector ProFund1": the mark, a digit glued to a fund's last word
const GLUED_MARK_RE = /^(.*?(?:Fund|Portfolio|Trust|Series))(\d{1,2})$/;

/**
 * SPEC §2 (any name a portfolio ever had resolves to it): a fund printed with a footnote digit
 * glued to its name and, under the list, that footnote "f/k/a <former name>" — a rename of that
 * fund, on the document's date. The footnote's mark is read on its own line above it ("1"; the
 * 2021 page prints it twice, "11", read as "1" where no fund bears "11") or before its words; a
 * mark on no fund of the schedule, or on several, names none: no rename is guessed.
 * @example fkaFormerNames(['Alpha ProFund1', 'Beta Fund', '|', '1', '|', 'f/k/a Old Alpha ProFund'], new Set(['Alpha ProFund', 'Beta Fund']))
 *   → [{ from: 'Old Alpha ProFund', to: 'Alpha ProFund' }]
 */
export function fkaFormerNames(lines: readonly string[], portfolios: ReadonlySet<string>): Rename[] {
  const cells = lines.map((l) => l.replace(/^\|/, '').trim());
  const byMark = new Map<string, Set<string>>();
  for (const cell of cells) {
    const m = GLUED_MARK_RE.exec(cell);
    if (m === null || !portfolios.has(m[1]!.replace(/\s+/g, ' '))) continue;
    byMark.set(m[2]!, new Set([...(byMark.get(m[2]!) ?? []), m[1]!.replace(/\s+/g, ' ')]));
  }
  const out: Rename[] = [];
  cells.forEach((cell, i) => {
    const m = FKA_FOOTNOTE_RE.exec(cell);
    if (m === null) return;
    let mark = m[1];
    for (let j = i - 1; mark === undefined && j >= 0; j--) {
      if (cells[j] === '') continue;
      if (/^\d{1,2}$/.test(cells[j]!)) mark = cells[j]!;
      break;
    }
    if (mark === undefined) return;
    const doubled = mark.length === 2 && mark[0] === mark[1] ? [mark, mark[0]!] : [mark];
    const named = doubled.map((k) => byMark.get(k)).find((n) => n !== undefined);
    if (named?.size !== 1) return;
    const from = m[2]!.replace(/\s+/g, ' ');
    const to = [...named][0]!;
    if (to !== from && !out.some((r) => r.from === from && r.to === to)) out.push({ from, to });
  });
  return out;
}
