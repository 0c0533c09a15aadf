/**
 * The ordinal words a filing numbers its restatements and amendments by: "Sixth Amended and
 * Restated Master Distribution Plan", "FIRST AMENDMENT TO …" (first to twelfth, lower case).
 */
export const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
] as const;

const RESTATEMENT_RE = new RegExp(`\\b(${ORDINAL_WORDS.join('|')})\\s+(?:amended\\s+and\\s+)?restated\\b`);

/**
 * Which restatement an instrument's name says it is, or null for an unnumbered one or none.
 * @example restatementOrdinal('Fourth Amended and Restated Distribution and Service Plan') === 'fourth'
 */
export function restatementOrdinal(name: string): string | null {
  return RESTATEMENT_RE.exec(name.toLowerCase())?.[1] ?? null;
}
