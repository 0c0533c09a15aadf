import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { titleCase } from '../../src/edgar/titleCase.js';
import { roundTripFields } from './roundTripFields.js';

/**
 * SPEC §2.1 parse(render(x)) = x, and one title for one title block whatever the layout: a draft's
 * "AMENDMENT NO. [2]" is titled "Amendment No. 2" in a table of cells as in text (the brackets are
 * the warning's), "AMENDMENT NO. [ ]" "Amendment"; and "(CLASS B AND BX SHARES)" keeps the class
 * code BX after the parenthesis as "CLASS B AND BX SHARES" does. Found on Invesco's Amendment No.
 * [2] to the Second Amended and Restated Distribution Plan (Class B and BX Shares), 2016, whose
 * rendering did not read back: "No. [2]" and "(Class B and Bx Shares)" came back different.
 */

const fixtures = join(
  dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'real-exhibits-12',
  'htm_rendered',
);
const parse = (file: string) => parseExhibit(readFileSync(join(fixtures, file), 'utf8'), file);
const BX_DRAFT = '09_invesco-second-AR-distribution-plan-classB-BX-amend-bracketed-2-2016.txt';

const textTitleBlock = (numberLine: string) =>
  [
    numberLine,
    'TO THE',
    'SECOND AMENDED AND RESTATED DISTRIBUTION PLAN',
    '(CLASS B AND BX SHARES)',
    '',
    'The Second Amended and Restated Master Distribution Plan (the "Plan"), dated as of July 1, 2015, as',
    'subsequently amended, pursuant to Rule 12b-1, is hereby amended, dated June 28, 2016, as follows:',
    '',
    'NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:',
    '',
    '"SCHEDULE A',
    '',
    'AIM COUNSELOR SERIES TRUST',
    '',
    'PORTFOLIO - CLASS B SHARES              MAXIMUM DISTRIBUTION FEE   MAXIMUM SERVICE FEE   MAXIMUM AGGREGATE FEE',
    'Invesco American Franchise Fund                  0.75%                     0.25%                1.00%"',
    '',
    'All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.',
  ].join('\n');

describe('a draft amendment number and a parenthesised class list, titled alike in both layouts', () => {
  it('the table-of-cells draft is titled by the number read, the brackets said in a warning', () => {
    const got = parse(BX_DRAFT);
    expect(got.title).toBe(
      'Amendment No. 2 to the Second Amended and Restated Distribution Plan (Class B and BX Shares)',
    );
    expect(got.amendmentNumber).toBe(2);
    expect(got.warnings).toContain(
      'the amendment number is printed in brackets ("[2]"): the document is a draft; read as No. 2',
    );
  });

  it('the same title block in text, its classes in parentheses, reads the same title', () => {
    const got = parseExhibit(textTitleBlock('AMENDMENT NO. [2]'), 'draft.txt');
    expect(got.title).toBe(parse(BX_DRAFT).title);
    expect(got.amendmentNumber).toBe(2);
  });

  it('a number left blank is titled "Amendment", as in text', () => {
    const got = parse('15_invesco-first-restated-MDA-classB-B5-amend-bracketed-draft-2010.txt');
    expect(got.title).toBe(
      'Amendment to First Restated Master Distribution Agreement (Class B and Class B5 Shares)',
    );
    expect(got.amendmentNumber).toBeNull();
  });

  it('a class code after "(CLASS" keeps its capitals, as after "CLASS"', () => {
    expect(titleCase('(CLASS B AND BX SHARES)')).toBe('(Class B and BX Shares)');
    expect(titleCase('CLASS B AND BX SHARES')).toBe('Class B and BX Shares');
    // a word of a title, not a code, is still title-cased after the parenthesis
    expect(titleCase('(CLASS A SHARES AND CLASS C SHARES)')).toBe('(Class A Shares and Class C Shares)');
  });

  it('its rendering reads back whole', () => {
    const x = parse(BX_DRAFT);
    const back = parseExhibit(renderExhibit(x), 'rendering.txt');
    expect(roundTripFields(back)).toEqual(roundTripFields(x));
  });
});
