import { clippedQuoted, Plan12bError, type PROBLEM_TEXT_MAX } from '../errors.js';

/**
 * Free text a user states for the record — a rate's Board resolution, why a document is withdrawn,
 * why an instrument terminates (SPEC §12: the audit log says who changed what and why). It is
 * printed again by `audit log`, `rates list`, `exhibit list` and the dashboard, so it must be
 * printable: a control character (an escape sequence that repaints the terminal, a bell, a line
 * break that forges a line of the log) is refused as the command line's fault (exit 64, HTTP 400)
 * before anything is written, as `--actor` is. So is an invisible format character (below).
 */

/**
 * What printed text must not hold: a C0 or C1 control character, DEL, a line break (Unicode's line
 * and paragraph separators too), or an invisible format character — a bidirectional override or
 * isolate that shows the text around it reversed (`Bank\u202eevil` prints as "Banklive"), a
 * zero-width space, a soft hyphen, a byte-order mark — save the zero-width (non-)joiners that
 * Persian and Indic names and emoji are written with. Each would let a report or the audit log show
 * a text other than the one recorded, as for an actor (src/store/actor.ts).
 */
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const INVISIBLE_FORMAT = /(?![\u200c\u200d])\p{Cf}/u;
/**
 * What is no character at all: a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF …, which Unicode keeps
 * for a program's own use) or half of a surrogate pair (a JSON body may write "\ud800"). XML has no
 * way to hold U+FFFE, U+FFFF or a lone surrogate: a name holding one made every XLSX plan12b wrote
 * of it a workbook Excel reports as corrupt (`providers list --xlsx`).
 */
const NOT_A_CHARACTER = /[\p{Noncharacter_Code_Point}\p{Cs}]/u;

export function hasControlCharacter(text: string): boolean {
  return LINE_BREAK_OR_CONTROL.test(text) || INVISIBLE_FORMAT.test(text) || NOT_A_CHARACTER.test(text);
}

/**
 * Why `text` cannot be printed as recorded, quoting it with its invisible characters written as
 * `\u` and four hex digits (`\u202e`) (a message that quoted a bidirectional override as is would itself print reversed), or
 * null when it can.
 */
export function unprintableReason(text: string): string | null {
  if (LINE_BREAK_OR_CONTROL.test(text))
    return `${visiblyQuoted(text)} contains a control character or line break`;
  // U+FFFD stands for a character lost before plan12b read the text (a file saved through a
  // converter that could not read it): "Dealer\uFFFD One" is no name anyone gave
  if (text.includes('\uFFFD'))
    return `${visiblyQuoted(text)} contains U+FFFD, the mark of a character lost before plan12b read it; write the character as it should be`;
  const none = NOT_A_CHARACTER.exec(text);
  if (none !== null)
    return `${visiblyQuoted(text)} contains U+${codePoint(none[0])}, which is no character (a noncharacter or half of a surrogate pair) and cannot be written to a workbook; remove it`;
  const format = INVISIBLE_FORMAT.exec(text);
  if (format === null) return null;
  return `${visiblyQuoted(text)} contains an invisible format character (U+${codePoint(format[0])}), which would show the text otherwise than recorded`;
}

/**
 * `text` as a JSON string, its invisible format characters and line separators as `\u` and four
 * hex digits (`\u202e`); a text longer than {@link PROBLEM_TEXT_MAX} characters by its first ones
 * and its length (`"AAAA…" (100,000 characters)`, {@link clippedQuoted}).
 */
export function visiblyQuoted(text: string): string {
  return clippedQuoted(text).replace(
    /[\u2028\u2029\uFFFD\p{Noncharacter_Code_Point}]|(?![\u200c\u200d])\p{Cf}/gu,
    uEscaped,
  );
}

/**
 * A message as a terminal shows it: a line or paragraph separator, an invisible format character
 * (a bidirectional override shows the rest of the line reversed) or what is no character, echoed
 * from an argument or a cell, written as `\u` and four hex digits. JSON.stringify, which most
 * messages quote a value with, writes control characters out but keeps these as they are.
 */
export function writtenVisibly(text: string): string {
  return text.replace(/[\u2028\u2029\p{Noncharacter_Code_Point}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/gu, uEscaped);
}

const codePoint = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
/** A character written out as `\u` and four hex digits (`\u{…}` beyond the Basic Multilingual Plane). */
export const uEscaped = (c: string): string =>
  c.length === 1 ? `\\u${codePoint(c).toLowerCase()}` : `\\u{${codePoint(c).toLowerCase()}}`;

export function requirePrintableText(text: string, option: string): string {
  const unprintable = unprintableReason(text);
  if (unprintable !== null)
    throw new Plan12bError(
      'USAGE',
      `${option} ${unprintable}`,
      `write ${option} in printable characters on one line; nothing was written`,
    );
  return text;
}
