/**
 * Share-class codes as the documents name them (SPEC §2.1): "Class R Shares" → "R",
 * "CLASS A SHARES, CLASS C SHARES AND CLASS R SHARES" → A, C, R, "Investor Class Shares" →
 * "Investor", "Institutional Class" → "Institutional".
 */

// Word-named classes come before the word CLASS ("Investor Class Shares").
const NAMED_CLASSES = new Set([
  'INVESTOR',
  'INSTITUTIONAL',
  'ADVISOR',
  'ADVISER',
  'ADVISERS',
  'RETAIL',
  'RESERVE',
  'CASH',
  // Wells Fargo's "Sweep Class" and "Administrator Class" (Appendix A to its Distribution Plan)
  'SWEEP',
  'ADMINISTRATOR',
  // Neuberger Berman's "Trust Class": a class only where no letter code follows ("… SERIES TRUST
  // CLASS A SHARES" is a Registrant's name and its class A)
  'TRUST',
  // Lincoln Variable Insurance Products Trust's "Standard Class" and "Service Class" (and its
  // "Service Class I Shares", a numeral after the class word)
  'SERVICE',
  'STANDARD',
]);
// the named classes a numeral follows as part of the name: LVIP's "Service Class I", "Standard Class II"
const NUMBERED_AFTER_CLASSES = new Set(['SERVICE', 'STANDARD']);
// Named classes that are also the last word of a Registrant's name.
const NAME_WORD_CLASSES = new Set(['TRUST']);
// Two-letter words that follow CLASS in prose but are not codes ("a Class of a Fund").
const NOT_CODES = new Set(['OF', 'TO', 'IN', 'ON', 'OR', 'AN', 'AT', 'BY', 'IS', 'IT', 'AS', 'BE', 'ES']);

// Legg Mason's "Class 1" (and insurance trusts' "Class 2"): a one-digit code is a class too
function isLetterCode(tok: string): boolean {
  return (/^[A-Z][A-Z0-9]?$/.test(tok) && !NOT_CODES.has(tok)) || /^[1-9]$/.test(tok);
}

// Legg Mason's "Class IS": a code, not the verb, where it is printed in capitals and ends the class
// list ("Class IS", "Class IS Shares", "Classes A and IS", "(Class IS)"); "a Class is …" and "A
// CLASS IS ENTITLED …" are prose.
const WORD_CODES = new Set(['IS']);
const AFTER_WORD_CODE = new Set([undefined, 'SHARE', 'SHARES', ')', ';', ':', ',']);

function isCodeAt(toks: readonly string[], printed: readonly string[], k: number): boolean {
  const tok = toks[k]!;
  if (isLetterCode(tok)) return true;
  return WORD_CODES.has(tok) && printed[k] === tok && AFTER_WORD_CODE.has(toks[k + 1]);
}

function titleWord(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase();
}

// "AIM CASH RESERVE SHARES", "Invesco Cash Reserve Shares": a class named without the word CLASS
// (AIM Money Market Fund's, Third A&R Master Distribution Agreement Schedule A)
const CASH_RESERVE_RE = /\b(?:(?:AIM|INVESCO)\s+)?CASH\s+RESERVE\s+SHARES?\b/i;
const CASH_RESERVE = 'Cash Reserve';

function isUpperCase(text: string): boolean {
  return !/[a-z]/.test(text);
}

// Wells Fargo's "Sweep Class2": a footnote number glued to the word CLASS after a word-named class
// (a named class has no code after it, so the digit is the footnote's mark, not a class "2")
const NAMED_CLASS_MARK_RE = new RegExp(`\\b(${[...NAMED_CLASSES].join('|')})(\\s+CLASS)\\d{1,2}\\b`, 'gi');

/** "Class AXShares" (a filing's typo) read as "Class AX Shares"; "Sweep Class2" as "Sweep Class". */
function spaced(text: string): string {
  return text
    .replace(/\b(CLASS(?:ES)?\s+[A-Z][A-Z0-9]?)(SHARES?)\b/gi, '$1 $2')
    .replace(NAMED_CLASS_MARK_RE, '$1$2');
}

// the words before the classes an instrument leaves out ("all Classes of shares except Class B Shares")
const EXCEPT_WORDS = new Set(['EXCEPT', 'EXCLUDING']);

