import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { classCodesIn } from '../../src/edgar/shareClasses.js';

// SPEC §2.1, real-exhibits-15 (Kinetics, LVIP). Invented fixtures in the rendered-HTML style.

// Kinetics-style: every fund named "The … Fund" in mixed case, the class named in the lead-in
const KINETICS_STYLE = `EXHIBIT A
to the
ALDER MUTUAL FUNDS, INC.
DISTRIBUTION PLAN
This Plan is adopted by Alder Mutual Funds, Inc. with respect to the Advisor Class C Shares of the Funds of the Company set forth below.
|
Fund
|
The Harbor Fund
|
The Meadow Fund
The Summit Fund
`;

// LVIP-style: a class with a numeral after "Class", one fee column, the agreement's parties
const LVIP_STYLE = `Schedule A
To the Distribution Services Agreement
Dated June 1, 2010
between
Birchwood Variable Insurance Trust
and Birchwood Distributors
Service Class I Shares
|Fund
|12b-1 Fee
|(Per Annum)
|
Birchwood Bond Fund
|0.35
|%
|
Birchwood Equity Fund
|0.25
|%
`;

describe('funds named "The … Fund" and classes named by a word and a letter or numeral', () => {
  it('reads mixed-case "The … Fund" lines as the funds they are, never a title block', () => {
    // was refused: "Exhibit A lists no portfolios" (each "The … Fund" taken for a title line)
    const doc = parseExhibit(KINETICS_STYLE, 'alder.htm');
    expect(doc.instrument).toMatchObject({
      kind: 'plan',
      title: 'Distribution Plan',
      registrant: 'Alder Mutual Funds, Inc.',
      classes: ['Advisor Class C'],
    });
    expect(doc.schedules[0]!.entries.map((e) => `${e.registrant} | ${e.portfolio} | ${e.class}`)).toEqual([
      'Alder Mutual Funds, Inc. | The Harbor Fund | Advisor Class C',
      'Alder Mutual Funds, Inc. | The Meadow Fund | Advisor Class C',
      'Alder Mutual Funds, Inc. | The Summit Fund | Advisor Class C',
    ]);
  });

  it('reads the rate the lead-in states over the plain list as the instrument’s terms', () => {
    // "… will pay the Distributor … a distribution fee up to 0.25% of average daily net assets": the
    // list's entries carry no rate, the terms carry the plan's (SPEC §2.1); was null
    const withRate = KINETICS_STYLE.replace(
      'set forth below.',
      'set forth below. The Company, on behalf of the Funds and Classes, will pay the Distributor a distribution fee up to 0.25% of average daily net assets for the services set forth in the Plan.',
    );
    const doc = parseExhibit(withRate, 'alder-rate.htm');
    expect(doc.terms).toEqual({ distributionFeePct: '0.25', serviceFeePct: null });
    expect(doc.schedules[0]!.entries.map((e) => [e.portfolio, e.aggregateFeePct])).toEqual([
      ['The Harbor Fund', null],
      ['The Meadow Fund', null],
      ['The Summit Fund', null],
    ]);
    // without such a sentence, no rate
    expect(parseExhibit(KINETICS_STYLE, 'alder.htm').terms).toEqual({
      distributionFeePct: null,
      serviceFeePct: null,
    });
  });

  it('names "Advisor Class A" and "Service Class I" as one class each', () => {
    expect(classCodesIn('Advisor Class A Shares')).toEqual(['Advisor Class A']);
    expect(classCodesIn('ADVISOR CLASS C SHARES')).toEqual(['Advisor Class C']);
    expect(classCodesIn('Service Class I Shares')).toEqual(['Service Class I']);
    expect(classCodesIn('Standard Class II')).toEqual(['Standard Class II']);
    // a named class alone, or in a list, stays as it was
    expect(classCodesIn('Advisor Class Shares')).toEqual(['Advisor']);
    expect(classCodesIn('Advisor Class, Class A and Class C')).toEqual(['Advisor', 'A', 'C']);
    expect(classCodesIn('Investor Class, R and RX Shares')).toEqual(['Investor', 'R', 'RX']);
  });

  it('reads a "Service Class I" schedule under its agreement’s parties: the trust its Registrant, the one column the 12b-1 fee', () => {
    // was refused at "between", standing where a portfolio name should be
    const doc = parseExhibit(LVIP_STYLE, 'birchwood.htm');
    expect(
      doc.schedules[0]!.entries.map((e) => [
        e.registrant,
        e.portfolio,
        e.class,
        e.serviceFeePct,
        e.aggregateFeePct,
      ]),
    ).toEqual([
      ['Birchwood Variable Insurance Trust', 'Birchwood Bond Fund', 'Service Class I', null, '0.35'],
      ['Birchwood Variable Insurance Trust', 'Birchwood Equity Fund', 'Service Class I', null, '0.25'],
    ]);
  });
});
