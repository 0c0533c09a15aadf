import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { statedInstrumentProblem } from '../../src/registry/statedInstrument.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { statedInstrumentMarks, titleMarks } from '../../src/registry/titleMarks.js';
import { A, C, INV, permutations, R, storedTwin, twinExhibit } from './twinPlansFixture.js';

// SPEC §2.1: "Where the reader cannot find a fact …, the user may state it on import …; what the
// user stated is recorded as such" — here the instrument an amendment amends. either.txt
// ("Amendment No. 3 to the Distribution and Service Plan", effective 2025-01-02, Schedule A: Core
// Plus Bond A, C, R, Investor) fits both the Fifth A&R plan (Compensation) and the Fourth A&R plan
// (Reimbursement) of 2022-07-01. Stated, it amends the one named, in every import order (SPEC §2).

const COMP_LISTED = 'Fifth Amended and Restated Distribution and Service Plan (Compensation)';
const REIM_LISTED = 'Fourth Amended and Restated Distribution and Service Plan (Reimbursement)';

const listed = (docs: readonly StoredDocument[], date: string) =>
  buildRegistry(docs)
    .scheduleAsOf(date)
    .entries.map((e) => `${e.portfolio}|${e.class}|${e.aggregateFeePct}|${e.instrument}`)
    .sort();

const plans = ['comp-1.txt', 'comp-2.txt', 'reim-1.txt', 'reim-2.txt'].map((f) => storedTwin(f));

describe('the statement read as marks', () => {
  it('reads a title, the words of a warning, or a bare "Reimbursement"', () => {
    expect(statedInstrumentMarks(REIM_LISTED, 'plan')).toEqual({
      restatement: 'fourth',
      plan: 'distribution and service',
      variant: 'reimbursement',
    });
    expect(
      statedInstrumentMarks('fourth restated distribution and service plan (reimbursement)', 'plan'),
    ).toEqual({ restatement: 'fourth', plan: 'distribution and service', variant: 'reimbursement' });
    // the instrument's key (GET /api/registry/instruments), read by its title's words
    expect(
      statedInstrumentMarks(
        'plan||a+c+investor+r|2022-07-01|fourth restated distribution and service plan (reimbursement)',
        'plan',
      ),
    ).toEqual({ restatement: 'fourth', plan: 'distribution and service', variant: 'reimbursement' });
    expect(statedInstrumentMarks('Reimbursement', 'plan')).toEqual({
      restatement: null,
      plan: null,
      variant: 'reimbursement',
    });
  });

  it('completes what the amendment title leaves out', () => {
    // the title says only "Distribution and Service Plan"
    expect(titleMarks(storedTwin('either.txt').doc)).toEqual({
      restatement: null,
      plan: 'distribution and service',
      variant: null,
    });
    expect(titleMarks(storedTwin('either.txt', { amends: 'Reimbursement' }).doc)).toEqual({
      restatement: null,
      plan: 'distribution and service',
      variant: 'reimbursement',
    });
  });
});

