import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { BadInputError, type Problem } from '../errors.js';
import { recordStarts } from './csvRecordStarts.js';
import { decodeCellFast, REFUSED } from './feedFields.js';
import { plainCsvRecords } from './plainCsvRecords.js';
import { unprintableReason, visiblyQuoted } from './statedText.js';

/**
 * A feed's columns, declared once: each column's type (see feedFields.ts) and whether the
 * column may be absent from the header. The decoder checks every cell against its type and
 * reports every problem of the file at once.
 */
export interface FeedColumn<T = unknown> {
  readonly type: z.ZodType<T, string>;
  /** the column may be absent from the header (its cells are then empty strings) */
  readonly optional?: boolean;
}
export type FeedColumns = Readonly<Record<string, FeedColumn>>;
export type FeedRowOf<C extends FeedColumns> = { readonly [K in keyof C]: z.output<C[K]['type']> };

/** One decoded row with its 1-based line in the file. */
export interface DecodedRow<R> {
  readonly line: number;
  readonly row: R;
}

/**
 * Text of an input file: UTF-8 (a byte-order mark allowed), no NUL bytes. Anything else is
 * refused with the line of the first offending byte, so that a Latin-1 file is never stored with
 * replacement characters.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  if (looksLikeUtf16(bytes))
    throw new BadInputError([
      {
        file,
        line: 1,
        field: null,
        reason:
          "the file is UTF-16 text (as Excel's “Unicode Text” saves it), not UTF-8; save it as “CSV UTF-8” and import it again",
      },
    ]);
  const kind = notCsvKind(bytes);
  if (kind !== null)
    throw new BadInputError([
      {
        file,
        line: 1,
        field: null,
        reason: `the file is ${kind}, not CSV text; save it as “CSV UTF-8” (in Excel: File › Save As) and import that`,
      },
    ]);
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new BadInputError([
      {
        file,
        line: lineAt(bytes, nul),
        field: null,
        reason: 'the file is binary (a NUL byte), not CSV text',
      },
    ]);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new BadInputError([
      {
        file,
        line: lineAt(bytes, at),
        field: null,
        value: `0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}`,
        reason: `byte ${at + 1} is not UTF-8 (is the file Latin-1 or Windows-1252?); save it as UTF-8 and import it again`,
      },
    ]);
  }
}

/**
 * What a file that is no text at all is, by its first bytes: the workbook a treasurer most often
 * gives instead of its CSV (an .xlsx is a ZIP archive, an .xls an OLE compound file), or a PDF.
 * Before, each was "the file is binary (a NUL byte)" on the line of its first NUL.
 */
function notCsvKind(bytes: Uint8Array): string | null {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a ZIP archive (an Excel workbook, .xlsx, is one)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an Excel 97–2003 workbook (.xls)';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'a PDF';
  return null;
}

/**
 * UTF-16 text: a UTF-16 byte-order mark (FF FE, FE FF), or ASCII text with a NUL beside every
 * character of its first four (a UTF-16 file saved without a mark).
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  if (bytes.length < 8) return false;
  const nulAt = (parity: number) =>
    [0, 1, 2, 3].every((i) => bytes[2 * i + parity] === 0 && bytes[2 * i + 1 - parity] !== 0);
  return nulAt(0) || nulAt(1);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Bisect on line starts would be faster; files with a bad byte are rare and this is linear.
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(lineStart, i));
      } catch {
        for (let j = lineStart; j < i; j++) {
          try {
            decoder.decode(bytes.subarray(lineStart, j + 1), { stream: true });
          } catch {
            return j;
          }
        }
        return lineStart;
      }
      lineStart = i + 1;
    }
  }
  return 0;
}

/**
 * Records parsed and decoded at a time by {@link decodeCsvFeed} (smaller in tests). Small enough
 * that a slice's cells and rows die young: at 20,000 they outlived V8's young generation, and a
 * month of a million rows peaked ~140 MB higher in the decode alone (issue 14).
 */
export const DECODE_SLICE_RECORDS = 2_000;

/**
 * csv-parse's options for every feed (plainCsvRecords.ts splits the slices it can as these do).
 * Every line end is one, CRLF, LF or a lone CR, in one file too (two exports joined, a header
 * typed on another machine), as recordStarts counts them: left to find the line end itself,
 * csv-parse takes the first one as the file's only one, and a CRLF header over LF rows read two
 * rows as one ("Invalid Record Length … on line 3", naming no line at fault).
 */
export const PARSE_OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'] as string[],
  skip_empty_lines: true,
  relax_column_count: false,
  trim: true,
} as const;

/**
 * Where decoded rows go, a slice at a time and in file order (see {@link decodeCsvFeedInto}): a
 * feed may hold them in its own, leaner form (issue 14: a month's million rows as objects took
 * gigabytes). Made anew if the sliced read falls back to reading the file whole.
 */
