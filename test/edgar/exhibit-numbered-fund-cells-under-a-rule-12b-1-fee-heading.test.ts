import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';

// An appendix headed "Maximum / Rule 12b-1 Fee" under the EDGAR exhibit type "EX-99.B(m)", its
// funds numbered, a footnote digit glued to a name, rendered one cell per line, in the style of a
// Wells Fargo Funds Trust distribution plan's Appendix A (names and numbers invented).
const NUMBERED_APPENDIX = `EX-99.B(m)
APPENDIX A
DISTRIBUTION PLAN
WILLOW CREEK FUNDS TRUST
As of June 1, 2006
|
Funds Trust
Funds and Share Classes
|
Maximum
Rule 12b-1 Fee
|
1. Balanced Allocation Fund
|
Class B
|0.75
|
Class C
|0.75
|
2. Target Horizon 2030 Fund1 (formerly, Outlook Horizon 2030 Fund)
|
Class C
|0.75
`;

// The same appendix with each fund's classes and rates stacked in one cell apiece
const STACKED_APPENDIX = `APPENDIX A
DISTRIBUTION PLAN
WILLOW CREEK FUNDS TRUST
As of June 1, 2019
|
Funds Trust
Funds and Share Classes
|
Maximum
Rule 12b-1 Fee
|
Balanced Allocation Fund
Class C
Class R
|
0.75
0.25
|
Core Income Fund
Class C
|
0.75
`;

describe('"Maximum Rule 12b-1 Fee" over numbered fund cells', () => {
  it('reads each fund without its number or footnote digit, the fee as the whole fee', () => {
    const doc = parseExhibit(NUMBERED_APPENDIX, 'numbered.txt');
    expect(doc.title).toBe('Distribution Plan — Appendix A');
    expect(doc.exhibit).toBe('99.B(m)');
    expect(
      doc.schedules[0]!.entries.map((e) => [
        e.registrant,
        e.portfolio,
        e.class,
        e.assetBasedSalesChargePct,
        e.aggregateFeePct,
      ]),
    ).toEqual([
      ['WILLOW CREEK FUNDS TRUST', 'Balanced Allocation Fund', 'B', null, '0.75'],
      ['WILLOW CREEK FUNDS TRUST', 'Balanced Allocation Fund', 'C', null, '0.75'],
      ['WILLOW CREEK FUNDS TRUST', 'Target Horizon 2030 Fund', 'C', null, '0.75'],
    ]);
    expect(doc.renames).toEqual([{ from: 'Outlook Horizon 2030 Fund', to: 'Target Horizon 2030 Fund' }]);
    expect(doc.effectiveDate).toBe('2006-06-01');
    expect(doc.completeness.gaps).toEqual([]);
  });

  it('reads classes and rates stacked in their cells', () => {
    const doc = parseExhibit(STACKED_APPENDIX, 'stacked.txt');
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.class, e.aggregateFeePct])).toEqual([
      ['Balanced Allocation Fund', 'C', '0.75'],
      ['Balanced Allocation Fund', 'R', '0.25'],
      ['Core Income Fund', 'C', '0.75'],
    ]);
    expect(doc.effectiveDate).toBe('2019-06-01');
    expect(doc.completeness.gaps).toEqual([]);
  });
});
