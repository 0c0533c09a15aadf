import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { classCodesIn } from '../../src/edgar/shareClasses.js';

// Harding Loevner Funds, Appendix A to its Rule 12b-1 plan, "List of Portfolios and Classes",
// as its .htm renders one cell per line (EDGAR 0001193125-19-060862, d685969dex99m7.htm, 2019):
// the rows as filed; the "Dated:" line after them stands in for the end of the document.
const HARDING_LOEVNER_APPENDIX_A = `Ex.99.(m)(7)
Appendix A - List of Portfolios and Classes
As of March 1, 2019
|
Fund
|
Classes Offered
|Emerging Markets Portfolio
|
Advisor Class
Investor Class
|Frontier Emerging Markets Portfolio
|
Institutional I Class
Institutional II Class
Investor Class
|International Equity Research Portfolio
|Institutional Class
Dated: March 1, 2019
`;

describe('a named class with a numeral, under an appendix heading with a subtitle', () => {
  it('"Institutional I Class" is class "Institutional I" (never a class cell read as no class)', () => {
    expect(classCodesIn('Institutional I Class')).toEqual(['Institutional I']);
    expect(classCodesIn('Institutional II Class')).toEqual(['Institutional II']);
    expect(classCodesIn('Investor Class')).toEqual(['Investor']);
  });

  it('"Appendix A - List of Portfolios and Classes" under "Ex.99.(m)(7)": every fund with each class it offers', () => {
    const doc = parseExhibit(HARDING_LOEVNER_APPENDIX_A, 'd685969dex99m7.htm');
    expect(doc.exhibit).toBe('99.(m)(7)');
    expect(doc.effectiveDate).toBe('2019-03-01');
    expect(doc.schedules.map((s) => s.name)).toEqual(['Appendix A']);
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class])).toEqual([
      ['Emerging Markets Portfolio', 'Advisor'],
      ['Emerging Markets Portfolio', 'Investor'],
      ['Frontier Emerging Markets Portfolio', 'Institutional I'],
      ['Frontier Emerging Markets Portfolio', 'Institutional II'],
      ['Frontier Emerging Markets Portfolio', 'Investor'],
      ['International Equity Research Portfolio', 'Institutional'],
    ]);
  });

  it('a class cell whose class cannot be told is refused at its line, not dropped with its row', () => {
    const odd = HARDING_LOEVNER_APPENDIX_A.replace('Institutional II Class', 'Retail Z9 Class');
    expect(() => parseExhibit(odd, 'odd.htm')).toThrow(
      /odd\.htm:15: .*a class cell names a class the reader cannot tell/,
    );
  });
});
