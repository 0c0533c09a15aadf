import type { StatedByUser } from '../../src/edgar/exhibitDocument.js';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { documentId } from '../../src/import/exhibitImport.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

// Invesco's Fifth A&R Distribution and Service Plan (Compensation) and Fourth A&R Distribution and
// Service Plan (Reimbursement), both "dated as of July 1, 2022", Classes A, C, Investor and R
// (real-exhibits-12, 10/11 and 13), in the layout of those exhibits (one cell a line), one trust:
// the twins of two-instruments-of-one-date-and-classes-each-keep-their-amendments.test.ts.

const TRUST = 'AIM Counselor Series Trust (Invesco Counselor Series Trust)';

interface Row {
  readonly portfolio: string;
  readonly classes: readonly (readonly [string, string, string, string])[];
}

export function twinExhibit(o: {
  readonly number: number;
  readonly title: readonly string[];
  readonly clauseName: string;
  readonly asOf: string;
  readonly rows: readonly Row[];
}): string {
  const cells = o.rows.flatMap((r) => [
    `|${r.portfolio}`,
    ...r.classes.flatMap(([c, d, s, a]) => [`|${c}`, `|${d}%`, `|${s}%`, `|${a}%`]),
  ]);
  return [
    'Exhibit 99.m(1)(b)',
    `AMENDMENT NO. ${o.number}`,
    'TO THE',
    ...o.title,
    `The ${o.clauseName} (the "Plan"), dated as of July 1, 2022, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, as of ${o.asOf}, as follows:`,
    'NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:',
    'SCHEDULE A',
    'TO THE',
    ...o.title,
    TRUST,
    '|Portfolio',
    '|Share',
    'Class',
    '|Maximum',
    'Distribution',
    'Fee*',
    '|Maximum',
    'Shareholder',
    'Services',
    'Fee',
    '|Maximum',
    'Aggregate',
    'Fee',
    ...cells.slice(0, -1),
    `${cells.at(-1)}”`,
    '',
  ].join('\n');
}

export const A = ['Class A', '0.25', '0.25', '0.25'] as const;
export const C = ['Class C', '0.75', '0.25', '1.00'] as const;
export const R = ['Class R', '0.50', '0.25', '0.50'] as const;
export const INV = ['Investor', '0.25', '0.25', '0.25'] as const;

export const COMP = ['FIFTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN', '(COMPENSATION)'];
export const COMP_NAME = 'Fifth Amended and Restated Distribution and Service Plan';
export const REIM = ['FOURTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN', '(REIMBURSEMENT)'];
export const REIM_NAME = 'Fourth Amended and Restated Distribution and Service Plan';

/** Each plan's Amendment No. 1 and No. 2, and an Amendment No. 3 whose title fits both. */
export const TWIN_FILES: Record<string, string> = {
  'comp-1.txt': twinExhibit({
    number: 1,
    title: COMP,
    clauseName: COMP_NAME,
    asOf: 'March 1, 2023',
    rows: [
      { portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R] },
      { portfolio: 'Invesco Income Advantage U.S. Fund', classes: [INV] },
    ],
  }),
  'comp-2.txt': twinExhibit({
    number: 2,
    title: COMP,
    clauseName: COMP_NAME,
    asOf: 'September 1, 2023',
    rows: [
      { portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R] },
      { portfolio: 'Invesco Discovery Fund', classes: [C] },
      { portfolio: 'Invesco Income Advantage U.S. Fund', classes: [INV] },
    ],
  }),
  'reim-1.txt': twinExhibit({
    number: 1,
    title: REIM,
    clauseName: REIM_NAME,
    asOf: 'February 10, 2023',
    rows: [
      { portfolio: 'Invesco American Franchise Fund', classes: [A, C, R] },
      { portfolio: 'Invesco Diversified Dividend Fund', classes: [INV] },
    ],
  }),
  'reim-2.txt': twinExhibit({
    number: 2,
    title: REIM,
    clauseName: REIM_NAME,
    asOf: 'September 11, 2024',
    rows: [
      { portfolio: 'Invesco American Franchise Fund', classes: [A, C] },
      { portfolio: 'Invesco Diversified Dividend Fund', classes: [INV, R] },
    ],
  }),
  // neither ordinal nor variant: either plan's
  'either.txt': twinExhibit({
    number: 3,
    title: ['DISTRIBUTION AND SERVICE PLAN'],
    clauseName: 'Distribution and Service Plan',
    asOf: 'January 2, 2025',
    rows: [{ portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R, INV] }],
  }),
};

export function storedTwin(fileName: string, stated: StatedByUser = {}): StoredDocument {
  const text = TWIN_FILES[fileName]!;
  const bytes = Buffer.from(text, 'utf8');
  return {
    id: documentId(bytes),
    fileName,
    doc: importableDocument(parseExhibit(text, fileName), fileName, stated),
  };
}

export function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}
