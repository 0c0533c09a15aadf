import { describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, convert, ledgerJson, lotsJson, reinvest } from './support/activity.js';

// SPEC §6: conversion to Class A at the end of the month of the 8th anniversary of the DOI; Free
// Shares convert pro rata: free × converting commission / all commission shares.
const activity = [
  buy('P1', '2000-05-10', 'growth', '100', '10.00'), // converts 2008-05-31
  buy('P2', '2001-02-01', 'growth', '300', '10.00'), // converts 2009-02-28
  reinvest('R1', '2001-12-31', 'growth', '40', '10.00'), // cost 400.00
  reinvest('R2', '2002-12-31', 'growth', '20.0003', '12.00'), // cost 240.0036 → 240.00
];

describe('a conversion with pro-rata free shares', () => {
  const ledger = replayAccount(
    'acct-7',
    [...activity, convert('C1', '2008-05-30', 'growth', '115.0001')],
    DEFAULT_CLASS_B_TERMS,
  );

  it('converts P1 and 60.0003 × 100 / 400 = 15.000075 → 15.0001 Free Shares, oldest first', () => {
    expect(ledgerJson(ledger).conversions).toEqual([
      {
        date: '2008-05-31',
        portfolio: 'growth',
        commission: '100.0000',
        free: '15.0001',
        confirmedBy: ['C1'],
        pieces: [
          { lotId: 'R1', kind: 'free', shares: '15.0001', cost: '150.00' }, // 400.00 × 15.0001 / 40 = 150.001
          { lotId: 'P1', kind: 'commission', shares: '100.0000', cost: '1000.00' },
        ],
      },
    ]);
  });

  it('leaves the rest, and converts P2 with the remaining Free Shares in February 2009', () => {
    expect(lotsJson(ledger).map((l) => [l.lotId, l.shares, l.cost])).toEqual([
      ['P2', '300.0000', '3000.00'],
      ['R1', '24.9999', '250.00'],
      ['R2', '20.0003', '240.00'],
    ]);
    const later = replayAccount('acct-7', activity, DEFAULT_CLASS_B_TERMS, { until: '2009-02-28' });
    // 45.0002 × 300 / 300: every Free Share goes with the last Commission Shares
    expect(ledgerJson(later).conversions[1]).toMatchObject({
      date: '2009-02-28',
      commission: '300.0000',
      free: '45.0002',
    });
    expect(later.lots).toEqual([]);
  });

  it('a convert row that does not match what is due is refused, naming the row', () => {
    for (const replay of [replayAccount, referenceReplayAccount]) {
      expect(() =>
        replay(
          'acct-7',
          [...activity, convert('C1', '2008-05-30', 'growth', '115.0000')],
          DEFAULT_CLASS_B_TERMS,
        ),
      ).toThrow(LedgerRefusal);
    }
  });

  it('the reference ledger agrees', () => {
    const all = [...activity, convert('C1', '2008-05-30', 'growth', '115.0001')];
    expect(ledgerJson(referenceReplayAccount('acct-7', all, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(ledger),
    );
  });
});
