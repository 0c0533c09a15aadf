/**
 * An amendment that renames its Registrant: "all references to USAA Mutual Funds Trust in the
 * Agreement shall be replaced with Victory Portfolios III" (USAA's Amendment No. 1 to its Class A
 * plan, 2023). A Registrant's new name is no portfolio rename — `renames` holds portfolios — so the
 * reader says it in a warning rather than pass over a change the document states (SPEC §2.1).
 */

export interface RegistrantRename {
  readonly from: string;
  readonly to: string;
  /** offset of the clause in the text */
  readonly offset: number;
}

// a Registrant's name ends in the word for what it is; a portfolio's ("… Bond Fund") is read as a
// rename elsewhere (renames.ts)
const REGISTRANT_RE = /\b(?:Trust|Funds|Inc\.?|Corporation|Portfolios(?:\s+[IVX]{1,4})?|Trust\s+[IVX]{1,4})$/;

const REFERENCES_RE =
  /\ball\s+references\s+to\s+([A-Z][^.;“”"]{2,80}?)\s+in\s+the\s+(?:Plan|Agreement)\s+shall\s+be\s+replaced\s+with\s+([A-Z][^;“”"]{2,80}?)\s*[.;]/g;

/**
 * @example registrantRenames('all references to USAA Mutual Funds Trust in the Agreement shall be replaced with Victory Portfolios III.')
 *   → [{ from: 'USAA Mutual Funds Trust', to: 'Victory Portfolios III', offset: 0 }]
 */
export function registrantRenames(text: string): RegistrantRename[] {
  const out: RegistrantRename[] = [];
  for (const m of text.matchAll(REFERENCES_RE)) {
    const from = m[1]!.replace(/\s+/g, ' ').trim();
    const to = m[2]!.replace(/\s+/g, ' ').trim();
    if (REGISTRANT_RE.test(from) && REGISTRANT_RE.test(to)) out.push({ from, to, offset: m.index });
  }
  return out;
}