export interface RowGatherer<R, G> {
  add(rows: readonly DecodedRow<R>[]): void;
  /** every row added: what the feed's rules, load and plan take */
  done(): G;
}

/** Makes a {@link RowGatherer} for a file; `records`: its records (header included), for capacity. */
export type RowGathererOf<R, G> = (file: string, records: number) => RowGatherer<R, G>;

/** The rows kept as they are, in an array. */
export function rowArray<R>(): RowGatherer<R, DecodedRow<R>[]> {
  const rows: DecodedRow<R>[] = [];
  return {
    add(slice) {
      for (const r of slice) rows.push(r);
    },
    done: () => rows,
  };
}

/**
 * Reads a CSV feed with a header row into typed rows. Column names match case-insensitively and
 * in any order; a column named twice, a required column missing or a column the feed does not
 * read fails the file. Every cell
 * is checked against its declared type; all problems of all rows are returned together.
 *
 * A well-formed file is parsed a slice of {@link DECODE_SLICE_RECORDS} records at a time, each
 * slice's cells decoded and let go before the next (issue 14: a month's million rows as cells
 * and rows at once took gigabytes); a file whose slices do not parse cleanly, or whose header has
 * a problem, is read whole, as before, so that its problems are reported exactly as they were.
 */
export function decodeCsvFeed<C extends FeedColumns>(
  file: string,
  bytes: Uint8Array,
  columns: C,
  sliceRecords: number = DECODE_SLICE_RECORDS,
): { rows: DecodedRow<FeedRowOf<C>>[]; problems: Problem[] } {
  const { gathered, problems } = decodeCsvFeedInto(
    file,
    bytes,
    columns,
    () => rowArray<FeedRowOf<C>>(),
    sliceRecords,
  );
  return { rows: gathered, problems };
}

/**
 * {@link decodeCsvFeed}, each slice's rows handed to a gatherer as soon as decoded (the rows of the
 * whole-file read in one go). `rows`: how many decoded without a problem.
 */
export function decodeCsvFeedInto<C extends FeedColumns, G>(
  file: string,
  bytes: Uint8Array,
  columns: C,
  gatherer: RowGathererOf<FeedRowOf<C>, G>,
  sliceRecords: number = DECODE_SLICE_RECORDS,
  /** told after each slice: records read so far of the file's records (header included) */
  onSlice?: (recordsRead: number, records: number) => void,
): { gathered: G; rows: number; problems: Problem[] } {
  // Checked without decoding the file into one string (issue 14: a month's file is ~100 MB, and
  // its slices are decoded one at a time); a file that is not UTF-8 is refused by decodeUtf8.
  const text = bytes.indexOf(0) >= 0 || !isUtf8(bytes) ? decodeUtf8(file, bytes) : null;
  const starts = recordStarts(bytes);
  return (
    (text === null ? decodeInSlices(file, bytes, starts, columns, gatherer, sliceRecords, onSlice) : null) ??
    decodeWhole(file, text ?? decodeUtf8(file, bytes), starts.lines, columns, gatherer)
  );
}

/** The sliced read of {@link decodeCsvFeed}, or null where the file must be read whole. */
function decodeInSlices<C extends FeedColumns, G>(
  file: string,
  bytes: Uint8Array,
  starts: { readonly lines: readonly number[]; readonly offsets: readonly number[] },
  columns: C,
  gatherer: RowGathererOf<FeedRowOf<C>, G>,
  sliceRecords: number,
  onSlice?: (recordsRead: number, records: number) => void,
): { gathered: G; rows: number; problems: Problem[] } | null {
  const { lines, offsets } = starts;
  if (lines.length <= sliceRecords) return null;
  const into = gatherer(file, lines.length);
  let count = 0;
  const problems: Problem[] = [];
  let index: number[] | null = null;
  let width = 0;
  const seen = seenValues(columns);
  // the byte-order mark dropped at the file's start only, as decodeUtf8 drops it
  const atStart = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const inside = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (let first = 0; first < lines.length; first += sliceRecords) {
    const end = Math.min(first + sliceRecords, lines.length);
    let cells: string[][];
    try {
      // a slice starts at a record's first byte and ends before the next's: whole characters
      const slice = bytes.subarray(first === 0 ? 0 : offsets[first]!, offsets[end] ?? bytes.length);
      const text = (first === 0 ? atStart : inside).decode(slice);
      // a slice of one-line records split directly, as csv-parse splits it (plainCsvRecords.ts)
      cells =
        plainCsvRecords(slice, text) ??
        (parse(text, { ...PARSE_OPTIONS, info: false }) as unknown as string[][]);
    } catch {
      return null;
    }
    // a record our scan of the text placed otherwise than csv-parse: read whole
    if (cells.length !== end - first) return null;
    if (index === null) {
      const header = headerIndex(file, cells[0]!, columns);
      if ('problems' in header) return null;
      index = header.index;
      width = cells[0]!.length;
    }
    // csv-parse holds a slice's records to the slice's first one: the header's width is the rule
    if (cells.some((c) => c.length !== width)) return null;
    const rows: DecodedRow<FeedRowOf<C>>[] = [];
    for (let i = first === 0 ? 1 : 0; i < cells.length; i++)
      decodeRecord(file, lines[first + i]!, cells[i]!, columns, index, rows, problems, seen);
    count += rows.length;
    into.add(rows);
    onSlice?.(end, lines.length);
  }
  return { gathered: into.done(), rows: count, problems };
}

