import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { buildInstruments } from '../../src/registry/scheduleVersions.js';

/**
 * An amendment of a plan "of the Funds listed on Schedule A" (many trusts), as EDGAR's HTML
 * renders it (one cell per line after "|"), whose new Schedule A happens to list one trust's funds.
 */
function amendment(no: number, effective: string, trust: string, funds: readonly string[]): string {
  return [
    `AMENDMENT NO. ${no}`,
    'TO',
    'AMENDED AND RESTATED SERVICE PLAN (REIMBURSEMENT) (the “Plan”)',
    'CLASS A SHARES',
    'Of the Funds listed on Schedule A (each, a “Fund” and collectively, the “Funds”)',
    `The Amended and Restated Service Plan (the “Plan”), dated as of March 3, 2018, as subsequently amended, pursuant to Rule 12b-1, is hereby amended, dated ${effective}, as follows:`,
    'NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:',
    '“SCHEDULE A',
    'SERVICE PLAN (REIMBURSEMENT)',
    trust,
    '|Portfolio',
    '|Share Class',
    '|',
    'Maximum Asset',
    'Based Sales',
    'Charge',
    '|',
    'Maximum',
    'Shareholder',
    'Services Fee',
    '|',
    'Maximum',
    'Aggregate Fee',
    ...funds.flatMap((f, i) => [
      '|',
      f,
      '|Class A',
      '|NONE',
      '|0.25',
      '|%',
      '|0.25',
      `|%${i === funds.length - 1 ? '”' : ''}`,
    ]),
    '',
  ].join('\n');
}

describe("an amendment's one group heading is not its plan's Registrant", () => {
  it('the schedule keeps the trust as its entries’ Registrant; the instrument has none; each trust’s amendment is of its own plan', () => {
    const first = parseExhibit(
      amendment(1, 'June 1, 2021', 'ALDER INVESTMENT FUNDS', ['Alder Growth Fund', 'Alder Income Fund']),
      'no1.htm.txt',
    );
    const second = parseExhibit(
      amendment(2, 'March 1, 2022', 'BIRCH SECTOR FUNDS', ['Birch Energy Fund']),
      'no2.htm.txt',
    );
    expect(first.schedules[0]!.entries.map((e) => [e.registrant, e.portfolio])).toEqual([
      ['ALDER INVESTMENT FUNDS', 'Alder Growth Fund'],
      ['ALDER INVESTMENT FUNDS', 'Alder Income Fund'],
    ]);
    expect([first.instrument.registrant, second.instrument.registrant]).toEqual([null, null]);
    const set = buildInstruments([
      { id: 'a', fileName: 'no1.htm.txt', doc: importableDocument(first, 'no1.htm.txt') },
      { id: 'b', fileName: 'no2.htm.txt', doc: importableDocument(second, 'no2.htm.txt') },
    ]);
    // Two trusts' one-trust schedules under one untitled plan name are each trust's own plan (as
    // Invesco's 2019 plans, one per trust: corpus 26/29/32, test/registry/one-trusts-plan-…): No.
    // 2's Schedule A (Birch) does not end the Alder funds.
    expect(set.instruments).toHaveLength(2);
    const versions = set.instruments
      .flatMap((i) => i.schedules.get('schedule a') ?? [])
      .map((v) => [v.effectiveDate, v.lastDay, v.entries.map((e) => e.portfolio)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(versions).toEqual([
      ['2021-06-01', null, ['Alder Growth Fund', 'Alder Income Fund']],
      ['2022-03-01', null, ['Birch Energy Fund']],
    ]);
  });
});
