import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// The questions at the end of seeds/INDEX.md, asked of the registry built from all five seeds.
describe.skipIf(!seedsAvailable)('registry answers the INDEX questions', () => {
  const registry = seedsAvailable ? buildRegistry(seedDocuments()) : (undefined as never);
  const names = (date: string, cls: string) => registry.scheduleAsOf(date, { class: cls }).entries;

  it('Class B on 2003-09-01: 82 portfolios, AIM Real Estate Fund under AIM ADVISOR FUNDS', () => {
    const entries = names('2003-09-01', 'B');
    expect(entries).toHaveLength(82);
    const re = entries.find((e) => e.portfolio === 'AIM Real Estate Fund')!;
    expect(re.registrant).toBe('AIM ADVISOR FUNDS');
    expect(re.schedule).toBe('Schedule A-1');
    expect(entries.filter((e) => e.schedule === 'Schedule A-2')).toHaveLength(28);
    expect(re.assetBasedSalesChargePct).toBe('0.75');
    expect(re.serviceFeePct).toBe('0.25');
  });

  it('Class B on 2004-01-01: 82 portfolios, AIM Real Estate Fund under AIM INVESTMENT SECURITIES FUNDS (Amendment No. 2)', () => {
    const entries = names('2004-01-01', 'B');
    expect(entries).toHaveLength(82);
    const re = entries.find((e) => e.portfolio === 'AIM Real Estate Fund')!;
    expect(re.registrant).toBe('AIM INVESTMENT SECURITIES FUNDS');
    expect(re.document.amendmentNumber).toBe(2);
    expect(re.inForceSince).toBe('2003-10-29');
    // Schedule A-2 stays in force from the agreement itself.
    const a2 = entries.filter((e) => e.schedule === 'Schedule A-2');
    expect(a2).toHaveLength(28);
    expect(a2.every((e) => e.inForceSince === '2003-08-18')).toBe(true);
  });

  it('Class B on 2005-01-01: the Schedule A-2 portfolios carry their AIM names', () => {
    const entries = names('2005-01-01', 'B');
    expect(entries).toHaveLength(82);
    const a2 = entries.filter((e) => e.schedule === 'Schedule A-2').map((e) => e.portfolio);
    expect(a2).toContain('AIM Energy Fund');
    expect(a2).toContain('AIM Core Stock Fund');
    expect(a2).toContain('AIM Mid Cap Stock Fund');
    expect(a2).not.toContain('INVESCO Energy Fund');
    expect(a2.filter((n) => n.startsWith('AIM '))).toHaveLength(28);
    // INVESCO High Yield Fund becomes a second "AIM High Yield Fund": two portfolios, one name, a warning.
    const highYield = entries.filter((e) => e.portfolio === 'AIM High Yield Fund');
    expect(highYield.map((e) => e.registrant).sort()).toEqual([
      'AIM INVESTMENT SECURITIES FUNDS',
      'INVESCO BOND FUNDS, INC.',
    ]);
    expect(new Set(highYield.map((e) => e.portfolioId)).size).toBe(2);
    expect(registry.identities.resolve('AIM High Yield Fund')).toBe(
      highYield.find((e) => e.schedule === 'Schedule A-1')!.portfolioId,
    );
    expect(registry.identities.resolve('INVESCO High Yield Fund')).toBe(
      highYield.find((e) => e.schedule === 'Schedule A-2')!.portfolioId,
    );
    expect(registry.warnings.some((w) => w.includes('INVESCO High Yield Fund'))).toBe(true);
  });

  it('Class R on 2006-04-01: 44 portfolios; AIM Small Cap Equity Fund governed by Amendment No. 12', () => {
    const entries = names('2006-04-01', 'R');
    expect(entries).toHaveLength(44);
    const fromAmendment12 = entries.filter((e) => e.document.amendmentNumber === 12);
    expect(fromAmendment12).toHaveLength(42);
    const others = entries
      .filter((e) => e.document.amendmentNumber !== 12)
      .map((e) => e.portfolio)
      .sort();
    expect(others).toEqual(['AIM Balanced Fund', 'AIM Value Fund']);
    const smallCap = entries.find((e) => e.portfolio === 'AIM Small Cap Equity Fund')!;
    expect(smallCap.document.amendmentNumber).toBe(12);
    expect(smallCap.inForceSince).toBe('2006-03-31');
  });

  it('Class K: none on 2004-10-14, 10 on 2004-10-15', () => {
    expect(names('2004-10-14', 'K')).toHaveLength(0);
    const k = names('2004-10-15', 'K');
    expect(k).toHaveLength(10);
    expect(
      k.every(
        (e) =>
          e.assetBasedSalesChargePct === '0.20' && e.serviceFeePct === '0.25' && e.aggregateFeePct === '0.45',
      ),
    ).toBe(true);
    expect(k.every((e) => e.assetBasedSalesChargeBound === 'minimum')).toBe(true);
  });

  it('AIM Leisure Fund: one portfolio, renamed on 2004-10-15; B from 2003-08-18, K from 2004-10-15, R from 2006-03-31', () => {
    const h = registry.portfolioHistory('AIM Leisure Fund')!;
    expect(registry.portfolioHistory('invesco  leisure fund')!.portfolioId).toBe(h.portfolioId);
    expect(h.names).toEqual([
      { name: 'INVESCO Leisure Fund', from: null, lastDay: '2004-10-14' },
      { name: 'AIM Leisure Fund', from: '2004-10-15', lastDay: null },
    ]);
    const firstByClass = (cls: string) =>
      h.classes
        .filter((c) => c.class === cls)
        .map((c) => c.from)
        .sort()[0];
    expect(firstByClass('B')).toBe('2003-08-18');
    expect(firstByClass('K')).toBe('2004-10-15');
    expect(firstByClass('R')).toBe('2006-03-31');
    expect(
      registry.scheduleAsOf('2004-10-14', { portfolio: 'AIM Leisure Fund' }).entries.map((e) => e.portfolio),
    ).toEqual(['INVESCO Leisure Fund']);
  });

  it('AIM Real Estate Fund moves between registrants', () => {
    const h = registry.portfolioHistory('AIM Real Estate Fund')!;
    const b = h.registrants.map((r) => [r.registrant, r.from]);
    expect(b[0]).toEqual(['AIM ADVISOR FUNDS', '2003-08-18']);
    expect(b).toContainEqual(['AIM INVESTMENT SECURITIES FUNDS', '2003-10-29']);
  });

  it('explicit renames win over the rule: INVESCO Core Equity Fund → AIM Core Stock Fund', () => {
    const h = registry.portfolioHistory('INVESCO Core Equity Fund')!;
    expect(h.names.map((n) => n.name)).toEqual(['INVESCO Core Equity Fund', 'AIM Core Stock Fund']);
    expect(registry.identities.resolve('AIM Core Equity Fund')).toBeUndefined();
    expect(registry.identities.resolve('AIM Core Stock Fund')).toBe(h.portfolioId);
  });
});
