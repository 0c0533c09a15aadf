import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { documentId } from '../../src/import/exhibitImport.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';

// SPEC §2: "Schedule A … is hereby deleted in its entirety and replaced" replaces THAT instrument's
// Schedule A. Invesco's Fifth A&R Distribution and Service Plan (Compensation) and Fourth A&R
// Distribution and Service Plan (Reimbursement) are both "dated as of July 1, 2022" and cover
// Classes A, C, Investor and R (real-exhibits-12, 10/11 and 13): one key
// `plan||a+c+investor+r|2022-07-01`, so an amendment of one replaced the other's schedule. Here
// each plan has two amendments, in the layout of those exhibits (one cell a line), one trust.

const TRUST = 'AIM Counselor Series Trust (Invesco Counselor Series Trust)';

interface Row {
  readonly portfolio: string;
  readonly classes: readonly (readonly [string, string, string, string])[];
}

function exhibit(o: {
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

const A = ['Class A', '0.25', '0.25', '0.25'] as const;
const C = ['Class C', '0.75', '0.25', '1.00'] as const;
const R = ['Class R', '0.50', '0.25', '0.50'] as const;
const INV = ['Investor', '0.25', '0.25', '0.25'] as const;

const COMP = ['FIFTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN', '(COMPENSATION)'];
const COMP_NAME = 'Fifth Amended and Restated Distribution and Service Plan';
const REIM = ['FOURTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN', '(REIMBURSEMENT)'];
const REIM_NAME = 'Fourth Amended and Restated Distribution and Service Plan';

const FILES: Record<string, string> = {
  'comp-1.txt': exhibit({
    number: 1,
    title: COMP,
    clauseName: COMP_NAME,
    asOf: 'March 1, 2023',
    rows: [
      { portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R] },
      { portfolio: 'Invesco Income Advantage U.S. Fund', classes: [INV] },
    ],
  }),
  // adds Invesco Discovery Fund (Class C)
  'comp-2.txt': exhibit({
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
  'reim-1.txt': exhibit({
    number: 1,
    title: REIM,
    clauseName: REIM_NAME,
    asOf: 'February 10, 2023',
    rows: [
      { portfolio: 'Invesco American Franchise Fund', classes: [A, C, R] },
      { portfolio: 'Invesco Diversified Dividend Fund', classes: [INV] },
    ],
  }),
  // removes Invesco American Franchise Fund's Class R
  'reim-2.txt': exhibit({
    number: 2,
    title: REIM,
    clauseName: REIM_NAME,
    asOf: 'September 11, 2024',
    rows: [
      { portfolio: 'Invesco American Franchise Fund', classes: [A, C] },
      { portfolio: 'Invesco Diversified Dividend Fund', classes: [INV, R] },
    ],
  }),
};

function stored(fileName: string, text: string): StoredDocument {
  const bytes = Buffer.from(text, 'utf8');
  return { id: documentId(bytes), fileName, doc: importableDocument(parseExhibit(text, fileName), fileName) };
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

const listed = (docs: readonly StoredDocument[], date: string) =>
  buildRegistry(docs)
    .scheduleAsOf(date)
    .entries.map((e) => `${e.portfolio}|${e.class}|${e.aggregateFeePct}`)
    .sort();

describe('two plans of one date and classes, told apart by their titles', () => {
  const docs = Object.entries(FILES).map(([f, t]) => stored(f, t));

  it('the four exhibits are read as written, all keyed alike before titles are looked at', () => {
    for (const d of docs) {
      expect(d.doc.instrument.datedAsOf).toBe('2022-07-01');
      expect(d.doc.instrument.registrant).toBeNull();
    }
    expect(docs.map((d) => d.doc.effectiveDate)).toEqual([
      '2023-03-01',
      '2023-09-01',
      '2023-02-10',
      '2024-09-11',
    ]);
  });

  // by hand, on each date: each plan's newest Schedule A in force on it, both plans listed
  const expected: Record<string, string[]> = {
    // reim-1 only (2023-02-10): 3 + 1 entries
    '2023-02-20': [
      'Invesco American Franchise Fund|A|0.25',
      'Invesco American Franchise Fund|C|1.00',
      'Invesco American Franchise Fund|R|0.50',
      'Invesco Diversified Dividend Fund|Investor|0.25',
    ],
    // reim-1 and comp-1 (2023-03-01): 4 + 4 = 8
    '2023-03-15': [
      'Invesco American Franchise Fund|A|0.25',
      'Invesco American Franchise Fund|C|1.00',
      'Invesco American Franchise Fund|R|0.50',
      'Invesco Core Plus Bond Fund|A|0.25',
      'Invesco Core Plus Bond Fund|C|1.00',
      'Invesco Core Plus Bond Fund|R|0.50',
      'Invesco Diversified Dividend Fund|Investor|0.25',
      'Invesco Income Advantage U.S. Fund|Investor|0.25',
    ],
    // reim-1 and comp-2 (2023-09-01): 4 + 5 = 9 — comp-2 does not end American Franchise
    '2023-10-01': [
      'Invesco American Franchise Fund|A|0.25',
      'Invesco American Franchise Fund|C|1.00',
      'Invesco American Franchise Fund|R|0.50',
      'Invesco Core Plus Bond Fund|A|0.25',
      'Invesco Core Plus Bond Fund|C|1.00',
      'Invesco Core Plus Bond Fund|R|0.50',
      'Invesco Discovery Fund|C|1.00',
      'Invesco Diversified Dividend Fund|Investor|0.25',
      'Invesco Income Advantage U.S. Fund|Investor|0.25',
    ],
    // reim-2 (2024-09-11) and comp-2: 4 + 5 = 9 — reim-2 does not end Core Plus Bond or Discovery
    '2024-10-01': [
      'Invesco American Franchise Fund|A|0.25',
      'Invesco American Franchise Fund|C|1.00',
      'Invesco Core Plus Bond Fund|A|0.25',
      'Invesco Core Plus Bond Fund|C|1.00',
      'Invesco Core Plus Bond Fund|R|0.50',
      'Invesco Discovery Fund|C|1.00',
      'Invesco Diversified Dividend Fund|Investor|0.25',
      'Invesco Diversified Dividend Fund|R|0.50',
      'Invesco Income Advantage U.S. Fund|Investor|0.25',
    ],
  };

  it('each amendment replaces its own plan’s Schedule A only, in every import order (24)', () => {
    for (const order of permutations(docs))
      for (const [date, entries] of Object.entries(expected))
        expect(listed(order, date), date).toEqual(entries);
  });

  it('the registry has two instruments, each with its own two amendments, and no warning', () => {
    const registry = buildRegistry(docs);
    const byTitle = registry.instruments
      .map(
        (i) => `${i.title}: ${i.documentIds.map((id) => docs.find((d) => d.id === id)!.fileName).join(' ')}`,
      )
      .sort();
    expect(byTitle).toEqual([
      'Fifth Amended and Restated Distribution and Service Plan: comp-1.txt comp-2.txt',
      'Fourth Amended and Restated Distribution and Service Plan: reim-1.txt reim-2.txt',
    ]);
    expect(registry.warnings).toEqual([]);
  });
});

describe('an amendment whose title says less than its instrument’s', () => {
  const docs = Object.entries(FILES).map(([f, t]) => stored(f, t));
  // no "(Compensation)": the ordinal "Fifth" says which
  const fifth = stored(
    'comp-3-no-variant.txt',
    exhibit({
      number: 3,
      title: ['FIFTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN'],
      clauseName: COMP_NAME,
      asOf: 'January 2, 2025',
      rows: [{ portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R, INV] }],
    }),
  );
  // neither ordinal nor variant: either plan's
  const either = stored(
    'either.txt',
    exhibit({
      number: 3,
      title: ['DISTRIBUTION AND SERVICE PLAN'],
      clauseName: 'Distribution and Service Plan',
      asOf: 'January 2, 2025',
      rows: [{ portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R, INV] }],
    }),
  );

  it('is attached by what it does say: "Fifth" without "(Compensation)" amends the Fifth A&R plan only', () => {
    for (const order of permutations([...docs, fifth])) {
      const registry = buildRegistry(order);
      expect(registry.warnings).toEqual([]);
      // comp-3 replaces the Compensation plan's 5 entries by Core Plus Bond's 4; the Reimbursement
      // plan's 5 (reim-2) stay: 4 + 5 = 9
      expect(listed(order, '2025-01-02')).toEqual([
        'Invesco American Franchise Fund|A|0.25',
        'Invesco American Franchise Fund|C|1.00',
        'Invesco Core Plus Bond Fund|A|0.25',
        'Invesco Core Plus Bond Fund|C|1.00',
        'Invesco Core Plus Bond Fund|Investor|0.25',
        'Invesco Core Plus Bond Fund|R|0.50',
        'Invesco Diversified Dividend Fund|Investor|0.25',
        'Invesco Diversified Dividend Fund|R|0.50',
      ]);
    }
  });

  it('one that says neither is attached to neither plan, and the warning names both', () => {
    for (const order of [
      [...docs, either],
      [either, ...docs],
    ]) {
      const registry = buildRegistry(order);
      expect(registry.warnings).toEqual([
        // each instrument by the name it is listed by, and the command that says which (SPEC §2.1)
        'either.txt: "Amendment No. 3 to the Distribution and Service Plan" does not say which of 2 instruments dated 2022-07-01 it amends: "Fifth Amended and Restated Distribution and Service Plan (Compensation)" (comp-1.txt, comp-2.txt), "Fourth Amended and Restated Distribution and Service Plan (Reimbursement)" (reim-1.txt, reim-2.txt); attached to none of them, its schedules replace none of theirs; state which it amends: plan12b exhibit import either.txt --amends "Fifth Amended and Restated Distribution and Service Plan (Compensation)" or plan12b exhibit import either.txt --amends "Fourth Amended and Restated Distribution and Service Plan (Reimbursement)"',
      ]);
      const instruments = registry.instruments.map((i) => i.documentIds.length).sort();
      // comp-1, comp-2 | reim-1, reim-2 | either alone
      expect(instruments).toEqual([1, 2, 2]);
    }
  });

  it('alone with its instrument, a title without "(Reimbursement)" finds it, and the key is as before', () => {
    const reim = docs.filter((d) => d.fileName.startsWith('reim-'));
    const noVariant = stored(
      'reim-3-no-variant.txt',
      exhibit({
        number: 3,
        title: ['DISTRIBUTION AND SERVICE PLAN'],
        clauseName: 'Distribution and Service Plan',
        asOf: 'January 2, 2025',
        rows: [{ portfolio: 'Invesco American Franchise Fund', classes: [A, C, R, INV] }],
      }),
    );
    const registry = buildRegistry([...reim, noVariant]);
    expect(registry.warnings).toEqual([]);
    expect(registry.instruments.map((i) => [i.key, i.documentIds.length])).toEqual([
      ['plan||a+c+investor+r|2022-07-01', 3],
    ]);
  });
});

describe('a Service Plan and a Distribution and Service Plan of one date and class', () => {
  const SERVICE = ['SERVICE PLAN', '(REIMBURSEMENT)'];
  const DS = ['DISTRIBUTION AND SERVICE PLAN', '(COMPENSATION)'];
  const docs = [
    stored(
      'service-1.txt',
      exhibit({
        number: 1,
        title: SERVICE,
        clauseName: 'Service Plan',
        asOf: 'May 1, 2023',
        rows: [{ portfolio: 'Invesco Core Plus Bond Fund', classes: [A] }],
      }),
    ),
    stored(
      'service-2.txt',
      exhibit({
        number: 2,
        title: SERVICE,
        clauseName: 'Service Plan',
        asOf: 'June 1, 2024',
        rows: [{ portfolio: 'Invesco Discovery Fund', classes: [A] }],
      }),
    ),
    stored(
      'ds-1.txt',
      exhibit({
        number: 1,
        title: DS,
        clauseName: 'Distribution and Service Plan',
        asOf: 'May 1, 2023',
        rows: [{ portfolio: 'Invesco American Franchise Fund', classes: [A] }],
      }),
    ),
    stored(
      'ds-2.txt',
      exhibit({
        number: 2,
        title: DS,
        clauseName: 'Distribution and Service Plan',
        asOf: 'July 1, 2024',
        rows: [{ portfolio: 'Invesco Diversified Dividend Fund', classes: [A] }],
      }),
    ),
  ];

  it('each amendment replaces its own plan’s Schedule A, in every import order (24)', () => {
    for (const order of permutations(docs)) {
      // service-1 and ds-1: one entry each
      expect(listed(order, '2023-06-01')).toEqual([
        'Invesco American Franchise Fund|A|0.25',
        'Invesco Core Plus Bond Fund|A|0.25',
      ]);
      // service-2 (2024-06-01) replaces Core Plus Bond by Discovery; ds-1 stays
      expect(listed(order, '2024-06-15')).toEqual([
        'Invesco American Franchise Fund|A|0.25',
        'Invesco Discovery Fund|A|0.25',
      ]);
      // ds-2 (2024-07-01) replaces American Franchise by Diversified Dividend; service-2 stays
      expect(listed(order, '2024-07-15')).toEqual([
        'Invesco Discovery Fund|A|0.25',
        'Invesco Diversified Dividend Fund|A|0.25',
      ]);
    }
  });
});

describe('a plan whose title names no classes, its schedule listing fewer classes after an amendment', () => {
  // comp-1 lists Classes A, C, R and Investor; comp-4 removes the one Investor fund, so its
  // schedule lists A, C and R only: its instrument's classes (read from the schedule) differ
  const fewer = stored(
    'comp-4-fewer-classes.txt',
    exhibit({
      number: 4,
      title: COMP,
      clauseName: COMP_NAME,
      asOf: 'March 3, 2025',
      rows: [{ portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R] }],
    }),
  );
  const comp1 = stored('comp-1.txt', FILES['comp-1.txt']!);

  it('its Schedule A replaces the one before: Income Advantage U.S. Fund’s Investor class is no longer covered', () => {
    expect(fewer.doc.instrument.classes).toEqual(['A', 'C', 'R']);
    for (const order of permutations([comp1, fewer])) {
      const registry = buildRegistry(order);
      // comp-4 (2025-03-03) lists Core Plus Bond's A, C, R only
      expect(listed(order, '2025-03-03')).toEqual([
        'Invesco Core Plus Bond Fund|A|0.25',
        'Invesco Core Plus Bond Fund|C|1.00',
        'Invesco Core Plus Bond Fund|R|0.50',
      ]);
      expect(registry.instruments).toHaveLength(1);
    }
  });
});

describe('an undated amendment of the First Restated plan beside the Second Restated plan', () => {
  // real-exhibits-6: 04 "Amendment No. 1 to the First Restated Distribution Plan" (Class P, 2005)
  // names no date for its plan; 01 amends the Second Restated Distribution Plan dated 2006-12-08.
  // The one dated plan of kind, registrant and classes is not 04's: its title names another.
  const dir = 'test/edgar/fixtures/real-exhibits-6';
  const fromFile = (f: string) => stored(f, readFileSync(join(dir, f), 'utf8'));
  const first = fromFile('04_aim-summit-fund-classP-plan-amend1-2005.txt');
  const second = fromFile('htm_rendered/01_invesco-equity-classP-plan-amend2-2010.txt');

  it('stays its own instrument, whatever the order', () => {
    expect(first.doc.instrument.datedAsOf).toBeNull();
    expect(second.doc.instrument.datedAsOf).toBe('2006-12-08');
    for (const order of [
      [first, second],
      [second, first],
    ])
      expect(
        buildRegistry(order)
          .instruments.map((i) => i.key)
          .sort(),
      ).toEqual(['plan||p|', 'plan||p|2006-12-08']);
  });
});