describe('an amendment stated to amend one of two plans of one date', () => {
  // by hand, on 2025-01-02 (either.txt's date):
  // - stated Reimbursement: either.txt's Schedule A replaces reim-2's (American Franchise A, C;
  //   Diversified Dividend Investor, R — no longer covered); comp-2's stays (Core Plus Bond A, C,
  //   R; Discovery C; Income Advantage Investor). Core Plus Bond is in both; either.txt
  //   (2025-01-02) is later than comp-2 (2023-09-01) and governs it, Investor too: 4 + 2 = 6.
  const reimbursement = [
    `Invesco Core Plus Bond Fund|A|0.25|${REIM_LISTED}`,
    `Invesco Core Plus Bond Fund|C|1.00|${REIM_LISTED}`,
    `Invesco Core Plus Bond Fund|Investor|0.25|${REIM_LISTED}`,
    `Invesco Core Plus Bond Fund|R|0.50|${REIM_LISTED}`,
    `Invesco Discovery Fund|C|1.00|${COMP_LISTED}`,
    `Invesco Income Advantage U.S. Fund|Investor|0.25|${COMP_LISTED}`,
  ];
  // - stated Compensation: it replaces comp-2's (Discovery C and Income Advantage Investor end);
  //   reim-2's 4 stay, and Core Plus Bond's 4 are the Compensation plan's: 4 + 4 = 8.
  const compensation = [
    `Invesco American Franchise Fund|A|0.25|${REIM_LISTED}`,
    `Invesco American Franchise Fund|C|1.00|${REIM_LISTED}`,
    `Invesco Core Plus Bond Fund|A|0.25|${COMP_LISTED}`,
    `Invesco Core Plus Bond Fund|C|1.00|${COMP_LISTED}`,
    `Invesco Core Plus Bond Fund|Investor|0.25|${COMP_LISTED}`,
    `Invesco Core Plus Bond Fund|R|0.50|${COMP_LISTED}`,
    `Invesco Diversified Dividend Fund|Investor|0.25|${REIM_LISTED}`,
    `Invesco Diversified Dividend Fund|R|0.50|${REIM_LISTED}`,
  ];

  it('amends the Reimbursement plan, in every import order (120), with no warning', () => {
    const either = storedTwin('either.txt', { amends: REIM_LISTED });
    for (const order of permutations([...plans, either])) {
      expect(listed(order, '2025-01-02')).toEqual(reimbursement);
      expect(buildRegistry(order).warnings).toEqual([]);
    }
  });

  it('amends the Compensation plan when stated so, by a bare "Compensation" too', () => {
    for (const amends of [COMP_LISTED, 'Compensation', 'fifth restated distribution and service plan'])
      for (const order of [
        [...plans, storedTwin('either.txt', { amends })],
        [storedTwin('either.txt', { amends }), ...plans],
      ])
        expect(listed(order, '2025-01-02'), amends).toEqual(compensation);
  });

  it('the registry lists each plan by its name apart, either.txt among the Reimbursement plan documents', () => {
    const registry = buildRegistry([...plans, storedTwin('either.txt', { amends: 'Reimbursement' })]);
    expect(
      registry.instruments
        .map(
          (i) =>
            `${i.name}: ${i.documentIds
              .map((id) => [...plans, storedTwin('either.txt')].find((d) => d.id === id)!.fileName)
              .sort()
              .join(' ')}`,
        )
        .sort(),
    ).toEqual([`${COMP_LISTED}: comp-1.txt comp-2.txt`, `${REIM_LISTED}: either.txt reim-1.txt reim-2.txt`]);
  });

  it('stated while only its own plan was stored, it stays with that plan when the other comes', () => {
    const reim = plans.filter((d) => d.fileName.startsWith('reim-'));
    const either = storedTwin('either.txt', { amends: 'Reimbursement' });
    // alone with the Reimbursement plan, the statement names it and is accepted
    expect(statedInstrumentProblem(either, reim)).toBeNull();
    // the Compensation plan imported afterwards: the same registry as all at once
    expect(
      listed([...reim, either, ...plans.filter((d) => d.fileName.startsWith('comp-'))], '2025-01-02'),
    ).toEqual(reimbursement);
  });
});

describe('an amendment not stated, whose title fits both plans', () => {
  const docs = [...plans, storedTwin('either.txt')];
  const registry = buildRegistry(docs);
  const warning = registry.warnings.find((w) => w.startsWith('either.txt: '))!;

  it('is warned of on every query that reads either plan from its date (2025-01-02), never before', () => {
    expect(warning).toContain(`plan12b exhibit import either.txt --amends "${REIM_LISTED}"`);
    // the schedule on its date: its own entries and both plans' (SPEC §2, as for a conflict)
    expect(registry.scheduleAsOf('2025-01-02').warnings).toEqual([warning]);
    // Discovery Fund C is the Compensation plan's (comp-2): either.txt might replace it
    expect(registry.scheduleAsOf('2025-01-02', { portfolio: 'Invesco Discovery Fund' }).warnings).toEqual([
      warning,
    ]);
    // before 2025-01-02 which plan it amends changes nothing
    expect(registry.scheduleAsOf('2024-12-31').warnings).toEqual([]);
    const discovery = registry.identities.resolve('Invesco Discovery Fund')!;
    expect(registry.conflictsDuring(discovery, 'C', '2025-01-01', '2025-01-31')).toEqual([warning]);
    expect(registry.conflictsDuring(discovery, 'C', '2024-12-01', '2024-12-31')).toEqual([]);
    expect(registry.portfolioHistory('Invesco Discovery Fund')!.warnings).toEqual([warning]);
  });

  it('stated, is warned of nowhere', () => {
    const stated = buildRegistry([...plans, storedTwin('either.txt', { amends: REIM_LISTED })]);
    expect(stated.scheduleAsOf('2025-01-02').warnings).toEqual([]);
    expect(stated.portfolioHistory('Invesco Discovery Fund')!.warnings).toEqual([]);
  });
});