/**
 * The classes a title leaves out: "(ALL CLASSES OF SHARES EXCEPT CLASS B SHARES)" → ['B'] — AIM's
 * Amended and Restated Master Distribution Agreement of August 18, 2003 for every class but B,
 * beside its Class B agreement of the same date (SPEC §2: one instrument each, never one merged).
 * @example exceptedClassesIn('(All Classes of shares except Class B and Class B5 Shares)') → ['B', 'B5']
 */
export function exceptedClassesIn(text: string): string[] {
  const m = /\b(?:EXCEPT|EXCLUDING)\b([^()]*)/i.exec(text);
  if (m === null || !/\bALL\s+CLASS/i.test(text.slice(0, m.index))) return [];
  return classCodesIn(m[1]!);
}

/**
 * All class codes a heading or label names, in order, without duplicates.
 * @example classCodesIn('(CLASS A SHARES, CLASS C SHARES AND CLASS R SHARES)') → ['A', 'C', 'R']
 */
export function classCodesIn(text: string): string[] {
  const printed = spaced(text)
    .replace(/[(),;:"*]/g, ' $& ')
    .split(/\s+/)
    .filter((t) => t !== '');
  const toks = printed.map((t) => t.toUpperCase());
  const code = (k: number) => isCodeAt(toks, printed, k);
  const out: string[] = [];
  const add = (code: string) => {
    if (!out.includes(code)) out.push(code);
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // "(ALL CLASSES OF SHARES EXCEPT CLASS B SHARES)": the classes after EXCEPT are the ones the
    // instrument does not cover — never its classes (exceptedClassesIn reads them)
    if (EXCEPT_WORDS.has(t)) {
      while (i + 1 < toks.length && toks[i + 1] !== ')') i++;
      continue;
    }
    if (t === 'CASH' && toks[i + 1] === 'RESERVE' && /^SHARES?$/.test(toks[i + 2] ?? '')) {
      add(CASH_RESERVE);
      continue;
    }
    if (t === 'CLASS' || t === 'CLASSES') {
      const prev = toks[i - 1];
      let j = i + 1;
      // Harding Loevner's "Institutional I Class", "Institutional II Class": a named class and its
      // numeral, one class — "Institutional I", as the document names it
      const named = toks[i - 2];
      if (
        prev !== undefined &&
        /^(?:I{1,3}|IV)$/.test(prev) &&
        named !== undefined &&
        NAMED_CLASSES.has(named)
      ) {
        add(`${titleWord(named)} ${prev}`);
        continue;
      }
      // "… SERIES TRUST CLASS A", "… TRUST CLASSES OF SHARES": the word ends a name; "TRUST CLASS" is one class
      const nameWord =
        prev !== undefined &&
        NAME_WORD_CLASSES.has(prev) &&
        (t !== 'CLASS' || (j < toks.length && (code(j) || toks[j] === 'OF')));
      // LVIP's "Service Class I Shares": the class word, "Class" and its numeral — one class, never
      // the word's class and a Class I
      if (
        prev !== undefined &&
        NUMBERED_AFTER_CLASSES.has(prev) &&
        /^(?:I{1,3}|IV)$/.test(toks[j] ?? '') &&
        !/^(?:,|AND|&)$/.test(toks[j + 1] ?? '')
      ) {
        add(`${titleWord(prev)} Class ${toks[j]}`);
        i = j;
        continue;
      }
      // Kinetics' "Advisor Class A Shares" and "Advisor Class C Shares": two classes, each named
      // by its word and its letter — never one "Advisor" class for both
      if (
        prev === 'ADVISOR' &&
        j < toks.length &&
        /^[A-Z]$/.test(toks[j]!) &&
        code(j) &&
        !/^(?:,|AND|&)$/.test(toks[j + 1] ?? '')
      ) {
        add(`Advisor Class ${toks[j]}`);
        i = j;
        continue;
      }
      // Direxion's "C CLASS" / "Direxion Funds C Class Distribution Plan": the letter printed before
      // the word (a capital, never the article "a"/"A"), no code after it
      if (
        prev !== undefined &&
        /^[B-Z]$/.test(printed[i - 1]!) &&
        toks[i - 2] !== 'CLASS' &&
        !(j < toks.length && code(j))
      ) {
        add(prev);
        continue;
      }
      if (prev !== undefined && NAMED_CLASSES.has(prev) && !nameWord) {
        add(titleWord(prev));
        // "… INVESTOR CLASS, R AND RX SHARES": the list goes on after a named class
        let k = j;
        while (k < toks.length && (toks[k] === ',' || toks[k] === 'AND' || toks[k] === '&')) k++;
        if (k > j && toks[k] === 'CLASS') k++;
        if (k === j || k >= toks.length || !code(k)) continue;
        j = k;
      }
      // "CLASS A", "CLASSES A, B AND C", "CLASS A, CLASS C AND CLASS R"
      while (j < toks.length && code(j)) {
        add(toks[j]!);
        j++;
        let k = j;
        while (k < toks.length && (toks[k] === ',' || toks[k] === 'AND' || toks[k] === '&')) k++;
        if (k > j && toks[k] === 'CLASS') k++;
        if (k > j && k < toks.length && code(k)) j = k;
        else break;
      }
      // the list's tokens are read: a "CLASS" inside it starts no list of its own (and a list of
      // thousands is read once, not once from each of its "CLASS" words)
      i = Math.max(i, j - 1);
    }
  }
  return out;
}

/**
 * A class named by its word and "Shares" alone, without the word CLASS: Brown Advisory's "Advisor
 * Shares*" heading its rate column (Schedule A, "12b-1 Fees" / "Name of Series" / "Advisor
 * Shares*"). Only the named classes (Advisor, Investor, Institutional, …), never a Registrant's
 * last word ("Trust Shares"); null for anything else.
 * @example namedClassShares('Advisor Shares*') → 'Advisor'
 */
export function namedClassShares(text: string): string | null {
  const m = /^([A-Za-z]+)\s+Shares\**$/i.exec(text.trim());
  if (m === null) return null;
  const word = m[1]!.toUpperCase();
  return NAMED_CLASSES.has(word) && !NAME_WORD_CLASSES.has(word) && word !== 'CASH' && word !== 'RESERVE'
    ? titleWord(word)
    : null;
}

/** "CLASS C SHARES", "Class C Shares:", "INVESTOR CLASS SHARES", "CLASSES A AND C" — a label that only names classes. */
/** A heading without the "(continued)" a page break adds to it: "CLASS C SHARES (continued)". */
export function withoutContinued(heading: string): string {
  return heading.replace(/\s*\((?:continued|cont['\u2019]?d\.?)\)\s*$/i, '');
}

export function isClassLabel(label: string): boolean {
  // a class heading repeated after a page break; "Sweep Class2" with its footnote mark dropped
  const text = spaced(withoutContinued(label));
  // in capitals only: a heading line or a title's class list, not a table's "Portfolio – … Shares" cell
  const cashReserve = isUpperCase(text) && CASH_RESERVE_RE.test(text);
  if (!/\bCLASS(?:ES)?\b/i.test(text) && !cashReserve) return false;
  const t = spaced(text)
    .replace(new RegExp(CASH_RESERVE_RE.source, 'gi'), ' ')
    .replace(/[():*"]/g, ' ')
    .trim();
  if (cashReserve && /^(?:AND|[,&\s])*$/i.test(t)) return true;
  const rest = t
    .replace(/\b(?:CLASS(?:ES)?|SHARES?|AND)\b/gi, ' ')
    .replace(/[,&]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  // read once, and only where a word code is printed (a label of thousands of them is read once)
  let codes: readonly string[] | null = null;
  const codesOfLabel = (): readonly string[] => {
    if (codes === null) codes = classCodesIn(t);
    return codes;
  };
  return (
    rest.length > 0 &&
    rest.every(
      (w) =>
        isLetterCode(w.toUpperCase()) ||
        NAMED_CLASSES.has(w.toUpperCase()) ||
        // "Class IS" in capitals ends a label of classes only (its codes, then at most "Shares")
        (WORD_CODES.has(w) && codesOfLabel().includes(w)),
    )
  );
}

/** How the renderer writes a class in a heading: "CLASS R SHARES", "INVESTOR CLASS SHARES". */
export function classHeading(code: string): string {
  if (code === CASH_RESERVE) return 'CASH RESERVE SHARES';
  return NAMED_CLASSES.has(code.toUpperCase())
    ? `${code.toUpperCase()} CLASS SHARES`
    : `CLASS ${code} SHARES`;
}
