import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { HELP_EXAMPLES } from '../../src/cli/helpExamples.js';
import { loadCloseResult } from '../../src/close/monthClose.js';
import { DEMO_TERMINATION, SHAREHOLDER_VOTE } from '../../src/demo/demoGovernance.js';
import type { DemoSummary } from '../../src/demo/runDemo.js';
import { parseCents } from '../../src/money/cents.js';
import type { BoardReport } from '../../src/reports/boardReport.js';
import { feesReport } from '../../src/reports/feesReport.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { paymentLines, type ServiceFeesReport } from '../../src/reports/serviceFeesReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { type Database, openDatabase } from '../../src/store/database.js';
import { approvalsInQuarter, continuanceStatus, loadGovernance } from '../../src/store/governanceStore.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { runCliAsync, runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

const c = parseCents;
const sum = (xs: string[]) => xs.reduce((s, x) => s + c(x), 0n);

/**
 * `plan12b demo --json`, spawned: the demo as a user runs it. In a process of its own because its
 * steps hold the event loop for many seconds at a time (PostgreSQL in WebAssembly answers
 * synchronously; the month pass and the close compute in one go): in the test worker that starved
 * Vitest's own messages, which time out after 60 s on a loaded machine. (npm run build first.)
 */
async function demo(
  target: string,
  out: string,
  /** 'suite': the suite's performance settings (vitest.config.ts), for the run again that must change nothing */
  settings: 'product' | 'suite' = 'product',
): Promise<DemoSummary> {
  // as a user runs it: the product's own buffer pool and WebAssembly tier, not the suite's
  // (vitest.config.ts); performance settings only (the same SQL runs), which the second run keeps
  // (5.4 s of CPU with the product's, 3.8 s with the suite's: session 43)
  const run = await runCliAsync(
    ['--db', target, 'demo', '--out', out, '--json'],
    settings === 'product' ? { PLAN12B_PGLITE_SHARED_BUFFERS: undefined, PLAN12B_WASM_TIER: undefined } : {},
  );
  if (run.code !== 0) throw new Error(`plan12b demo exited ${run.code}: ${run.stderr}`);
  return run.json<DemoSummary>();
}

