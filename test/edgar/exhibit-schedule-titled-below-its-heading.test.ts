import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// A schedule filed on its own with nothing above its heading (Eaton Vance style, 2002–2011): the
// trust and the plan are named below "SCHEDULE A".
const SCHEDULE_TITLED_BELOW = `Exhibit (m)(6)(b)
SCHEDULE A
NORTHWIND MUNICIPALS TRUST
CLASS C DISTRIBUTION PLAN
Effective: April 2, 2007
|Name of Fund
|Northwind Granite State Municipal Fund
|Northwind Lakeshore Municipal Income Fund
`;

describe('a schedule whose plan is named below its heading', () => {
  const doc = parseExhibit(SCHEDULE_TITLED_BELOW, 'm6b.htm');

  it('is titled after the plan it names, not "Schedule A" alone', () => {
    expect(doc.kind).toBe('schedule');
    expect(doc.title).toBe('Northwind Municipals Trust Class C Distribution Plan — Schedule A');
    expect(doc.instrument.title).toBe('Northwind Municipals Trust Class C Distribution Plan');
    expect(doc.instrument.registrant).toBe('NORTHWIND MUNICIPALS TRUST');
  });

  it("column headings in capitals under the plan's name are not part of the title", () => {
    const withCapitalHeadings = SCHEDULE_TITLED_BELOW.replace(
      '|Name of Fund\n',
      'NAME OF FUND ADOPTING THIS PLAN\n|Name of Fund\n',
    ).replace('Effective: April 2, 2007\n', '');
    const d = parseExhibit(withCapitalHeadings, 'm6b.htm');
    expect(d.title).toBe('Northwind Municipals Trust Class C Distribution Plan — Schedule A');
  });
});
