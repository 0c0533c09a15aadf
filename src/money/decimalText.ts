/**
 * The one way plan12b reads a decimal string — an amount of money, a number of shares, a price per
 * share, a rate in percent — wherever it is given (SPEC §3: exact decimal strings; docs/FORMATS.md
 * "Numbers"): digits, optionally a decimal point and at most `maxDecimals` digits after it; the
 * digits before the point may be left out (`.50` is `0.50`, as transfer agents' files write it);
 * spaces around are ignored. No plus sign, no exponent (`1e3`), no comma (neither `1,000.00` nor a
 * decimal comma `0,50`: which one a file meant cannot be told), no point without a digit after it
 * (`1.`: a cut-off value, perhaps). A minus sign is read here; whether the value may be negative
 * is the reader's to say (no feed column takes one).
 */
export type DecimalText =
  | { readonly negative: boolean; readonly whole: string; readonly frac: string }
  | { readonly problem: string };

const DECIMAL_RE = /^(-?)(?:(\d+)(?:\.(\d+))?|\.(\d+))$/;

/**
 * The parts of a decimal string, or why it is not one.
 * @example readDecimalText('.5', 2) → { negative: false, whole: '0', frac: '5' }
 */
export function readDecimalText(input: string, maxDecimals: number): DecimalText {
  const s = input.trim();
  const m = DECIMAL_RE.exec(s);
  if (m === null) return { problem: problemOf(s) };
  const [, sign, whole, pointFrac, bareFrac] = m;
  const frac = pointFrac ?? bareFrac ?? '';
  if (frac.length > maxDecimals)
    return {
      problem: maxDecimals === 2 ? 'more than two decimals' : `more than ${maxDecimals} decimals`,
    };
  return { negative: sign === '-', whole: whole ?? '0', frac };
}

/** Why a text is not a decimal string, where a common way of writing numbers says why. */
function problemOf(s: string): string {
  if (s === '') return 'empty';
  if (s.startsWith('+')) return 'a plus sign is not read: write the number without one';
  if (s.includes(',') && /^-?[\d.,]+$/.test(s))
    return 'a comma is neither a thousands separator nor a decimal point here: write 1234.50, not 1,234.50 or 1234,50';
  if (/^-?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(s))
    return 'exponent notation is not read: write the digits in full (1000, not 1e3)';
  if (/^-?\d+\.$/.test(s)) return 'a decimal point needs a digit after it (1.00 or 1, not 1.)';
  return 'not a decimal number';
}
