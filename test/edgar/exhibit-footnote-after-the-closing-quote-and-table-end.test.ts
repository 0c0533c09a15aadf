import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An AIM Class K amendment whose quoted Schedule A closes on its last row ('0.45%"') and its
// </TABLE>, the "(1)" footnote its heading marks ("CHARGE(1)") printed below both
const amendment = (footnotes: string, mark = '(1)') => `<PAGE>
                                AMENDMENT NO. 4
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                (CLASS K SHARES)

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective July
1, 2005, as follows:

      Schedule A to the Plan is hereby deleted in its entirety and replaced
with the following:

                                  "SCHEDULE A
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

<TABLE>
<CAPTION>
                                            MINIMUM
                                          ASSET-BASED     MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
AIM EQUITY FUNDS                           CHARGE${mark}        FEE           FEE
----------------                          -----------    --------     ---------
<S>                                       <C>            <C>          <C>
AIM Charter Fund                             0.20%         0.25%         0.45%
AIM Constellation Fund                       0.20%         0.25%         0.45%"
</TABLE>

${footnotes}

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  July 1, 2005
`;

describe('a footnote printed after the schedule’s closing quote mark and </TABLE>', () => {
  it('the "(1)" footnote the heading marks is the schedule’s footnote, its wrapped lines joined', () => {
    const doc = parseExhibit(
      amendment(`(1)  The Distribution Fee is payable apart from the sales charge, if any,
     as stated in the current prospectus.`),
      'k-amendment.txt',
    );
    expect(doc.schedules[0]!.entries).toHaveLength(2);
    expect(doc.footnotes).toEqual([
      'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus.',
    ]);
    // the footnote is no part of the body: the amendment's dates are the closing clause's
    expect(doc.effectiveDate).toBe('2005-07-01');
    expect(doc.warnings).toEqual([]);
  });

  it('two footnotes under a rule, each the schedule’s', () => {
    const doc = parseExhibit(
      amendment(
        `----------
(1)  The Distribution Fee is payable apart from the sales charge.
(2)  Class K Shares are offered to retirement plans only.`,
        '(1)(2)',
      ),
      'two-footnotes.txt',
    );
    expect(doc.footnotes).toEqual([
      'The Distribution Fee is payable apart from the sales charge.',
      'Class K Shares are offered to retirement plans only.',
    ]);
  });

  it('a numbered clause after the schedule that no mark of the schedule names is no footnote', () => {
    const doc = parseExhibit(
      amendment('(1)  This Amendment may be executed in counterparts.', ''),
      'clause.txt',
    );
    expect(doc.footnotes).toEqual([]);
  });
});
