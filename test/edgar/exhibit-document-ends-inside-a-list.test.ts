import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

const cells = (...lines: string[]) => `${lines.map((l) => `|${l}`).join('\n')}\n`;

// an .htm amendment whose Appendix A (a plain list, one cell per line) the copy cuts mid-name
const cutAppendix = (last: string) =>
  cells(
    'Exhibit m.3.d',
    'AMENDMENT NO. 5 TO',
    'CLASS C SHARES DISTRIBUTION PLAN',
    'THIS AMENDMENT to the Class C Shares Distribution Plan is made effective as of June 14, 2019.',
    '1. Appendix A to the Plan is hereby replaced with Appendix A attached hereto and made a part hereof.',
    'APPENDIX A',
    'Westbrook Balanced Income Fund',
    'Westbrook Emerging Markets Fund',
    last,
  );

describe('a document that ends inside a list', () => {
  it('cut mid-name in a cell list: the fragment is no portfolio and the schedule is read only in part', () => {
    const doc = parseExhibit(cutAppendix('Westbrook Short Duration Bo'), 'cut-appendix.htm.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Westbrook Balanced Income Fund',
      'Westbrook Emerging Markets Fund',
    ]);
    expect(doc.completeness.complete).toBe(false);
    expect(doc.completeness.gaps).toContainEqual(
      expect.objectContaining({
        fact: 'text',
        schedule: 'Appendix A',
        reason: expect.stringMatching(
          /ends inside Appendix A after 2 entries.*"Westbrook Short Duration Bo"/,
        ),
      }),
    );
  });

  it('a list whose last line is a whole name is read as it stands', () => {
    const doc = parseExhibit(cutAppendix('Westbrook Short Duration Bond Fund'), 'whole-appendix.htm.txt');
    expect(doc.schedules[0]!.entries).toHaveLength(3);
    expect(doc.completeness.gaps.filter((g) => g.fact === 'text')).toEqual([]);
  });

  it('a cut Registrant heading after a rate row is no portfolio', () => {
    const doc = parseExhibit(
      cells(
        'AMENDMENT NO. 2',
        'TO',
        'SERVICE PLAN (REIMBURSEMENT)',
        'The Service Plan (Reimbursement) (the “Plan”), dated July 1, 2016, is hereby amended, effective August 3, 2020, as follows:',
        'Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:',
        '“SCHEDULE A',
        'The following rates shall apply to each Fund listed below:',
        'Maximum Asset Based Sales Charge',
        'Maximum Service Fee',
        'Maximum Aggregate Fee',
        'Class A',
        'NONE',
        '0.25%',
        '0.25%',
        'WESTBROOK MUNICIPAL FU',
      ),
      'cut-heading.htm.txt',
    );
    expect(doc.schedules.flatMap((s) => s.entries)).toEqual([]);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/"WESTBROOK MUNICIPAL FU"/),
    );
  });

  it('cut after a name, before its rates: the document ends inside the schedule (not "has no rates")', () => {
    const doc = parseExhibit(
      cells(
        'AMENDMENT NO. 3',
        'TO',
        'AMENDED AND RESTATED MASTER DISTRIBUTION PLAN',
        '(CLASS B SHARES)',
        'The Amended and Restated Master Distribution Plan (the “Plan”), dated as of August 1, 2003, is hereby amended, effective May 1, 2004, as follows:',
        'Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:',
        '“SCHEDULE A',
        'Maximum Asset Based Sales Charge',
        'Maximum Service Fee',
        'Maximum Aggregate Fee',
        'Westbrook Core Equity Fund',
        '0.75%',
        '0.25%',
        '1.00%',
        'Westbrook Sel',
      ),
      'cut-before-rates.htm.txt',
    );
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual(['Westbrook Core Equity Fund']);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(
        /^the document ends inside Schedule A after 1 entry, at "Westbrook Sel" before its rates/,
      ),
    );
  });

  it('a plain-text list cut mid-name: the fragment is dropped and named', () => {
    const text = amendmentWith(`      WESTBROOK GROWTH SERIES

      Westbrook Basic Value Fund
      Westbrook Mid Cap Core Fund
      Westbrook Tech`).slice(0, undefined);
    const cut = text.slice(0, text.indexOf('Westbrook Tech') + 'Westbrook Tech'.length) + '\n';
    const doc = parseExhibit(cut, 'cut-list.txt');
    expect(doc.schedules[0]!.entries.map((e) => e.portfolio)).toEqual([
      'Westbrook Basic Value Fund',
      'Westbrook Mid Cap Core Fund',
    ]);
    expect(doc.completeness.gaps.map((g) => g.reason)).toContainEqual(
      expect.stringMatching(/"Westbrook Tech"/),
    );
  });
});
