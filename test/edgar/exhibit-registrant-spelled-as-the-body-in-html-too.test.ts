import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1 and seed 002: a title printed in capitals ("MASTER DISTRIBUTION PLAN OF AIM FUNDS
// GROUP") names the Registrant the body spells "AIM Funds Group"; entries under no group heading
// carry that spelling. The same amendment filed as .txt and as .htm (its title in a bold <p>,
// the EDGAR <title> in capitals) must name one Registrant, spelled one way: "AIM Series Trust".
const BODY = `The Master Distribution Plan of AIM Series Trust (the "Plan"), dated as of June 1, 1998, is hereby amended, effective as of September 1, 1999, as follows:`;

const TXT = `                                AMENDMENT NO. 2
                                     TO THE
                            MASTER DISTRIBUTION PLAN
                                       OF
                                AIM SERIES TRUST
                                (CLASS B SHARES)

${BODY}

Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:

                                  "SCHEDULE A

<TABLE>
<CAPTION>
                                       MAXIMUM ASSET
                                        BASED SALES       MAXIMUM        MAXIMUM
PORTFOLIO                                  CHARGE       SERVICE FEE   AGGREGATE FEE
<S>                                        <C>          <C>           <C>
AIM Global Trends Fund                     0.75%        0.25%         1.00%"
</TABLE>

Dated: September 1, 1999
`;

const HTM = `<html><head><title>AIM SERIES TRUST</title></head><body>
<p align="center"><b>AMENDMENT NO. 2<br>TO THE<br>MASTER DISTRIBUTION PLAN<br>OF<br>AIM SERIES TRUST<br>(CLASS B SHARES)</b></p>
<p>${BODY.replace(/"/g, '&#147;')}</p>
<p>Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:</p>
<p align="center">&#147;SCHEDULE A</p>
<table>
<tr><td>PORTFOLIO</td><td>MAXIMUM ASSET BASED SALES CHARGE</td><td>MAXIMUM SERVICE FEE</td><td>MAXIMUM AGGREGATE FEE</td></tr>
<tr><td>AIM Global Trends Fund</td><td>0.75%</td><td>0.25%</td><td>1.00%&#148;</td></tr>
</table>
<p>Dated: September 1, 1999</p>
</body></html>`;

describe('the title’s Registrant is spelled as the body spells it, in text and in HTML alike', () => {
  it('.txt and .htm of one amendment name “AIM Series Trust” on the instrument and the entry', () => {
    for (const [text, file] of [
      [TXT, 'amend2.txt'],
      [HTM, 'amend2.htm'],
    ] as const) {
      const doc = parseExhibit(text, file);
      expect(doc.instrument.registrant, file).toBe('AIM Series Trust');
      expect(
        doc.schedules.flatMap((s) => s.entries.map((e) => e.registrant)),
        file,
      ).toEqual(['AIM Series Trust']);
      expect(doc.title, file).toBe(
        'Amendment No. 2 to the Master Distribution Plan of AIM Series Trust (Class B Shares)',
      );
    }
  });
});
