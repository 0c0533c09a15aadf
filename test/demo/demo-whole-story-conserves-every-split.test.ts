import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { loadCloseResult } from '../../src/close/monthClose.js';
import { type DemoSummary, runDemo } from '../../src/demo/runDemo.js';
import { parseCents } from '../../src/money/cents.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrations.js';
import { runCliInProcess } from '../support/cli.js';

const c = parseCents;
const sum = (xs: string[]) => xs.reduce((s, x) => s + c(x), 0n);

// The demo: a synthetic complex, a change of distributor, two Assignees, every month of 2025 closed.
describe('plan12b demo: the whole story', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-demo-'));
  const target = join(dir, 'db');
  let db: Database;
  let summary: DemoSummary;
  beforeAll(async () => {
    db = await openDatabase(target);
    await migrate(db);
    summary = await runDemo(db, join(dir, 'out'), () => {});
  }, 300_000);
  afterAll(async () => {
    await db.close();
  });

  it('closes every month of 2025, in order, with a verified audit trail', async () => {
    expect(summary.closed.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
    expect(verifyAuditChain(await loadAuditLog(db)).ok).toBe(true);
    expect(existsSync(summary.pdf)).toBe(true);
    expect(readFileSync(summary.pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('every sealed Monthly Calculation conserves: fees, 12b-1 Share and Earned CDSC split to the cent', async () => {
    let sharedMonths = 0;
    for (const { month } of summary.closed) {
      const mc = (await loadCloseResult(db, month, 'monthly-calculation')) as MonthlyCalculationReport;
      expect(mc.portfolios.length).toBeGreaterThan(0);
      for (const p of mc.portfolios) {
        expect(c(p.distributor12b1Share) + sum(p.otherDistributors.map((o) => o.twelveB1Share))).toBe(
          c(p.distributionFee),
        );
        expect(c(p.distributor12b1Portion) + sum(p.assignees.map((a) => a.twelveB1Portion))).toBe(
          c(p.distributor12b1Share),
        );
        expect(c(p.distributorEarnedCdscPortion) + sum(p.assignees.map((a) => a.cdscPortion))).toBe(
          c(p.earnedCdsc),
        );
        if (p.computations.some((g) => g.parties[0]!.sharePct !== '100.0000')) sharedMonths++;
      }
      expect(c(mc.totals.distributionFee)).toBe(sum(mc.portfolios.map((p) => p.distributionFee)));
    }
    // One portfolio changed distributor in 2023: its share is below 100% every month; another on
    // 2025-06-13: from June on.
    expect(sharedMonths).toBe(12 + 7);
  });

  it('each sealed journal pays each Monthly Calculation payee its total on the due date (SPEC §12)', async () => {
    for (const { month } of summary.closed) {
      const mc = (await loadCloseResult(db, month, 'monthly-calculation')) as MonthlyCalculationReport;
      const journal = (await loadCloseResult(db, month, 'journal')) as {
        lines: {
          date: string;
          account: string;
          portfolio: string;
          class: string;
          debit: string;
          credit: string;
        }[];
      };
      for (const p of mc.portfolios)
        for (const payee of p.payees) {
          const mine = journal.lines.filter(
            (l) =>
              l.class === 'B' &&
              l.portfolio === p.portfolio &&
              l.account.startsWith(`Payable to ${payee.payee} —`),
          );
          expect(sum(mine.filter((l) => l.date === payee.dueDate).map((l) => l.debit))).toBe(c(payee.total));
          expect(sum(mine.map((l) => l.credit))).toBe(c(payee.total));
        }
      expect(
        journal.lines.some((l) => l.class === 'B' && l.account.startsWith('Payable to Distributor —')),
      ).toBe(mc.portfolios.some((p) => p.serviceFee !== '0.00'));
    }
  });

  it('the term ending on June 13 shows both computations in June, each reproducing its dollars (SPEC §7)', async () => {
    const june = (await loadCloseResult(db, '2025-06', 'monthly-calculation')) as MonthlyCalculationReport;
    const split = june.portfolios.filter((p) => p.computations.length === 2);
    expect(split).toHaveLength(1);
    const [before, after] = split[0]!.computations;
    expect(before).toMatchObject({ computedOn: null, from: '2025-06-01', to: '2025-06-13', days: 13 });
    expect(before!.parties.map((p) => p.sharePct)).toEqual(['100.0000']);
    expect(after).toMatchObject({ computedOn: '2025-06-13', from: '2025-06-14', to: '2025-06-30', days: 17 });
    expect(after!.parties.map((p) => p.distributor)).toEqual([
      june.distributor,
      'Beacon Fund Distributors LLC',
    ]);
    for (const g of split[0]!.computations)
      for (const p of g.parties) {
        // fee of the days × percentage, half-up, within the cent a tie may move
        const units = BigInt(p.sharePct.replace('.', ''));
        const auditor = (c(g.distributionFee) * units * 2n + 1_000_000n) / 2_000_000n;
        expect(auditor - c(p.twelveB1Share) <= 1n && c(p.twelveB1Share) - auditor <= 1n).toBe(true);
      }
    expect(sum(split[0]!.computations.map((g) => g.distributionFee))).toBe(c(split[0]!.distributionFee));
  });

  it('the DOI-range Assignee starts in March, when its Transfer took effect; paid directly once notified', async () => {
    const feb = (await loadCloseResult(db, '2025-02', 'monthly-calculation')) as MonthlyCalculationReport;
    const mar = (await loadCloseResult(db, '2025-03', 'monthly-calculation')) as MonthlyCalculationReport;
    expect(feb.portfolios.flatMap((p) => p.assignees).some((a) => a.transferId === 'TR-2025-01')).toBe(false);
    const pinnacle = mar.portfolios.flatMap((p) => p.assignees).filter((a) => a.transferId === 'TR-2025-01');
    expect(pinnacle.length).toBeGreaterThan(0);
    expect(pinnacle.every((a) => a.payTo === 'Pinnacle Funding LLC')).toBe(true);
    expect(sum(pinnacle.map((a) => a.twelveB1Portion))).toBeGreaterThan(0n);
  });

  it('the CLI reads the same database: distributor-share, monthly-calculation CSV, audit verify', async () => {
    // The embedded store is one process's at a time: let the CLI have it, then take it back.
    await db.close();
    try {
      // 2025-12 is closed: its sealed share, unless asked to recompute the computations (SPEC §12).
      const sealed = (
        await runCliInProcess(['--db', target, 'distributor-share', '--month', '2025-12', '--json'])
      ).json<{
        basis: string;
        portfolios: { distributor12b1SharePct: string }[];
      }>();
      expect(sealed.basis).toBe('sealed');
      const share = (
        await runCliInProcess([
          '--db',
          target,
          'distributor-share',
          '--month',
          '2025-12',
          '--recompute',
          '--json',
        ])
      ).json<{
        basis: string;
        portfolios: { computations: { sharePct: string; numerator: string; denominator: string }[] }[];
      }>();
      expect(share.basis).toBe('recomputed');
      const computed = share.portfolios.filter((p) => p.computations.length > 0);
      expect(computed).toHaveLength(2);
      expect(computed[0]!.computations.length).toBeGreaterThanOrEqual(2); // Nov 30 governs December; Dec 31 governs January
      const csv = await runCliInProcess([
        '--db',
        target,
        'monthly-calculation',
        '--month',
        '2025-12',
        '--csv',
      ]);
      expect(csv.code).toBe(0);
      expect(csv.stdout.split('\n')[0]).toBe(
        'portfolio,month,dueDate,distributionFee,distributor12b1SharePct,distributor12b1Share,earnedCdsc,payee,twelveB1Portion,cdscPortion,payTo,serviceFee,restatedMonth,original,restated,difference',
      );
      expect((await runCliInProcess(['--db', target, 'audit', 'verify'])).code).toBe(0);
    } finally {
      db = await openDatabase(target);
    }
  }, 300_000);

  it('running it again changes nothing', async () => {
    const before = (await loadAuditLog(db)).length;
    const again = await runDemo(db, join(dir, 'out'), () => {});
    expect(again.closed).toEqual([]);
    expect((await loadAuditLog(db)).length).toBe(before);
    expect(again.last.totals).toEqual(summary.last.totals);
  }, 300_000);
});
