import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { classCodesIn, isClassLabel } from '../../src/edgar/shareClasses.js';

// An appendix whose class cells include "Class 1" (a class named by a digit), rendered one cell per
// line, in the style of a Legg Mason shareholder services plan's Appendix A (names and numbers invented).
const CLASS_ONE_APPENDIX = `APPENDIX A
SHAREHOLDER SERVICES AND DISTRIBUTION PLAN
AMENDED AND RESTATED MARCH 3, 2016
|
Name of Fund
|
Name of Class
|
Aggregate
|Heron Bay Dividend Fund
|Class A
|0.25
|Class C
|1.00
|Class 1
|None
|Class IS
|None
|Heron Bay Mid Cap Fund
|Class A
|0.25
|Class 1
|None
`;

describe('"Class 1": a class named by a digit', () => {
  const doc = parseExhibit(CLASS_ONE_APPENDIX, 'class-one.txt');

  it('is a class row of the fund above it, never a fund of its own', () => {
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Heron Bay Dividend Fund', 'A', '0.25'],
      ['Heron Bay Dividend Fund', 'C', '1.00'],
      ['Heron Bay Dividend Fund', '1', '0.00'],
      ['Heron Bay Dividend Fund', 'IS', '0.00'],
      ['Heron Bay Mid Cap Fund', 'A', '0.25'],
      ['Heron Bay Mid Cap Fund', '1', '0.00'],
    ]);
    expect(doc.completeness.gaps).toEqual([]);
    expect(doc.effectiveDate).toBe('2016-03-03');
  });

  it('is read after the word CLASS only', () => {
    expect(classCodesIn('Class 1 Shares')).toEqual(['1']);
    expect(classCodesIn('CLASSES A AND 2')).toEqual(['A', '2']);
    expect(classCodesIn('Rule 12b-1 Plan 1')).toEqual([]);
    expect(isClassLabel('Class 1')).toBe(true);
    expect(isClassLabel('Heron Bay Fund 1')).toBe(false);
  });
});
