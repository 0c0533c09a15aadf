/**
 * The corpus of real EDGAR exhibits (../shared/corpus, issue 11): read from where it lies,
 * never copied into the project. Absent: the tests that need it skip with a message, except on
 * CI, where it is required.
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** $PLAN12B_SEEDS/../corpus, else ../shared/corpus beside the project. */
export const corpusDir = resolve(
  process.env.PLAN12B_SEEDS !== undefined
    ? join(process.env.PLAN12B_SEEDS, '..', 'corpus')
    : join(here, '..', '..', '..', 'shared', 'corpus'),
);

export const corpusAvailable = existsSync(join(corpusDir, 'expected.json'));

if (!corpusAvailable) {
  const msg = `corpus of real exhibits not found at ${corpusDir} (set PLAN12B_SEEDS); corpus tests skipped`;
  if (process.env.CI) throw new Error(`${msg} — on CI it is required`);
  console.warn(msg);
}

export interface ExpectedEntry {
  readonly registrant: string | null;
  readonly portfolio: string;
  readonly class: string | null;
  /** as printed, in the document's column order; 'NONE' kept */
  readonly rates: readonly string[];
}

export interface ExpectedSchedule {
  readonly name: string;
  readonly replacesEntirely: boolean | null;
  readonly truncated: boolean;
  readonly entries: readonly ExpectedEntry[];
}

export interface ExpectedDocument {
  readonly file: string;
  readonly kind: string;
  /** the title as a reader writes it */
  readonly title: string;
  /** the exhibit's designation ("m(4)(b)"), or null */
  readonly exhibit: string | null;
  readonly amendmentNumber: number | null;
  readonly effectiveDate: string | null;
  /** the date the document gives the instrument it belongs to ("dated July 1, 2000"), read as ISO */
  readonly instrumentDatedAsOf: string | null;
  readonly classes: readonly string[];
  readonly complete: boolean;
  readonly cut: string | null;
  readonly renames: readonly { from: string; to: string }[];
  readonly schedules: readonly ExpectedSchedule[];
}

/**
 * An expected reading written by hand for a test's own exhibit: what it states, with the rest as a
 * whole, undated, unnumbered document without renames reads.
 */
export function expectedDocument(
  file: string,
  d: Partial<ExpectedDocument> & Pick<ExpectedDocument, 'kind' | 'effectiveDate' | 'classes' | 'schedules'>,
): ExpectedDocument {
  return {
    file,
    title: '',
    exhibit: null,
    amendmentNumber: null,
    instrumentDatedAsOf: null,
    complete: true,
    cut: null,
    renames: [],
    ...d,
  };
}

export function corpusExpected(): ExpectedDocument[] {
  if (!corpusAvailable) return [];
  const json = JSON.parse(readFileSync(join(corpusDir, 'expected.json'), 'utf8')) as {
    files: ExpectedDocument[];
  };
  return json.files;
}

export function corpusText(file: string): string {
  return readFileSync(join(corpusDir, file), 'utf8');
}