// The demo: a synthetic complex, a change of distributor, two Assignees, every month of 2025 closed.
describe('plan12b demo: the whole story', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-demo-'));
  const target = join(dir, 'db');
  let db: Database;
  let summary: DemoSummary;
  beforeAll(async () => {
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    await freshDatabase('pglite', dir);
    summary = await demo(target, join(dir, 'out'));
    db = await openDatabase(target);
  });
  afterAll(async () => {
    await db.close();
  });

  it('every help example naming a file of the demo names one the demo wrote', () => {
    // pasted where the demo ran, beside its ./plan12b-data, each example reads ./plan12b-demo/…
    const named = Object.values(HELP_EXAMPLES)
      .flat()
      .flatMap((line) => [...line.matchAll(/plan12b-demo\/(\S+)/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(15);
    for (const file of named) expect(existsSync(join(dir, 'out', file)), file).toBe(true);
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
              l.account.startsWith(`Payable to ${payee.payee} —`) &&
              !l.account.includes('— service fee') &&
              !l.account.includes('— CDSC (Other Distributor'),
          );
          expect(sum(mine.filter((l) => l.date === payee.dueDate).map((l) => l.debit))).toBe(c(payee.total));
          expect(sum(mine.map((l) => l.credit))).toBe(c(payee.total));
        }
      // SPEC §6: the CDSC on an Other Distributor's own shares is outside the payees; the journal
      // credits its payable what the Monthly Calculation says is owed to it, and pays it on the due date
      for (const p of mc.portfolios)
        for (const o of p.otherDistributorsCdsc ?? []) {
          const theirs = journal.lines.filter(
            (l) =>
              l.class === 'B' &&
              l.portfolio === p.portfolio &&
              l.account === `Payable to ${o.distributor} — CDSC (Other Distributor, its own shares)`,
          );
          expect(sum(theirs.map((l) => l.credit))).toBe(c(o.cdsc));
          expect(sum(theirs.filter((l) => l.date === mc.dueDate).map((l) => l.debit))).toBe(c(o.cdsc));
        }
      // Agreement TENTH (not surviving E, FIFTEENTH(B)): each Other Distributor's service fee of its
      // days, as the Monthly Calculation shows it, is what the journal credits its payable
      for (const p of mc.portfolios)
        for (const part of p.serviceFees ?? []) {
          if (part.role !== 'Other Distributor') continue;
          const owed = (p.serviceFees ?? [])
            .filter((x) => x.distributor === part.distributor)
            .map((x) => x.serviceFee);
          const credited = journal.lines
            .filter(
              (l) =>
                l.class === 'B' &&
                l.portfolio === p.portfolio &&
                l.account === `Payable to ${part.distributor} — service fee (Other Distributor)`,
            )
            .map((l) => l.credit);
          expect(sum(credited)).toBe(sum(owed));
        }
      expect(
        journal.lines.some(
          (l) => l.class === 'B' && l.account === `Payable to ${mc.distributor} — service fee (Distributor)`,
        ),
      ).toBe(mc.portfolios.some((p) => p.serviceFee !== '0.00'));
    }
  });

  it('the term ending on June 13 shows both computations in June, each percentage reproducing its dollars (SPEC §7)', async () => {
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
        // SPEC §7: the fee of the days × the percentage shown, half-up, is the dollars beside it
        const whole = 100n * 10n ** BigInt(p.sharePct.split('.')[1]!.length);
        const units = BigInt(p.sharePct.replace('.', ''));
        const auditor = (c(g.distributionFee) * units * 2n + whole) / (2n * whole);
        expect(auditor).toBe(c(p.twelveB1Share));
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

  it('records the Board approval of every instrument and amendment, its continuance votes and the Class A shareholder vote', async () => {
    const { approvals, settings } = await loadGovernance(db);
    expect(settings.enforceApprovals).toBe(true);
    // 3 instruments + 3 continuances (2024) + 3 amendments + 1 termination + 1 shareholder vote +
    // 2 continuances (2025) + the Service Agreements' forms (Plan §6, related agreements: domain5)
    expect(approvals).toHaveLength(3 + 3 + 3 + 1 + 1 + 2 + 1);
    expect(approvals.filter((a) => a.subject === 'related-agreement' && a.body === 'board')).toHaveLength(1);
    expect(approvals.filter((a) => a.subject === 'instrument' && a.body === 'board')).toHaveLength(3);
    expect(approvals.filter((a) => a.subject === 'amendment' && a.body === 'board')).toHaveLength(3);
    const q4 = await approvalsInQuarter(db, '2025-10-01', '2025-12-31');
    expect(q4.map((a) => [a.meetingDate, a.body, a.subject, a.carried])).toEqual([
      ['2025-10-16', 'board', 'termination', true],
      ['2025-11-14', 'shareholders', 'amendment', true],
      ['2025-12-11', 'board', 'continuance', true],
      ['2025-12-11', 'board', 'continuance', true],
    ]);
    // §2(a)(42): 620,000 of 1,000,000 present = 62% > 50%, so 67% of those present suffices:
    // 0.67 × 620,000 = 415,400 ≤ 455,000 for (the other branch, > 500,000 of the outstanding, fails).
    const v = SHAREHOLDER_VOTE;
    expect(v.sharesPresent * 2 > v.sharesOutstanding).toBe(true);
    expect(v.sharesFor * 100 >= v.sharesPresent * 67).toBe(true);
    expect(v.sharesFor * 2 > v.sharesOutstanding).toBe(false);
    // Every governing entry of 2025 names the approvals behind it.
    const registry = await loadRegistry(db);
    for (const date of ['2025-01-02', '2025-06-30', '2025-12-31'])
      for (const e of registry.scheduleAsOf(date).entries) expect(e.approvals.length).toBeGreaterThan(0);
  });

  it('the material increase waits for its shareholder vote (2025-11-14) and governs from then (Plan §§5, 11)', async () => {
    const registry = await loadRegistry(db);
    const intl = (date: string) =>
      registry
        .scheduleAsOf(date)
        .entries.find((e) => e.portfolio === 'Summit International Fund' && e.class === 'A')!;
    expect(intl('2025-09-30')).toMatchObject({ assetBasedSalesChargePct: '0.00', aggregateFeePct: '0.25' });
    // effective 2025-10-01, pending until the vote: Amendment No. 1 still governs, ABSC 0.00%
    expect(intl('2025-11-13')).toMatchObject({ assetBasedSalesChargePct: '0.00' });
    expect(intl('2025-11-13').document.amendmentNumber).toBe(1);
    expect(intl('2025-11-14')).toMatchObject({ assetBasedSalesChargePct: '0.10', aggregateFeePct: '0.35' });
    expect(intl('2025-11-14').document.amendmentNumber).toBe(2);
    expect(
      intl('2025-11-14')
        .approvals.map((a) => a.body)
        .sort(),
    ).toEqual(['board', 'shareholders']);
    expect(registry.scheduleAsOf('2025-10-15').pending).toContainEqual(
      expect.objectContaining({
        portfolio: 'Summit International Fund',
        class: 'A',
        governsFrom: '2025-11-14',
      }),
    );
    // Another portfolio in the same amendment (no increase) governs from its effective date.
    const growth = registry
      .scheduleAsOf('2025-10-01')
      .entries.find((e) => e.portfolio === 'Summit Capital Growth Fund' && e.class === 'A')!;
    expect(growth.document.amendmentNumber).toBe(2);

    const nov = await feesReport(db, {
      from: '2025-11-01',
      to: '2025-11-30',
      portfolio: 'Summit International Fund',
      class: 'A',
      daily: true,
    });
    const days = nov.daily!;
    expect(days).toHaveLength(30);
    // SPEC §4: daily fee = round_half_up(NA × 0.10 / 100 / 365, 2) = round_half_up(NA¢ / 365,000) in cents
    let hand = 0n;
    for (const d of days) {
      const na = c(d.netAssets);
      const fee = d.date < '2025-11-14' ? 0n : (2n * na + 365_000n) / 730_000n;
      expect(c(d.distributionFee)).toBe(fee);
      hand += fee;
    }
    expect(hand).toBeGreaterThan(0n);
    expect(c(nov.classes[0]!.distributionFee)).toBe(hand);
    const oct = await feesReport(db, {
      from: '2025-10-01',
      to: '2025-10-31',
      portfolio: 'Summit International Fund',
      class: 'A',
    });
    expect(oct.classes[0]!.distributionFee).toBe('0.00');
  });

  it('the termination stops the class’s fees from its date (Plan §9)', async () => {
    const t = DEMO_TERMINATION;
    const fees = await feesReport(db, {
      from: '2025-10-01',
      to: '2025-12-31',
      portfolio: t.portfolio,
      class: t.class,
      daily: true,
    });
    const days = fees.daily!;
    let october = 0n;
    for (const d of days) {
      // Class C: 0.75% ABSC and 0.25% service fee a year, half-up per day; nothing from 2025-11-01
      const na = c(d.netAssets);
      const dist = d.date < t.date ? (2n * na * 75n + 3_650_000n) / 7_300_000n : 0n;
      const service = d.date < t.date ? (2n * na * 25n + 3_650_000n) / 7_300_000n : 0n;
      expect([d.date, c(d.distributionFee), c(d.serviceFee)]).toEqual([d.date, dist, service]);
      october += dist;
    }
    expect(october).toBeGreaterThan(0n);
    // SPEC §4: no day on or after the termination date accrues, so none is listed, and November
    // and December (no accrued day) have no month line.
    expect(days.every((d) => d.date < t.date)).toBe(true);
    expect(fees.classes.map((m) => m.month)).toEqual(['2025-10']);
    expect(c(fees.classes[0]!.distributionFee)).toBe(october);
    expect(fees.warnings.some((w) => w.includes('terminated'))).toBe(true);
  });

  it('the Class C plan, never continued in 2025, lapses after its 2026-01-02 deadline; the others run on (Plan §7)', async () => {
    const status = await continuanceStatus(db, '2026-01-03');
    // the instrument's key names its kind and classes: plan|…|c|2024-01-02
    const c = status.find((i) => i.kind === 'plan' && i.instrumentKey.split('|')[2] === 'c')!;
    expect(c).toMatchObject({ status: 'lapsed', endsOn: '2026-01-03' });
    const others = status.filter((i) => i !== c);
    expect(others).toHaveLength(2);
    for (const i of others) expect(i).toMatchObject({ status: 'in force', nextDeadline: '2027-01-02' });
  });

  it('its service-fee payments file pays each provider what the sealed December pays it (Plan §4)', async () => {
    // the file the demo leaves beside the database, read as a treasurer would pay from it
    const rows = parse(readFileSync(join(dir, 'out', 'service-fee-payments-2025-12.csv'), 'utf8'), {
      columns: true,
    }) as { provider_id: string; amount: string }[];
    // what `plan12b service-fees --month 2025-12 --payments-csv` writes from the sealed month
    const sealed = (await loadCloseResult(db, '2025-12', 'service-fees')) as ServiceFeesReport;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.provider_id, r.amount])).toEqual(
      paymentLines(sealed).map((l) => [l.provider_id, l.amount]),
    );
  });

  it('ends with the 2025Q4 board report: a PDF, and JSON with the fees, the amounts spent by purpose and the FINRA cap', () => {
    const { pdf, json } = summary.boardReport;
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(summary.lines.some((l) => l.startsWith('Board report 2025Q4') && l.includes(pdf))).toBe(true);
    const report = JSON.parse(readFileSync(json, 'utf8')) as BoardReport;
    expect(report).toMatchObject({ quarter: '2025Q4', from: '2025-10-01', to: '2025-12-31' });
    expect(report.fees.length).toBeGreaterThan(0);
    expect(c(report.feesTotal.totalFee)).toBe(sum(report.fees.map((f) => f.totalFee)));
    const tech = report.fees.find((f) => f.portfolio === DEMO_TERMINATION.portfolio && f.class === 'C')!;
    expect(c(tech.totalFee)).toBeGreaterThan(0n); // October only
    // The Q4 rows of the expenditures feed, by purpose, added by hand:
    // dealer-compensation 20,410.00 + 43,960.25 + 1,500.50 = 65,870.75; advertising 5,200.00;
    // prospectus-printing 2,875.30; interest-financing 9,340.10; plan-administration 1,100.00;
    // total 65,870.75 + 5,200.00 + 2,875.30 + 9,340.10 + 1,100.00 = 84,386.15
    expect(Object.fromEntries(report.expendituresByPurpose.map((p) => [p.purpose, p.amount]))).toEqual({
      'dealer-compensation': '65870.75',
      advertising: '5200.00',
      'prospectus-printing': '2875.30',
      'interest-financing': '9340.10',
      'plan-administration': '1100.00',
    });
    expect(report.expendituresTotal).toBe('84386.15');
    // …and the feed's own Q4 rows add up to the same
    const feed = readFileSync(join(dir, 'out', 'expenditures-2025.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const q4 = feed
      .map((l) => l.split(','))
      .filter(([, , period]) => period === '2025Q4' || period!.startsWith('2025-1'));
    expect(sum(q4.map((r) => r[4]!))).toBe(c('84386.15'));
    // FINRA cap: every Class A and C class with gross sales, none exhausted (sales of 2% of net
    // assets a month add 0.125% of them to the cap, twice Class C's 0.0625% monthly ABSC)
    expect(report.finraCap.length).toBeGreaterThan(0);
    expect(new Set(report.finraCap.map((f) => f.class))).toEqual(new Set(['A', 'C']));
    for (const f of report.finraCap) expect(f).toMatchObject({ exhausted: false, exhaustedOn: null });
    expect(report.approvals).toHaveLength(4);
    // at quarter end the Class C plan's 2026-01-02 deadline is still ahead (due); the others met it
    expect(report.continuance!.map((l) => [l.deadline, l.status]).sort()).toEqual([
      ['2026-01-02', 'approved 2025-12-11'],
      ['2026-01-02', 'approved 2025-12-11'],
      ['2026-01-02', 'due'],
    ]);
  });

  it('the CLI reads the same database: distributor-share, monthly-calculation CSV, audit verify', async () => {
    // The commands run on the store this file holds open (runCliOnOpenStore, as `plan12b serve`
    // runs a query): the same commands on the same database, without a PGlite start per command;
    // how the CLI opens a store is other files' subject.
    const cli = (args: string[]) => runCliOnOpenStore(db, ['--db', target, ...args]);
    // 2025-12 is closed: its sealed share, unless asked to recompute the computations (SPEC §12).
    const sealed = (await cli(['distributor-share', '--month', '2025-12', '--json'])).json<{
      basis: string;
      portfolios: { distributor12b1SharePct: string }[];
    }>();
    expect(sealed.basis).toBe('sealed');
    const share = (await cli(['distributor-share', '--month', '2025-12', '--recompute', '--json'])).json<{
      basis: string;
      portfolios: { computations: { sharePct: string; numerator: string; denominator: string }[] }[];
    }>();
    expect(share.basis).toBe('recomputed');
    const computed = share.portfolios.filter((p) => p.computations.length > 0);
    expect(computed).toHaveLength(2);
    expect(computed[0]!.computations.length).toBeGreaterThanOrEqual(2); // Nov 30 governs December; Dec 31 governs January
    const csv = await cli(['monthly-calculation', '--month', '2025-12', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(
      'portfolio,month,dueDate,distributionFee,distributor12b1SharePct,distributor12b1Share,earnedCdsc,payee,twelveB1Portion,cdscPortion,payTo,serviceFee,restatedMonth,original,restated,difference,priorPeriodAdjustment,payable,owedOnToAssignee,cdscCollected,cdscCreditedToFund',
    );
    // distributor-share --csv: the sealed month a line per portfolio, computation and party, each
    // percentage reproducing its dollars (SPEC §7), the parties adding up to the days' fees
    const sealedCsv = await cli(['distributor-share', '--month', '2025-12', '--csv']);
    expect(sealedCsv.code).toBe(0);
    const rows = parse(sealedCsv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    const byComputation = new Map<string, bigint>();
    for (const r of rows) {
      expect(r.basis).toBe('sealed');
      const whole = 100n * 10n ** BigInt(r.sharePct!.split('.')[1]!.length);
      const units = BigInt(r.sharePct!.replace('.', ''));
      expect((c(r.distributionFee!) * units * 2n + whole) / (2n * whole)).toBe(c(r.twelveB1Share!));
      const key = `${r.portfolio}|${r.from}|${r.distributionFee}`;
      byComputation.set(key, (byComputation.get(key) ?? 0n) + c(r.twelveB1Share!));
    }
    for (const [key, total] of byComputation) expect(total).toBe(c(key.split('|')[2]!));
    // --recompute: the shares by rule, (a) + (b) + (c) = the total of each party
    const computedCsv = await cli(['distributor-share', '--month', '2025-12', '--recompute', '--csv']);
    const computedRows = (parse(computedCsv.stdout, { columns: true }) as Record<string, string>[]).filter(
      (r) => r.computedOn !== '',
    );
    expect(computedRows.length).toBeGreaterThan(0);
    const shares = (v: string) => BigInt(v.replace('.', ''));
    for (const r of computedRows)
      expect(shares(r.a_commissionShares!) + shares(r.b_freeShares!) + shares(r.c_omnibusFreeShares!)).toBe(
        shares(r.totalShares!),
      );
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });

  it('running it again changes nothing', async () => {
    const before = (await loadAuditLog(db)).length;
    await db.close();
    let again: DemoSummary;
    try {
      again = await demo(target, join(dir, 'out'), 'suite');
    } finally {
      db = await openDatabase(target);
    }
    expect(again.closed).toEqual([]);
    expect((await loadAuditLog(db)).length).toBe(before);
    expect(again.last.totals).toEqual(summary.last.totals);
  });
});
