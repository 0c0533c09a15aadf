import { z } from 'zod';
import { isIsoDate, isMonth, monthStart } from '../calendar/isoDate.js';
import { NYSE_LAST_YEAR } from '../calendar/nyseCalendar.js';
import { NYSE_FIRST_YEAR } from '../calendar/nyseHolidays.js';
import { parsePriceUnits } from '../class-b/pricePerShare.js';
import { parseShareUnits } from '../class-b/shareUnits.js';
import { cellReadBack } from '../cli/csvOut.js';
import { mixedScriptReason } from '../mixedScriptWord.js';
import { parseCents } from '../money/cents.js';
import { formatRatePct, parseRateMicroPct, RateFormatError } from '../money/rate.js';
import { unprintableReason } from './statedText.js';

/**
 * The types a feed's columns may have, declared once (zod v4). Each takes the cell as read
 * (a trimmed string) and yields the typed value, or an issue whose message is the reason shown
 * to the user. Every value the store cannot hold is refused here, with the field named: dates
 * outside the calendar, amounts past the column's precision, identifiers with control characters.
 */

type Issue = { code: 'custom'; message: string; input: string };
const issue = (input: string, message: string): Issue => ({ code: 'custom', message, input });

/** What a cell's decoder returns for a cell it refuses, having said why through `fail`. */
export const REFUSED: unique symbol = Symbol('refused');

/** A cell's decoder: its value, or REFUSED after one or more `fail(reason)`. */
type CellDecoder<T> = (s: string, fail: (reason: string) => typeof REFUSED) => T | typeof REFUSED;

/** Each field's decoder, by its schema, for {@link decodeCellFast}. */
const cellDecoders = new WeakMap<z.ZodType, (s: string) => unknown>();

/**
 * A field whose cell is decoded by `decode`: the zod schema a feed declares (safeParse gives the
 * value, or the reasons as issues), and the same function without zod's work per call, for
 * {@link decodeCellFast} (issue 14: a month's file is a million rows of ten cells).
 */
function cellField<T>(decode: CellDecoder<T>): z.ZodType<T, string> {
  const schema = z.string().transform((s, ctx) => {
    let refused = false;
    const v = decode(s, (reason) => {
      ctx.issues.push(issue(s, reason));
      refused = true;
      return REFUSED;
    });
    return refused || v === REFUSED ? z.NEVER : v;
  });
  cellDecoders.set(schema, (s) => {
    let refused = false;
    const v = decode(s, () => {
      refused = true;
      return REFUSED;
    });
    return refused ? REFUSED : v;
  });
  return schema;
}

/**
 * A cell decoded by its field's own function, without zod: the value `type.safeParse(raw)` gives
 * when it succeeds (one function makes both), or REFUSED — for a refused cell, and for a type with
 * no such function — when the caller asks safeParse for the value or the reasons (test:
 * feed-cells-decoded-fast-equal-safe-parse).
 */
export function decodeCellFast(type: z.ZodType, raw: string): unknown {
  const decode = cellDecoders.get(type);
  return decode === undefined ? REFUSED : decode(raw);
}

/** The longest identifier or name a feed may give (the store's text columns hold more). */
export const MAX_NAME_LENGTH = 200;

/** numeric(20,2): the largest amount of money the store holds is below 10^18 dollars. */
const MAX_MONEY_CENTS = 10n ** 20n - 1n;
/** numeric(20,4): shares and prices per share. */
const MAX_SHARE_UNITS = 10n ** 20n - 1n;

/** An ISO date inside the NYSE calendar plan12b knows (1990–2100). */
export const isoDateField = () =>
  cellField((s, fail) => {
    if (!isIsoDate(s)) {
      return fail(`${JSON.stringify(s)} is not a date (YYYY-MM-DD)`);
    }
    const year = Number(s.slice(0, 4));
    if (year < NYSE_FIRST_YEAR || year > NYSE_LAST_YEAR) {
      return fail(`${s} is outside the calendar plan12b keeps (${NYSE_FIRST_YEAR}–${NYSE_LAST_YEAR})`);
    }
    return s;
  });

