/**
 * The number an amendment's title gives it: "AMENDMENT NO. 12", and a draft's "AMENDMENT NO. [2]"
 * (the number in brackets until the amendment is signed) or "AMENDMENT NO. [ ]" (not yet given).
 */

export interface AmendmentNumber {
  readonly number: number | null;
  /** what the title prints: "AMENDMENT NO. [2]", as matched */
  readonly printed: string;
  /** the number is bracketed or blank: the document is a draft */
  readonly warning: string | null;
}

const NUMBER_RE = /\bAMENDMENT\s+(?:NO\.?|NUMBER)\s*(?:(\d{1,3})\b|\[\s*(\d{1,3})?\s*\]|_{2,})/i;

/**
 * @example amendmentNumberIn('AMENDMENT NO. [2] TO THE AMENDED AND RESTATED PLAN')
 *   → { number: 2, printed: 'AMENDMENT NO. [2]', warning: 'the amendment number is printed in brackets ("[2]"): …' }
 */
export function amendmentNumberIn(title: string): AmendmentNumber | null {
  const m = NUMBER_RE.exec(title);
  if (!m) return null;
  if (m[1] !== undefined) return { number: Number(m[1]), printed: m[0], warning: null };
  if (m[2] !== undefined)
    return {
      number: Number(m[2]),
      printed: m[0],
      warning: `the amendment number is printed in brackets ("${m[0].slice(m[0].indexOf('['))}"): the document is a draft; read as No. ${Number(m[2])}`,
    };
  return {
    number: null,
    printed: m[0],
    warning: `the amendment number is left blank ("${m[0].replace(/^\S+\s+/, '')}"): the document is a draft or a form`,
  };
}
