import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1 "Registrant: the schedule's group heading or, where there is none, the instrument's
// registrant from the title. Names keep the document's spelling and case." HTML filings often
// print the title in title case ("Master Distribution Plan of AIM Series Trust"); the registrant
// is then read as printed there. Expected by hand: registrant "AIM Series Trust" on the
// instrument and on each entry (the schedule has no group heading).
function amendment(titleLine: string): string {
  return `<html><head><title>AIM SERIES TRUST</title></head><body>
<p align="center"><b>Amendment No. 2</b></p>
<p align="center"><b>to the</b></p>
<p align="center"><b>${titleLine}</b></p>
<p align="center"><b>(Class B Shares)</b></p>
<p>The Master Distribution Plan (the &#147;Plan&#148;), dated as of June 1, 1998, is hereby amended, effective as of September 1, 1999, as follows:</p>
<p>Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#147;SCHEDULE A</p>
<table>
<tr><td>PORTFOLIO</td><td>MAXIMUM ASSET BASED SALES CHARGE</td><td>MAXIMUM SERVICE FEE</td><td>MAXIMUM AGGREGATE FEE</td></tr>
<tr><td>AIM Global Trends Fund</td><td>0.75%</td><td>0.25%</td><td>1.00%&#148;</td></tr>
</table>
<p>Dated: September 1, 1999</p>
</body></html>`;
}

describe('a title printed in title case names its registrant as printed', () => {
  it('“Master Distribution Plan of AIM Series Trust” → AIM Series Trust, not the <title>’s capitals', () => {
    for (const [line, registrant] of [
      ['Master Distribution Plan of AIM Series Trust', 'AIM Series Trust'],
      ['MASTER DISTRIBUTION PLAN OF AIM Series Trust', 'AIM Series Trust'],
      ['Master Distribution Plan of The Short-Term Investments Trust', 'The Short-Term Investments Trust'],
      ['Distribution and Service Plan of AIM Growth Series', 'AIM Growth Series'],
    ] as const) {
      const doc = parseExhibit(amendment(line), 'title-case.htm');
      expect(doc.instrument.registrant, line).toBe(registrant);
      expect(
        doc.schedules.flatMap((s) => s.entries.map((e) => e.registrant)),
        line,
      ).toEqual([registrant]);
    }
  });

  it('“of Each Series of the Trust”, “of Class B Shares” and “Plan of Distribution” name no registrant', () => {
    for (const line of [
      'Master Distribution Plan of Each Series of the Trust',
      'Master Distribution Plan of Class B Shares',
      'Plan of Distribution Pursuant to Rule 12b-1',
    ]) {
      const doc = parseExhibit(amendment(line), 'title-case.htm');
      expect(doc.instrument.registrant, line).toBeNull();
    }
  });
});
