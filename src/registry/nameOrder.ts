/**
 * The order of names in plan12b's answers — registrants, portfolios, classes, service providers:
 * English collation (ICU's en-US, "AIM aB" beside "AIM Ab"), fixed. `localeCompare` without a
 * locale follows the machine's (LANG): a Danish one sorts "AIM FUNDS GROUP" after the other
 * registrants and "Aa" as "Å", a Swedish one "Å" after "Z", so the same inputs answered — and
 * sealed — differently from one machine to the next. en-US is what a machine with LANG=C or
 * en_US.UTF-8 gave before, so the order users have seen stays.
 */
const EN_US = new Intl.Collator('en-US');

/** Compares two names in the fixed English order (negative: a first). */
export function compareNames(a: string, b: string): number {
  return EN_US.compare(a, b);
}

/**
 * Compares ISO dates, timestamps and periods (`2025-11-14`, `2025Q4`: ASCII of one layout) in code
 * unit order — the order of the days they name, in every locale.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
