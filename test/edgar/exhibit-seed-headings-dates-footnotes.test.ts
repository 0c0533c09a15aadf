import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { seedTexts } from './exhibitFixtures.js';

describe.skipIf(!seedsAvailable)('seed exhibits: headings, dates, footnotes, warnings, bounds', () => {
  const seeds = seedTexts();
  const parse = (key: string) => {
    const s = seeds.get(key)!;
    return parseExhibit(s.text, s.file);
  };

  it('000: title, exhibit label, Dated: line, minimum ABSC bound on every table, no warnings', () => {
    const doc = parse('000');
    expect(doc.title).toBe(
      'Amendment No. 12 to the Amended and Restated Master Distribution Plan (Class R Shares)',
    );
    expect(doc.exhibit).toBe('m(4)(m)');
    expect(doc.instrument.title).toBe('Amended and Restated Master Distribution Plan');
    expect(doc.datedDate).toBe('2006-03-31');
    expect(new Set(doc.schedules[0]!.entries.map((e) => e.assetBasedSalesChargeBound))).toEqual(
      new Set(['minimum']),
    );
    expect(new Set(doc.schedules[0]!.entries.map((e) => e.registrant)).size).toBe(9);
    expect(doc.warnings).toEqual([]);
  });

  it('001: the Distribution Fee footnote and a warning naming both the effective and the Dated: date', () => {
    const doc = parse('001');
    expect(doc.footnotes).toEqual([
      'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus for the applicable Portfolio (or Class thereof).',
    ]);
    expect(doc.datedDate).toBe('2003-10-15');
    expect(doc.effectiveDate).toBe('2004-10-15');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toContain('2004-10-15');
    expect(doc.warnings[0]).toContain('2003-10-15');
  });

  it('002: bounds differ per table (minimum for Class A, maximum for C and R); registrant from the title in the body spelling', () => {
    const doc = parse('002');
    const byClass = new Map<string | null, Set<string | null>>();
    for (const e of doc.schedules[0]!.entries) {
      if (!byClass.has(e.class)) byClass.set(e.class, new Set());
      byClass.get(e.class)!.add(e.assetBasedSalesChargeBound);
    }
    expect(Object.fromEntries([...byClass].map(([k, v]) => [k, [...v]]))).toEqual({
      A: ['minimum'],
      C: ['maximum'],
      R: ['maximum'],
    });
    expect(doc.instrument.registrant).toBe('AIM Funds Group');
    expect(doc.schedules[0]!.entries.every((e) => e.registrant === 'AIM Funds Group')).toBe(true);
    expect(doc.title).toBe(
      'Sixth Amended and Restated Master Distribution Plan of AIM Funds Group (Class A Shares, Class C Shares and Class R Shares)',
    );
    expect(doc.exhibit).toBe('m(1)(a)');
    expect(doc.datedDate).toBeNull();
    expect(doc.footnotes).toHaveLength(1);
    expect(doc.footnotes[0]).toMatch(/^The Distribution Fee is payable apart from the sales charge/);
  });

  it('003: Exhibit A allocation formulas after the schedules are not read as portfolios', () => {
    const doc = parse('003');
    const names = doc.schedules.flatMap((s) => s.entries.map((e) => e.portfolio));
    expect(names.some((n) => /A x|where|Omnibus|DEFINITIONS/.test(n))).toBe(false);
    expect(names[names.length - 1]).toBe('INVESCO Value Equity Fund');
    expect(doc.terms).toEqual({ distributionFeePct: '0.75', serviceFeePct: '0.25' });
  });

  it('004: replaces Schedule A-1 only; AIM Real Estate Fund under AIM INVESTMENT SECURITIES FUNDS', () => {
    const doc = parse('004');
    expect(doc.schedules.map((s) => [s.name, s.replacesEntirely])).toEqual([['Schedule A-1', true]]);
    const realEstate = doc.schedules[0]!.entries.find((e) => e.portfolio === 'AIM Real Estate Fund');
    expect(realEstate?.registrant).toBe('AIM INVESTMENT SECURITIES FUNDS');
    expect(doc.datedDate).toBe('2003-10-29');
  });
});
