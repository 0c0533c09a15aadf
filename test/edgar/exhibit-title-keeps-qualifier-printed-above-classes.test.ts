import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1 `title`: the title as the document prints it. Invesco prints its compensation plan's
 * qualifier above the classes ("DISTRIBUTION AND SERVICE PLAN / (COMPENSATION) / (CLASS C SHARES,
 * CLASS R SHARES)"); the title keeps that order, and the qualifier is no part of the plan's name.
 * A qualifier printed under the classes ("(CLASS B SHARES) / (SECURITIZATION FEATURE)") stays last.
 */
const amendment = (
  titleLines: string,
) => `                                                                 EXHIBIT h(2)

                               AMENDMENT NO. 1
                       TO DISTRIBUTION AND SERVICE PLAN
${titleLines}

      The Distribution and Service Plan (the "Plan"), dated as of May 24,
2019, pursuant to Rule 12b-1, is hereby amended, effective February 28, 2020,
as follows:

      NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety
and replaced with the following:

                                 "SCHEDULE A
                                      TO
                       THE DISTRIBUTION AND SERVICE PLAN

      PORTFOLIOS - CLASS C SHARES

      Example High Yield Fund
      Example Intermediate Bond Fund"

      All other terms and provisions of the Plan not amended herein shall
remain in full force and effect.
`;

describe('an amendment title with a qualifier and a class list', () => {
  it('keeps "(Compensation)" before the classes where it is printed above them', () => {
    const doc = parseExhibit(
      amendment(
        '                                (COMPENSATION)\n                       (CLASS C SHARES, CLASS R SHARES)',
      ),
      'qualifier-first.txt',
    );
    // expected by hand: the printed order, the plan named without its qualifier
    expect(doc.title).toBe(
      'Amendment No. 1 to Distribution and Service Plan (Compensation) (Class C Shares, Class R Shares)',
    );
    expect(doc.instrument.title).toBe('Distribution and Service Plan');
    expect(doc.instrument.classes).toEqual(['C', 'R']);
  });

  it('keeps the qualifier last where it is printed under the classes', () => {
    const doc = parseExhibit(
      amendment(
        '                       (CLASS C SHARES, CLASS R SHARES)\n                                (COMPENSATION)',
      ),
      'qualifier-last.txt',
    );
    expect(doc.title).toBe(
      'Amendment No. 1 to Distribution and Service Plan (Class C Shares, Class R Shares) (Compensation)',
    );
    expect(doc.instrument.title).toBe('Distribution and Service Plan');
  });
});
