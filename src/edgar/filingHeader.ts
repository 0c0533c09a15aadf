/**
 * SPEC §2.1 (exhibits as filed): a copy of an EDGAR exhibit taken from the filing's page may begin
 * with the filing's own header — the filer's name and the form the exhibit was filed with
 * ("Manning & Napier Fund, Inc. 485BPOS"). That line is the filing's, no part of the exhibit: not
 * its title, and not what hides the exhibit label under it ("Exhibit 99(m)(3)(a)").
 */

// the forms a fund's 12b-1 exhibits are filed with (N-1A amendments, N-14, 497 supplements)
const FILING_HEADER_RE = /^\S.*\S\s+(?:485[AB]POS|485BXT|N-1A(?:\/A)?|N-14(?:\/A|8C)?|497K?|N-2(?:\/A)?)$/;

/**
 * @example isFilingHeader('Manning & Napier Fund, Inc. 485BPOS') === true
 * @example isFilingHeader('MANNING & NAPIER FUND, INC.') === false
 */
export function isFilingHeader(trimmed: string): boolean {
  return FILING_HEADER_RE.test(trimmed) && /[A-Za-z]{2}/.test(trimmed.replace(/\S+$/, ''));
}
