/**
 * Exhibit texts for layouts of this family of filings that the seeds do not show, written in
 * the seeds' style. Generated here as strings: seeds are never copied into the repository.
 */

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExhibitDocument, ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import { seedFiles } from '../support/seeds.js';

/** An amendment whose Schedule A is `scheduleBody` (the lines after the schedule heading). */
export function amendmentWith(
  scheduleBody: string,
  opts: { classes?: string; heading?: string } = {},
): string {
  const classes = opts.classes ?? '(CLASS B SHARES)';
  const heading = opts.heading ?? '"SCHEDULE A';
  return `<PAGE>
                                AMENDMENT NO. 3
                           TO THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

                                ${classes}

      The Amended and Restated Master Distribution Plan (the "Plan"), dated as
of August 18, 2003, pursuant to Rule 12b-1, is hereby amended, effective July
1, 2005, as follows:

      NOW THEREFORE, ${heading.replace(/^"/, '').replace('SCHEDULE', 'Schedule').replace('APPENDIX', 'Appendix')} to the Plan is hereby deleted in its entirety
and replaced with the following:

                                   ${heading}
                                       TO
                            THE AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN

${scheduleBody}

All other terms and provisions of the Plan not amended herein shall remain in
full force and effect.

Dated:  July 1, 2005
`;
}

/** The seed documents by short key ("000" …), read from the shared seeds directory. */
export function seedTexts(): Map<string, { file: string; text: string }> {
  const out = new Map<string, { file: string; text: string }>();
  for (const path of seedFiles()) {
    const file = basename(path);
    out.set(file.slice(0, 3), { file, text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Portfolio → rates of a document's entries, for compact expectations. */
export function rows(doc: ExhibitDocument | ParsedExhibit): string[] {
  return doc.schedules.flatMap((s) =>
    s.entries.map(
      (e) =>
        `${e.registrant ?? '-'} | ${e.portfolio} | ${e.class} | ${e.assetBasedSalesChargePct} ${e.assetBasedSalesChargeBound} | ${e.serviceFeePct} | ${e.aggregateFeePct}`,
    ),
  );
}

/**
 * A fund's Class A and Class C rows of an Invesco compensation plan's Schedule A as the pages
 * corpus renders them (three rate columns: 0.25/0.25/0.25 and 0.75/0.25/1.00), the closing quote
 * and the closing clause: the rows after the fund's name cell.
 */
export const CLASS_A_AND_C_ROWS = `|Class A
Class C
|
|0.25
0.75
|%
%
|
|0.25
0.25
|%
%
|
|0.25
1.00
|%
%\u201d
All other terms and provisions of the Plan not amended hereby shall remain in full force and effect.
`;
