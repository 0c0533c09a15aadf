import { parse } from 'csv-parse/sync';
import { BadInputError } from '../errors.js';
import { decodeUtf8 } from './csvFeed.js';

/** One data row of a CSV feed, with its 1-based line number in the file. */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Reads a CSV feed with a header row, requiring exactly the named columns (in any order). A file
 * that is not CSV, or lacks a column, fails with the file and line.
 */
export function readCsvFeed(file: string, bytes: Uint8Array, columns: readonly string[]): CsvRow[] {
  const text = decodeUtf8(file, bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new BadInputError([
      { file, line: err.lines ?? 1, field: null, reason: `not valid CSV: ${err.message}` },
    ]);
  }
  if (records.length === 0)
    throw new BadInputError([
      { file, line: 1, field: null, reason: `file is empty; expected a header ${columns.join(',')}` },
    ]);
  const header = records[0]!.record.map((h) => h.toLowerCase());
  const twice = header.find((h, i) => header.indexOf(h) !== i);
  if (twice !== undefined)
    throw new BadInputError([
      { file, line: 1, field: twice, reason: `column ${JSON.stringify(twice)} is named twice` },
    ]);
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new BadInputError([
      {
        file,
        line: 1,
        field: missing[0]!,
        reason: `header lacks column ${missing.join(', ')}; expected ${columns.join(',')}`,
      },
    ]);
  const index = columns.map((c) => header.indexOf(c));
  return records.slice(1).map(({ record, info }) => {
    const values: Record<string, string> = {};
    columns.forEach((c, i) => {
      values[c] = record[index[i]!] ?? '';
    });
    return { line: info.lines, values };
  });
}
