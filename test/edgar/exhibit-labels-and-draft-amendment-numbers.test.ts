import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith } from './exhibitFixtures.js';

const LIST = `CLASS B SHARES

AIM Pine Ridge Fund
AIM Stillwater Fund"`;

const CELL_SCHEDULE = `SCHEDULE A
NORTHWIND EQUITY TRUST
CLASS C SHARES DISTRIBUTION PLAN
|Fund
|Northwind Harbor Growth Fund
|Northwind Ledge Value Fund
Dated: June 1, 2021
`;

describe('exhibit labels as filed', () => {
  it('"EXHIBIT m (2)(d)", a space inside the designation', () => {
    const doc = parseExhibit(
      amendmentWith(LIST).replace('<PAGE>\n', '<PAGE>\n            EXHIBIT m (2)(d)\n\n'),
      'm2d.txt',
    );
    expect(doc.exhibit).toBe('m (2)(d)');
  });

  it('"Exhibit m.3.k" below the EDGAR document header ("EX-99.M.3.K 7 <file>.htm AMENDMENT …")', () => {
    const doc = parseExhibit(
      `EX-99.M.3.K 7 nw2021_exm3k.htm AMENDMENT NO. 2 TO CLASS C SHARES DISTRIBUTION PLAN\n\nExhibit m.3.k\n\n${CELL_SCHEDULE}`,
      'm3k.htm',
    );
    expect(doc.exhibit).toBe('m.3.k');
  });

  it('"Exhibit (m)(5)(c" with its closing parenthesis wrapped to the next line', () => {
    const doc = parseExhibit(`Exhibit (m)(5)(c\n)\n${CELL_SCHEDULE}`, 'm5c.htm');
    expect(doc.exhibit).toBe('(m)(5)(c)');
    expect(doc.title).not.toMatch(/^\)/);
  });
});

describe("a draft's amendment number", () => {
  it('"AMENDMENT NO. [4]": read as 4, with a warning that the number is bracketed', () => {
    const doc = parseExhibit(amendmentWith(LIST).replace('AMENDMENT NO. 3', 'AMENDMENT NO. [4]'), 'm2e.txt');
    expect(doc.amendmentNumber).toBe(4);
    expect(doc.instrument.title).toBe('Amended and Restated Master Distribution Plan');
    expect(doc.title).toBe(
      'Amendment No. 4 to the Amended and Restated Master Distribution Plan (Class B Shares)',
    );
    expect(doc.warnings.some((w) => /amendment number is printed in brackets/.test(w))).toBe(true);
  });

  it('"AMENDMENT NO. [ ]": no number, with a warning that it is blank', () => {
    const doc = parseExhibit(amendmentWith(LIST).replace('AMENDMENT NO. 3', 'AMENDMENT NO. [ ]'), 'm2f.txt');
    expect(doc.amendmentNumber).toBeNull();
    expect(doc.instrument.title).toBe('Amended and Restated Master Distribution Plan');
    expect(doc.warnings.some((w) => /amendment number is left blank/.test(w))).toBe(true);
  });
});
