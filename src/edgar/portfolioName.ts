/**
 * What a portfolio's own cell or line says besides its name: "Core Bond Fund (formerly,
 * Investment Grade Bond Fund)" — its old name, a rename (renames.ts) — and "Eaton Vance
 * Floating-Rate Fund (Advisers Class shares)" — the classes the schedule lists it for.
 */

import { classCodesIn, isClassLabel } from './shareClasses.js';

// "(formerly, X)", "(formerly known as X)", "Strategy(formerly, X)": the old name, after the name —
// and RidgeWorth's "Short-Term Municipal Bond Fund (formerly, Maryland Municipal Bond Fund", its
// parenthesis left open at the end of the cell, once the old name is a whole fund's name
const FORMERLY_SUFFIX_RE = /\s*\(\s*formerly\b(?:[^()]*\)|[^()]*\b(?:Fund|Portfolio|Series|Trust))\s*$/i;
// "(Advisers Class and Class A shares)", "(Class A shares)"
const CLASSES_SUFFIX_RE = /^(.*\S)\s*\(([^()]*\bclass(?:es)?\b[^()]*)\)$/i;

/**
 * The name without a "(formerly …)" that follows it; the rename is read from the same text.
 * @example withoutFormerName('Core Bond Fund (formerly, Investment Grade Bond Fund)') → 'Core Bond Fund'
 */
export function withoutFormerName(text: string): string {
  const name = text.replace(FORMERLY_SUFFIX_RE, '');
  return name === '' ? text : name;
}

/**
 * A name followed by the classes it is listed for, in parentheses; null when there are none.
 * @example parenthesisedClasses('Eaton Vance Floating-Rate Fund (Advisers Class and Class A shares)')
 *   → { name: 'Eaton Vance Floating-Rate Fund', classes: ['Advisers', 'A'] }
 */
export function parenthesisedClasses(
  text: string,
): { readonly name: string; readonly classes: readonly string[] } | null {
  const m = CLASSES_SUFFIX_RE.exec(text.trim());
  if (m === null || !isClassLabel(m[2]!)) return null;
  const classes = classCodesIn(m[2]!);
  return classes.length === 0 ? null : { name: m[1]!, classes };
}

// Wells Fargo's numbered fund cells, a footnote digit glued to the name: "9. Dow Jones Target Today
// Fund1" is "Dow Jones Target Today Fund"
const NUMBERED_NAME_RE = /^(.*\b(?:Fund|Portfolio|Series|Trust))([1-9])?$/;
// the list number before a name, whatever the name ends with: Victory's Schedule I "5. Fund for
// Income" is "Fund for Income"
const LIST_NUMBER_RE = /^\d{1,3}\.\s+(?=\S)/;

/**
 * The name without the list number before it and the footnote digit glued after it.
 * @example numberedName('9. Dow Jones Target Today Fund1') → 'Dow Jones Target Today Fund'
 * @example numberedName('5. Fund for Income') → 'Fund for Income'
 */
export function numberedName(text: string): string {
  const unnumbered = text.replace(LIST_NUMBER_RE, '');
  const m = NUMBERED_NAME_RE.exec(unnumbered);
  return m === null ? unnumbered : m[1]!;
}
