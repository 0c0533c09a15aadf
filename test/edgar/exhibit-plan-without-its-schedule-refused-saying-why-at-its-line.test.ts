import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// SPEC §2.1: a document read only in part — a schedule its body names that it does not contain, a
// plan cut before its schedule — is refused with a clear reason naming the line. Shapes as
// Hartford, Dreyfus, American Century and Nuveen file them (real-exhibits-7); names are our own.
const refusal = (text: string) => {
  try {
    parseExhibit(text, 'm.htm.txt');
  } catch (e) {
    return (e as Error).message;
  }
  return 'read';
};

describe('a plan without its schedule is refused saying why, at the line that shows it', () => {
  it('its funds listed in its body after "… are as follows:": refused at the list’s first line', () => {
    const text = `THE LAKEVIEW MUTUAL FUNDS, INC.
DISTRIBUTION PLAN
CLASS A, B AND C SHARES
AUGUST 2, 2006, AS LAST AMENDED AND RESTATED ON AUGUST 3, 2021
ARTICLE I. THE PLAN
This Amended and Restated Distribution Plan (the “Plan”) sets forth the terms and conditions on which The Lakeview Mutual Funds, Inc. will pay certain amounts to the Distributor. The Fund and each Class of those Funds that currently have adopted this Plan, and the effective dates of such adoption, are as follows:
SERIES    CLASS    EFFECTIVE DATE
Lakeview Balanced Income Fund
   A    May 10, 2006
Lakeview Balanced Income Fund
   B    May 10, 2006
`;
    expect(refusal(text)).toMatch(
      /^m\.htm\.txt:7: its funds and classes are listed in its body from here \(after "….*are as follows:"\), under no SCHEDULE, APPENDIX or EXHIBIT heading/,
    );
  });

  it('an amendment replacing "the list of Funds" with a table under no heading: refused at the table', () => {
    const text = `AMENDMENT TO THE
AMENDED AND RESTATED DISTRIBUTION PLAN
This Amendment to the Amended and Restated Distribution Plan of The Lakeview Mutual Funds, Inc. is effective as of June 7, 2022.
1. The list of Funds described in and are the subject of the Plan is hereby deleted in its entirety and replaced with the following:
|SERIES
|CLASS
|EFFECTIVE DATE
|Lakeview Balanced Income Fund
|A
|May 10, 2006
`;
    expect(refusal(text)).toMatch(/^m\.htm\.txt:5: its funds and classes are listed in its body from here/);
  });

  it('a schedule the body names that the document does not hold, cut in mid-sentence: refused where it is named', () => {
    const text = `Exhibit (m)(2)
AMENDED AND RESTATED
LAKEVIEW FUNDS, INC.
DISTRIBUTION PLAN FOR CLASSES B AND C
1. Lakeview Funds, Inc. (the “Fund”) has adopted this Distribution Plan (the “Plan”) pursuant to Rule 12b-1.
The Plan pertains to each series of the Fund, and each class of shares of each series, set forth on Exhibit A hereto, as such Exhibit may be revised from time to time.
2. The Fund shall pay to the Distributor a fee for distribution services in respect of each Class at the applicable annual rate set forth on Exhibit A. Such services may include payments by the
`;
    expect(refusal(text)).toBe(
      'm.htm.txt:6: the body names Exhibit A ("…of shares of each series, set forth on Exhibit A hereto, as such Exhibit may be revised…") but the document does not contain it; the text ends in mid-sentence at line 7, cut before it: read only in part, nothing is recorded; import the complete document, its Exhibit A included',
    );
  });

  it('titled in mixed case under its Registrant in capitals, cut in its first section: refused as a plan cut, not as no plan', () => {
    const text = `(M)(7)
LAKEVIEW TRUST
On behalf of each of its series that has designated a class of its shares as the “Resource
Shares” thereof.
Resource Shares Plan of Distribution
Pursuant to Rule 12b-1
February 11, 2010
WHEREAS, Lakeview Trust (the “Trust”) engages in business as an open-end management
investment company and is registered as such under the Investment Company Act of 1940, as amended;
NOW, THEREFORE, the Trust, on behalf of each Fund, hereby adopts this Plan on the following terms and conditions:
1. (a) The Trust, on behalf of each Fund, is authorized to compensate the Distributor for
distribution services performed. The amount of such compensation paid during any one year shall not exceed
0.15% of the average daily net
`;
    expect(refusal(text)).toBe(
      'm.htm.txt:13: no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading): the text ends in mid-sentence here, cut before any schedule; import the complete document',
    );
  });

  it('cut in its recitals before it names any schedule: refused at the last line, saying it is cut', () => {
    const text = `LAKEVIEW INVESTMENT TRUST
LAKEVIEW MUNICIPAL TRUST
Amended and Restated Plan of Distribution and Service
Pursuant to Rule 12b-1
Effective January 26, 2017
WHEREAS, each Company engages in business as an open-end management investment company and is registered under the Investment Company Act of 1940, as amended (the “Act”);
WHEREAS, each Company, on behalf of its Funds, desires to adopt an amended and restated Plan of Distributio
`;
    expect(refusal(text)).toBe(
      'm.htm.txt:7: no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading): the text ends in mid-sentence here, cut before any schedule; import the complete document',
    );
  });
});