/** The whole file parsed at once (a file with a problem in its CSV or its header; a small file). */
function decodeWhole<C extends FeedColumns, G>(
  file: string,
  text: string,
  found: readonly number[],
  columns: C,
  gatherer: RowGathererOf<FeedRowOf<C>, G>,
): { gathered: G; rows: number; problems: Problem[] } {
  // A record of another width than the header's is each listed on its line (SPEC §12: every problem
  // of a bad file at once): csv-parse stops at the first, so the file is read again with
  // relax_column_count and every record is measured against the header.
  let relaxed = false;
  const parseRecords = <T>(info: boolean): T[] => {
    try {
      return parse(text, {
        ...PARSE_OPTIONS,
        info,
        ...(relaxed ? { relax_column_count: true } : {}),
      }) as unknown as T[];
    } catch (e) {
      const err = e as Error & { code?: string; lines?: number };
      if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && !relaxed) {
        relaxed = true;
        return parseRecords<T>(info);
      }
      // an opening quote never closed swallows the rest of the file: csv-parse names the file's
      // last line; the user looks for the line the quote opens on, where that record starts
      if (err.code === 'CSV_QUOTE_NOT_CLOSED' && found.length > 0)
        throw new BadInputError([
          {
            file,
            line: found.at(-1)!,
            field: null,
            reason:
              'not valid CSV: a quote (") opened in this record is never closed, so the rest of the file would be one cell; close the quote or remove it',
          },
        ]);
      throw new BadInputError([
        { file, line: err.lines ?? 1, field: null, reason: `not valid CSV: ${err.message}` },
      ]);
    }
  };
  // csv-parse counts lines to a record's end, and miscounts CRLF inside quotes; a quoted cell may
  // span lines, and the user looks for the line the record starts on. Where our count of records
  // disagrees with csv-parse's, its own line counts (`info`, a third of its time) are asked for.
  let cells = parseRecords<string[]>(false);
  let lineOf = (recordNo: number): number => found[recordNo]!;
  if (found.length !== cells.length) {
    const withInfo = parseRecords<{ record: string[]; info: { lines: number } }>(true);
    cells = withInfo.map((r) => r.record);
    lineOf = (recordNo) => withInfo[recordNo]!.info.lines;
  }
  const names = Object.keys(columns);
  const expected = names.filter((c) => !columns[c]!.optional).join(',');
  if (cells.length === 0)
    throw new BadInputError([
      { file, line: 1, field: null, reason: `file is empty; expected a header ${expected}` },
    ]);
  const header = headerIndex(file, cells[0]!, columns);
  if ('problems' in header) throw new BadInputError(header.problems);
  const rows: DecodedRow<FeedRowOf<C>>[] = [];
  const problems: Problem[] = [];
  const seen = seenValues(columns);
  const width = cells[0]!.length;
  for (let recordNo = 1; recordNo < cells.length; recordNo++) {
    const record = cells[recordNo]!;
    if (record.length !== width) {
      problems.push({
        file,
        line: lineOf(recordNo),
        field: null,
        reason: `not valid CSV: this record has ${record.length} cells where the header has ${width}; a cell holding a comma must be in double quotes`,
      });
      continue;
    }
    decodeRecord(file, lineOf(recordNo), record, columns, header.index, rows, problems, seen);
  }
  const into = gatherer(file, cells.length);
  into.add(rows);
  return { gathered: into.done(), rows: rows.length, problems };
}

/**
 * A header cell as a problem's field: as written, or — holding a control or invisible character —
 * with those written out (`\u001b[31mdate`), since the field is printed as is before the reason
 * (`FILE:1: FIELD: reason`) and an escape sequence there repainted the user's terminal.
 */
function shownField(h: string): string {
  return unprintableReason(h) === null ? h : visiblyQuoted(h).slice(1, -1);
}