/**
 * Dollars with at most two decimals → integer cents (a decimal string, src/money/decimalText.ts:
 * `.50` is 0.50). A column that is never negative refuses any minus sign, `-0.00` too: one rule,
 * as for shares and rates.
 */
export const moneyField = (opts: { negative?: boolean } = {}) =>
  cellField((s, fail) => {
    let cents: bigint;
    try {
      cents = parseCents(s);
    } catch (e) {
      return fail((e as { reason?: string }).reason ?? `${JSON.stringify(s)} is not an amount`);
    }
    if (s.trimStart().startsWith('-') && !opts.negative) {
      return fail(`negative amount ${s}`);
    }
    if ((cents < 0n ? -cents : cents) > MAX_MONEY_CENTS) {
      return fail(`${s} is too large to record (at most 18 digits before the decimal point)`);
    }
    return cents;
  });

/** A number of shares with at most four decimals → 1/10,000ths of a share. */
export const sharesField = (opts: { positive?: boolean } = {}) =>
  cellField((s, fail) => {
    let units: bigint;
    try {
      units = parseShareUnits(s);
    } catch (e) {
      return fail((e as { reason?: string }).reason ?? `${JSON.stringify(s)} is not shares`);
    }
    if (units > MAX_SHARE_UNITS) {
      return fail(`${s} is too large to record`);
    }
    if (opts.positive && units === 0n) {
      return fail('must be more than 0 shares');
    }
    return units;
  });

/** A price per share with at most four decimals → 1/10,000ths of a dollar. */
export const priceField = () =>
  cellField((s, fail) => {
    let units: bigint;
    try {
      units = parsePriceUnits(s);
    } catch (e) {
      return fail((e as { reason?: string }).reason ?? `${JSON.stringify(s)} is not a price`);
    }
    if (units > MAX_SHARE_UNITS) {
      return fail(`${s} is too large to record`);
    }
    return units;
  });

/**
 * A rate or portion in percent, written as a number ("0.25", "50"); at most `maxPct` (100 by
 * default) and six decimals → micro-percent. "25%" is refused: the column is already in percent.
 */
export const percentField = (opts: { maxPct?: number } = {}) =>
  cellField((s, fail) => {
    if (s.includes('%')) {
      return fail(
        `write the percentage as a number without "%" (e.g. ${s.replace(/%/g, '').trim() || '25'})`,
      );
    }
    let micro: bigint;
    try {
      micro = parseRateMicroPct(s);
    } catch (e) {
      const reason = e instanceof RateFormatError && e.reason ? `: ${e.reason}` : '';
      return fail(
        `${JSON.stringify(s)} is not a percentage (a number such as 0.25, at most 6 decimals)${reason}`,
      );
    }
    const max = BigInt(opts.maxPct ?? 100) * 1_000_000n;
    if (micro > max) {
      return fail(`${s}% is more than ${opts.maxPct ?? 100}%`);
    }
    return micro;
  });

/** One of the listed words, in any case → the word as listed. */
export const enumField = <const W extends string>(words: readonly W[]) =>
  cellField((s, fail) => {
    const w = words.find((x) => x.toLowerCase() === s.toLowerCase());
    if (w === undefined) {
      return fail(`${JSON.stringify(s)} is not one of ${words.join(', ')}`);
    }
    return w;
  });

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

export const yesNoField = () =>
  cellField((s, fail) => {
    const w = s.toLowerCase();
    if (YES.has(w)) return true;
    if (NO.has(w)) return false;
    return fail(`${JSON.stringify(s)} is not yes or no`);
  });

/**
 * An identifier or a name: not empty, printable (no control characters, no line breaks), at
 * most {@link MAX_NAME_LENGTH} characters. Whitespace inside is kept as written.
 */