describe('a statement the amendment cannot bear is refused, saying what to do', () => {
  it('names no instrument', () => {
    expect(statedInstrumentProblem(storedTwin('either.txt', { amends: 'the Plan' }), plans)).toBe(
      '"the Plan" names no instrument by what tells instruments of one date apart (a restatement\'s ordinal, Service or Distribution and Service Plan, Compensation or Reimbursement): state the title the warning or `plan12b schedule` lists, e.g. "Fifth Amended and Restated Distribution and Service Plan (Compensation)"',
    );
  });

  it('contradicts the amendment title', () => {
    // "Amendment No. 3 to the Fifth A&R … (Compensation)" cannot amend the Reimbursement plan
    const fifth = {
      ...storedTwin('comp-2.txt'),
      fileName: 'comp-3.txt',
      id: 'c3',
    };
    const stated = { ...fifth, doc: { ...fifth.doc, statedByUser: { amends: REIM_LISTED } } };
    expect(statedInstrumentProblem(stated, plans)).toBe(
      `its own title ("Amendment No. 2 to the Fifth Amended and Restated Distribution and Service Plan (Compensation)") says fifth restated distribution and service plan (compensation), and "${REIM_LISTED}" says fourth restated distribution and service plan (reimbursement): an amendment cannot amend an instrument its title contradicts`,
    );
  });

  it('names an instrument no imported document names', () => {
    expect(
      statedInstrumentProblem(
        storedTwin('either.txt', { amends: 'Sixth Amended and Restated Distribution and Service Plan' }),
        plans,
      ),
    ).toBe(
      'no imported document names "Sixth Amended and Restated Distribution and Service Plan": import that plan (or an amendment whose title names it) first, or in the same command, then state it',
    );
  });

  it('names an instrument of another date', () => {
    // a Compensation plan dated as of 2023-01-01: not the 2022-07-01 plans either.txt amends
    const text = twinExhibit({
      number: 1,
      title: ['SIXTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN', '(COMPENSATION)'],
      clauseName: 'Sixth Amended and Restated Distribution and Service Plan',
      asOf: 'March 1, 2024',
      rows: [{ portfolio: 'Invesco Core Plus Bond Fund', classes: [A, C, R, INV] }],
    }).replace('dated as of July 1, 2022', 'dated as of January 1, 2023');
    const other = { ...storedTwin('comp-1.txt'), id: 'sixth', fileName: 'sixth-1.txt' };
    const sixth = { ...other, doc: { ...other.doc, ...storedFrom(text).doc } };
    expect(sixth.doc.instrument.datedAsOf).toBe('2023-01-01');
    expect(
      statedInstrumentProblem(
        storedTwin('either.txt', { amends: 'Sixth Amended and Restated Distribution and Service Plan' }),
        [...plans, sixth],
      ),
    ).toBe(
      // the classes as the documents list them (Schedule A rows: A, C, R, Investor)
      '"Sixth Amended and Restated Distribution and Service Plan" is sixth-1.txt\'s instrument, a plan for Classes A, C, R, Investor dated 2023-01-01; this amendment amends a plan for Classes A, C, R, Investor dated 2022-07-01: it cannot amend it (only an instrument of its own kind, Registrant, classes and date)',
    );
  });

  it('still fits both plans', () => {
    expect(
      statedInstrumentProblem(storedTwin('either.txt', { amends: 'Distribution and Service Plan' }), plans),
    ).toBe(
      '"Distribution and Service Plan" still fits more than one instrument dated 2022-07-01 (comp-1.txt, comp-2.txt, reim-1.txt, reim-2.txt): name one by its full title as the warning lists it',
    );
  });

  it('is stated of a plan, not an amendment', () => {
    const plan = storedTwin('comp-1.txt');
    const asPlan = {
      ...plan,
      doc: { ...plan.doc, kind: 'plan' as const, statedByUser: { amends: 'Compensation' } },
    };
    expect(statedInstrumentProblem(asPlan, plans)).toBe(
      '"Amendment No. 1 to the Fifth Amended and Restated Distribution and Service Plan (Compensation)" is a plan, not an amendment: --amends states which instrument an amendment amends',
    );
  });
});

function storedFrom(text: string): StoredDocument {
  return { id: 'x', fileName: 'x.txt', doc: importableDocument(parseExhibit(text, 'x.txt'), 'x.txt') };
}
