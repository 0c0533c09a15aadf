import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { proseText } from '../../src/edgar/proseText.js';
import { instrumentTerms } from '../../src/edgar/terms.js';

// A one-fund plan with no schedule states its rate in Section 2: "The Fund may incur, pursuant to
// the terms of this Distribution Plan, expenses at the rates of .30% per annum of the average daily
// net assets of Shares". An amendment that restates that section changes the plan's rate.
const amendment = `                                 AMENDMENT NO. 3
                          TO FIRST AMENDED AND RESTATED
                                DISTRIBUTION PLAN
                                (CLASS P SHARES)


         This Amendment No. 3 to the First Amended and Restated Distribution
Plan (Class P Shares) (the "Distribution Plan") previously adopted by the Board
of Trustees of Saltmarsh Crest Fund (the "Trust"), is effective October 2, 2006.

         1.       Section 2 of the Distribution Plan is amended and restated to
                  read as follows:

                  "The Fund may incur, pursuant to the terms of this
                  Distribution Plan, expenses at the rates of .15% per annum of
                  the average daily net assets of Shares, subject to any
                  applicable limitations imposed from time to time by applicable
                  rules of the National Association of Securities Dealers, Inc."

         2.       The Distribution Plan is hereby confirmed and remains in full
                  force and effect.
`;

const termsOf = (text: string) =>
  instrumentTerms(
    proseText([{ no: 1, text, trimmed: text, indent: 0, opensTable: false, closesTable: false }], () => true),
  );

describe('a plan’s rate stated as the expenses the Fund may incur', () => {
  it('an amendment restating Section 2 is read: its date, its class and the new distribution fee', () => {
    const doc = parseExhibit(amendment, 'section-2.txt');
    expect(doc.kind).toBe('plan-amendment');
    expect(doc.amendmentNumber).toBe(3);
    expect(doc.effectiveDate).toBe('2006-10-02');
    expect(doc.instrument.classes).toEqual(['P']);
    expect(doc.terms).toEqual({ distributionFeePct: '0.15', serviceFeePct: null });
    expect(doc.completeness.complete).toBe(true);
  });

  it('the wording varies ("at a rate of", "0.25%"); an expense with no rate per annum is no term', () => {
    expect(termsOf('The Fund may incur expenses at a rate of 0.25% per annum of its net assets.')).toEqual({
      distributionFeePct: '0.25',
      serviceFeePct: null,
    });
    expect(termsOf('The Fund may incur expenses of up to 0.25% of the offering price.')).toEqual({
      distributionFeePct: null,
      serviceFeePct: null,
    });
  });
});
