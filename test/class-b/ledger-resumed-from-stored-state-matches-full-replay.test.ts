import { describe, expect, it } from 'vitest';
import { addDays, monthEnd, monthOf } from '../../src/calendar/isoDate.js';
import { accountStateAtMonthEnd } from '../../src/class-b/accountStateAtMonthEnd.js';
import {
  type ClassBActivity,
  createConversionNotice,
  createRedemption,
} from '../../src/class-b/classBActivity.js';
import { replayAccount, replayAccountFrom } from '../../src/class-b/classBLedger.js';
import { LedgerRefusal } from '../../src/class-b/ledgerRefusal.js';
import type { AccountLedger } from '../../src/class-b/ledgerResults.js';
import { compareLots } from '../../src/class-b/lot.js';
import type { StoredAccountLedger } from '../../src/class-b/storedAccountLedger.js';
import { GENERATED_TERMS, generateAccountActivity } from './support/generatedActivity.js';
import { fullJson } from './support/monthPassHarness.js';

// Issue 14 item 1, stage 3: the transactions import resumes an account from its ledger stored at a
// month end (AccountBook.resumedFrom) instead of replaying it from its first transaction. On the
// generated histories (seed 1,000 + i, as the other ledger differential tests), cut at month ends
// through each history, the activity after the cut — as generated, and made bad four ways (a
// redemption of more shares than held, a convert row off by 0.0001 share, a systematic withdrawal
// past its 12%, an extra convert row where nothing converts) — must give, resumed from the state
// the bootstrap stores there (accountStateAtMonthEnd), what the full replay gives after the cut:
// the same refusal (transaction, field, reason), or the same redemptions, exchanges, conversions
// and lots.
const ACCOUNTS = 200;
/** Each outcome, at least this often (10 per 100 accounts): the test must exercise what it claims to compare. */
const MIN_SEEN = ACCOUNTS / 10;

type Outcome = { refused: string } | { ledger: string };

function outcome(run: () => AccountLedger, after: string): Outcome {
  try {
    const l = run();
    return {
      ledger: fullJson({
        redemptions: l.redemptions.filter((r) => r.date > after),
        exchanges: l.exchanges.filter((x) => x.date > after),
        conversions: l.conversions.filter((c) => c.date > after),
        lots: [...l.lots].sort(compareLots),
      }),
    };
  } catch (e) {
    if (!(e instanceof LedgerRefusal)) throw e;
    return { refused: `${e.txnId} ${e.field} ${e.reason}` };
  }
}

/** The activity after the cut, as generated and made bad in each way that applies. */
function variants(later: readonly ClassBActivity[]): { name: string; activity: ClassBActivity[] }[] {
  const out = [{ name: 'as generated', activity: [...later] }];
  const replaceFirst = (name: string, pick: (a: ClassBActivity) => ClassBActivity | null) => {
    for (let i = 0; i < later.length; i++) {
      const b = pick(later[i]!);
      if (b === null) continue;
      out.push({ name, activity: [...later.slice(0, i), b, ...later.slice(i + 1)] });
      return;
    }
  };
  replaceFirst('redeems more than held', (a) =>
    a.kind === 'redeem' && a.waiver !== 'systematic_withdrawal'
      ? createRedemption({ ...a, shareUnits: a.shareUnits * 3n + 1n })
      : null,
  );
  replaceFirst('a convert row off by 0.0001 share', (a) =>
    a.kind === 'convert' ? createConversionNotice({ ...a, shareUnits: a.shareUnits + 1n }) : null,
  );
  replaceFirst('a systematic withdrawal past 12%', (a) =>
    a.kind === 'redeem' && a.waiver === 'systematic_withdrawal'
      ? createRedemption({ ...a, shareUnits: a.shareUnits * 7n })
      : null,
  );
  if (later.length > 0) {
    const first = later[0]!;
    out.push({
      name: 'a convert row where nothing converts',
      activity: [
        createConversionNotice({
          txnId: `${first.kind === 'exchange' ? first.exchangeId : first.txnId}-extra-convert`,
          date: first.date,
          portfolioId: first.kind === 'exchange' ? first.out.portfolioId : first.portfolioId,
          shareUnits: 10_000n,
        }),
        ...later,
      ],
    });
  }
  return out;
}

describe('the share ledger resumed from a stored month end', () => {
  it(`gives the full replay's refusals and results after the cut, on ${ACCOUNTS} generated histories`, () => {
    const mismatches: string[] = [];
    const seen = new Map<string, number>();
    const count = (k: string) => seen.set(k, (seen.get(k) ?? 0) + 1);
    for (let i = 0; i < ACCOUNTS; i++) {
      const account = `gen-${String(i).padStart(4, '0')}`;
      const activity = generateAccountActivity(1_000 + i, account);
      if (activity.length < 4) continue;
      // cuts: the month ends before and after the activity at a quarter, half and three quarters
      const cuts = new Set<string>();
      for (const f of [0.25, 0.5, 0.75]) {
        const d = activity[Math.floor(activity.length * f)]!.date;
        cuts.add(addDays(`${monthOf(d)}-01`, -1));
        cuts.add(monthEnd(monthOf(d)));
      }
      for (const cut of cuts) {
        const earlier = activity.filter((a) => a.date <= cut);
        const later = activity.filter((a) => a.date > cut);
        if (earlier.length === 0 || later.length === 0) continue;
        const state = accountStateAtMonthEnd(account, false, earlier, GENERATED_TERMS, cut);
        const stored: StoredAccountLedger = {
          account,
          asOf: cut,
          lots: state.lots,
          lastHeld: state.lastHeld ?? [],
          nextSequence: state.nextSequence,
          nextArrival: state.nextArrival,
          systematicWithdrawals: state.systematicWithdrawals ?? [],
        };
        for (const v of variants(later)) {
          const full = outcome(
            () => replayAccount(account, [...earlier, ...v.activity], GENERATED_TERMS),
            cut,
          );
          const resumed = outcome(() => replayAccountFrom(stored, v.activity, GENERATED_TERMS), cut);
          if (fullJson(full) !== fullJson(resumed))
            mismatches.push(`${account} from ${cut}, ${v.name}: ${fullJson(full)} ≠ ${fullJson(resumed)}`);
          count(`${v.name}: ${'refused' in full ? 'refused' : 'applied'}`);
          if ('ledger' in full && stored.systematicWithdrawals.length > 0) count('resumed with allowances');
          if ('ledger' in full && full.ledger.includes('"kind":"conversion"'))
            count('conversions after the cut');
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    for (const k of [
      'as generated: applied',
      'redeems more than held: refused',
      'a convert row off by 0.0001 share: refused',
      'a convert row where nothing converts: refused',
      'a systematic withdrawal past 12%: refused',
      'resumed with allowances',
      'conversions after the cut',
    ])
      expect(seen.get(k) ?? 0, k).toBeGreaterThanOrEqual(MIN_SEEN);
    console.info(`resumed ledger differential: ${fullJson([...seen])}`);
  });
});
