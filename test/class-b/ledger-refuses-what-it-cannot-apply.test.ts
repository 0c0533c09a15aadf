import { describe, expect, it } from 'vitest';
import { exchangeSharesConsistent } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { createDistributorTerm, overlappingTerms, rightsHolder } from '../../src/class-b/distributorTerm.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { parseShareUnits, ShareFormatError } from '../../src/class-b/shareUnits.js';
import { buy, convert, exchange, redeem } from './support/activity.js';

function refusalOf(fn: () => unknown): LedgerRefusal | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerRefusal) return e;
    throw e;
  }
  return undefined;
}

describe('what the share ledger refuses, both engines alike', () => {
  const cases = {
    'a redemption of more shares than held': [
      buy('P1', '2005-01-03', 'growth', '10', '10.00'),
      redeem('X1', '2005-02-01', 'growth', '10.0001', '10.00'),
    ],
    'an exchange out of a portfolio not held': [
      buy('P1', '2005-01-03', 'growth', '10', '10.00'),
      exchange('E1', '2005-02-01', ['value', '1', '10.00'], ['growth', '1', '10.00']),
    ],
    'a convert row when nothing converts': [
      buy('P1', '2005-01-03', 'growth', '10', '10.00'),
      convert('C1', '2006-01-31', 'growth', '10'),
    ],
  };
  for (const [name, activity] of Object.entries(cases))
    it(name, () => {
      const fast = refusalOf(() => replayAccount('a', activity, DEFAULT_CLASS_B_TERMS));
      const reference = refusalOf(() => referenceReplayAccount('a', activity, DEFAULT_CLASS_B_TERMS));
      expect(fast).toBeDefined();
      expect([fast?.txnId, fast?.field]).toEqual([reference?.txnId, reference?.field]);
      expect(fast!.message).toMatch(/check/);
    });

  it('shares with more than 4 decimals, and exchange legs whose shares do not follow the prices', () => {
    expect(() => parseShareUnits('1.00001')).toThrow(ShareFormatError);
    const e = exchange('E1', '2005-02-01', ['growth', '3', '10.00'], ['value', '1', '30.00']);
    expect(exchangeSharesConsistent(e)).toBe(true);
    const off = exchange('E2', '2005-02-01', ['growth', '3', '10.00'], ['value', '1.0001', '30.00']);
    expect(exchangeSharesConsistent(off)).toBe(false);
  });

  it('two exclusive distributors at once, and a circle of assignments', () => {
    const a = createDistributorTerm({
      portfolioId: null,
      distributor: 'A',
      start: '2000-01-01',
      end: '2003-12-31',
      rightsAssignedTo: 'B',
    });
    const b = createDistributorTerm({
      portfolioId: null,
      distributor: 'B',
      start: '2003-06-01',
      end: null,
      rightsAssignedTo: null,
    });
    expect(overlappingTerms([a, b])).toEqual([a, b]);
    const c = createDistributorTerm({
      portfolioId: null,
      distributor: 'B',
      start: '2004-01-01',
      end: null,
      rightsAssignedTo: 'A',
    });
    expect(() => rightsHolder([a, c], 'A')).toThrow(/circle/);
  });
});