export const nameField = (what = 'value') =>
  cellField((cell, fail) => {
    // a name plan12b wrote to CSV with a quote before it, against spreadsheet formulas (csvOut.ts)
    const s = cellReadBack(cell);
    if (s === '') {
      return fail(`empty; every row needs the ${what}`);
    }
    // control characters (tabs, newlines, NUL …) and invisible format characters (statedText.ts)
    const unprintable = unprintableReason(s);
    if (unprintable !== null) return fail(unprintable);
    // a word of Latin letters with a Cyrillic or Greek one among them prints as another name
    const mixed = mixedScriptReason(s);
    if (mixed !== null) return fail(mixed);
    if (s.length > MAX_NAME_LENGTH) {
      return fail(`longer than ${MAX_NAME_LENGTH} characters`);
    }
    return s;
  });

/** Free text (a reason, an address): printable except for ordinary spaces, at most 2,000 characters. */
export const textField = () =>
  cellField((cell, fail) => {
    const s = cellReadBack(cell);
    // control characters (tabs, newlines, NUL …) and invisible format characters (statedText.ts)
    const unprintable = unprintableReason(s);
    if (unprintable !== null) return fail(unprintable);
    if (s.length > 2000) {
      return fail('longer than 2000 characters');
    }
    return s;
  });

/** An optional column or cell: an empty cell (or an absent column) is `null`. */
export const optionalField = <T>(field: z.ZodType<T, string>): z.ZodType<T | null, string> => {
  const schema = z.string().transform((s, ctx): T | null => {
    if (s === '') return null;
    const r = field.safeParse(s);
    if (r.success) return r.data;
    for (const i of r.error.issues) ctx.issues.push(issue(s, i.message));
    return z.NEVER;
  });
  // without zod: the field's own decoder (safeParse above stays zod's whole way, the reference)
  cellDecoders.set(schema, (s) => (s === '' ? null : decodeCellFast(field, s)));
  return schema;
};

/** A rate in percent, at most 100%, in canonical form ("2" → "2.00"; the class-B-terms feed). */
function readPct(input: string): { pct: string } | { problem: string } {
  if (input.includes('%'))
    return { problem: `write ${input} as a number without "%": the column is in percent` };
  try {
    const micro = parseRateMicroPct(input);
    return micro > 100_000_000n ? { problem: `${input}% is above 100%` } : { pct: formatRatePct(micro) };
  } catch (e) {
    if (e instanceof RateFormatError) return { problem: e.message };
    throw e;
  }
}

/** A percentage at most 100% → its canonical percent string. */
export const percentTextField = () =>
  cellField((s, fail) => {
    const r = readPct(s);
    if ('pct' in r) return r.pct;
    return fail(r.problem);
  });

/** A list of percentages, comma-separated ("5,4,3,3,2,1": a rate per year) → canonical percent strings. */
export const percentListField = () =>
  cellField((s, fail) => {
    const rates: string[] = [];
    s.split(',').forEach((part, i) => {
      const r = readPct(part.trim());
      if ('pct' in r) rates.push(r.pct);
      else fail(`year ${i + 1}: ${r.problem}`);
    });
    return rates;
  });

/** A positive whole number (at most six digits) of `what`. */
export const wholeNumberField = (what: string) =>
  cellField((s, fail) => {
    if (/^\d{1,6}$/.test(s) && Number(s) > 0) return Number(s);
    return fail(`${JSON.stringify(s)} is not a positive whole number of ${what}`);
  });

/** A month, YYYY-MM, inside the calendar plan12b keeps. */
export const monthField = () =>
  z.string().refine((s) => isMonth(s) && isoDateField().safeParse(monthStart(s)).success, {
    error: (i) => `${JSON.stringify(i.input)} is not a month (YYYY-MM, 1990–2100)`,
  });