/** Each declared column's place in the header (−1: an optional column absent), or its problems. */
function headerIndex(
  file: string,
  cells: readonly string[],
  columns: FeedColumns,
): { index: number[] } | { problems: Problem[] } {
  const names = Object.keys(columns);
  const expected = names.filter((c) => !columns[c]!.optional).join(',');
  const header = cells.map((h) => h.toLowerCase());
  // each name's first column, found in one pass (a hostile header of 100,000 columns stays linear)
  const firstOf = new Map<string, number>();
  header.forEach((h, i) => {
    if (!firstOf.has(h)) firstOf.set(h, i);
  });
  const headerProblems: Problem[] = [];
  header.forEach((h, i) => {
    const first = firstOf.get(h)!;
    if (first !== i)
      headerProblems.push({
        file,
        line: 1,
        field: shownField(h),
        value: h,
        reason: `column ${visiblyQuoted(h)} is named twice (columns ${first + 1} and ${i + 1})`,
      });
  });
  // A column the feed does not read is refused, not ignored: a misspelt optional column
  // (`terminated` for `terminated_on`, `notice_dat`) would otherwise drop its values unseen.
  const known = new Set(names);
  const unknown = header.flatMap((h, i) => (known.has(h) || firstOf.get(h) !== i ? [] : [{ h, i }]));
  if (unknown.length > 0) {
    // quoted with an invisible character written out (a zero-width space pasted before `date` read
    // as `column 1 "date" is not a column`, which no one could act on)
    const shown = unknown.slice(0, 10).map(({ h, i }) =>
      // a header ending in a comma (a spreadsheet's empty last column) has a column with no name
      h === ''
        ? `column ${i + 1} "" (no name: a comma at the end of the header?)`
        : `column ${i + 1} ${visiblyQuoted(h)}`,
    );
    headerProblems.push({
      file,
      line: 1,
      field: shownField(unknown[0]!.h),
      value: unknown[0]!.h,
      reason: `${shown.join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''} ${unknown.length === 1 ? 'is not a column' : 'are not columns'} of this file (its columns: ${names.join(',')}); rename or remove ${unknown.length === 1 ? 'it' : 'them'}`,
    });
  }
  const missing = names.filter((c) => !columns[c]!.optional && !firstOf.has(c));
  if (missing.length > 0)
    headerProblems.push({
      file,
      line: 1,
      field: missing[0]!,
      reason: `header lacks column ${missing.join(', ')}; expected ${expected}`,
    });
  if (headerProblems.length > 0) return { problems: headerProblems };
  return { index: names.map((c) => firstOf.get(c) ?? -1) };
}

/** Distinct cells of a column whose decoded value is kept for the rows that repeat it. */
const SEEN_VALUES_PER_COLUMN = 4_096;

/** Per declared column, in order: its name and the decoded values of cells seen before (see {@link decodeRecord}). */
function seenValues(columns: FeedColumns): { readonly name: string; readonly known: Map<string, unknown> }[] {
  return Object.keys(columns).map((name) => ({ name, known: new Map<string, unknown>() }));
}

/**
 * One record's cells against their types: a row, or its problems. A cell decoded before in its
 * column (a date, a type, a portfolio: a month's file repeats them a million times) takes the value
 * decoded then — the same, a type's parse being a function of the text — and shares its string:
 * checked once, held once (issue 14). Only plain values are shared, never an object a row could change.
 */
function decodeRecord<C extends FeedColumns>(
  file: string,
  line: number,
  record: readonly string[],
  columns: C,
  index: readonly number[],
  rows: DecodedRow<FeedRowOf<C>>[],
  problems: Problem[],
  seen: ReturnType<typeof seenValues>,
): void {
  const row: Record<string, unknown> = {};
  let ok = true;
  // a plain loop, and one lookup for a value seen before (issue 14: a million rows of ten cells)
  for (let i = 0; i < seen.length; i++) {
    const { name, known } = seen[i]!;
    const raw = index[i]! >= 0 ? (record[index[i]!] ?? '') : '';
    const earlier = known.get(raw);
    if (earlier !== undefined || known.has(raw)) {
      row[name] = earlier;
      continue;
    }
    const type = columns[name]!.type;
    // the field's own decoder first (no zod work per cell); safeParse for a refused cell's reasons
    let v = decodeCellFast(type, raw);
    if (v === REFUSED) {
      const parsed = type.safeParse(raw);
      if (!parsed.success) {
        ok = false;
        for (const issue of parsed.error.issues)
          problems.push({ file, line, field: name, value: raw, reason: issue.message });
        continue;
      }
      v = parsed.data;
    }
    row[name] = v;
    if (known.size < SEEN_VALUES_PER_COLUMN && (v === null || typeof v !== 'object')) known.set(raw, v);
  }
  if (ok) rows.push({ line, row: row as FeedRowOf<C> });
}
