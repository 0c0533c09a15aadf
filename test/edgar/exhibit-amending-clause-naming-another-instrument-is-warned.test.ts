import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namedInstrumentWarning } from '../../src/edgar/namedInstrument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

/**
 * SPEC §2.1: inconsistencies the document itself contains are kept as they stand and reported in
 * warnings. Two real Invesco amendments are titled for one plan and name another in their amending
 * clause: the title's plan is the instrument read, the clause's other name is warned of, at its line.
 * A clause that only leaves out "Master", a parenthesis or the restatement names the same plan.
 */

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const parse = (file: string) => parseExhibit(readFileSync(join(fixtures, file), 'utf8'), file);
const named = (w: string) => /the amending clause \(line \d+\) names/.test(w);

describe('an amending clause naming another instrument than the title', () => {
  it('the Fourth A&R plan amended by a clause naming the Third: read as the Fourth, the Third warned of at line 6', () => {
    // title lines 2–5: "AMENDMENT NO. 1 / TO THE / FOURTH AMENDED AND RESTATED DISTRIBUTION AND
    // SERVICE PLAN / (REIMBURSEMENT)"; line 6: "The Third Amended and Restated Master Distribution
    // Plan (the "Plan"), dated as of July 1, 2022, … is hereby amended, as of February 10, 2023"
    const got = parse(
      'real-exhibits-12/htm_rendered/13_invesco-fourth-AR-ds-plan-reimbursement-amend1-names-third-AR-2023.txt',
    );
    expect(got.instrument.title).toBe('Fourth Amended and Restated Distribution and Service Plan');
    expect(got.warnings.filter(named)).toEqual([
      'the amending clause (line 6) names "Third Amended and Restated Master Distribution Plan", the title "Fourth Amended and Restated Distribution and Service Plan": read as the title’s',
    ]);
  });

  it('a Service Plan amended by a clause naming "The Distribution and Service Plan": another kind of plan, warned of', () => {
    const got = parse(
      'real-exhibits-12/htm_rendered/03_invesco-tax-exempt-service-plan-classA-amend1-named-distribution-and-service-plan-2020.txt',
    );
    expect(got.instrument.title).toBe('Service Plan');
    expect(got.warnings.filter(named)).toEqual([
      'the amending clause (line 6) names "Distribution and Service Plan", the title "Service Plan": read as the title’s',
    ]);
  });

  it('names the clause may shorten are the same plan: no warning', () => {
    for (const file of [
      // "The Second Amended and Restated Master Distribution Plan" under the title's "… DISTRIBUTION PLAN"
      'real-exhibits-12/htm_rendered/08_invesco-second-AR-distribution-plan-reimbursement-amend4-2020.txt',
      // "The Master Distribution Plan (the "Agreement")" naming the Second Amended and Restated one
      'real-exhibits-10/02_aim-international-funds-inc-second-AR-plan-classB-amend1-1997.txt',
      // "The Fifth Amended and Restated Distribution and Service Plan (the " Plan")", as titled
      'real-exhibits-12/htm_rendered/10_invesco-fifth-AR-ds-plan-comp-amend13-2024.txt',
    ])
      expect(parse(file).warnings.filter(named), file).toEqual([]);
  });

  it('compares restatements and kinds of plan, not the words a clause leaves out', () => {
    const at = () => 3;
    const clause = (name: string) => `${name} (the “Plan”), dated as of July 1, 2015, is hereby amended`;
    expect(
      namedInstrumentWarning(
        'Second Amended and Restated Distribution Plan',
        clause('The Master Distribution Plan'),
        at,
      ),
    ).toBeNull();
    expect(
      namedInstrumentWarning(
        'Distribution and Service Plan',
        clause('The Distribution and Service Plan (Compensation)'),
        at,
      ),
    ).toBeNull();
    expect(
      namedInstrumentWarning(
        'First Restated Master Distribution Plan',
        clause('The Second Restated Master Distribution Plan'),
        at,
      ),
    ).toBe(
      'the amending clause (line 3) names "Second Restated Master Distribution Plan", the title "First Restated Master Distribution Plan": read as the title’s',
    );
    // no clause naming a plan by its defined term: nothing to compare
    expect(
      namedInstrumentWarning('Service Plan', 'This Amendment amends the plan as follows:', at),
    ).toBeNull();
  });
});
