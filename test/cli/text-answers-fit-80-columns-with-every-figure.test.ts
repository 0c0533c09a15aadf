import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * Standing rule 7 (users first): every query command's text answer, on the demo complex, fits an
 * 80-column terminal (what a piped answer keeps to), and no figure is lost on the way: every decimal
 * of its --json answer is in the text — but for the fields the text form never showed (listed per
 * command: a redemption's lot pieces, unrounded weights, the Monthly Calculation's payables), which
 * --json, --csv and --xlsx carry. Before, the demo's tables were 82 to 299 columns wide (schedule
 * 222, approvals list 299, distributor-share 282, what-if 228, service-fees 164).
 */
interface Case {
  readonly args: readonly string[];
  /** --json keys whose figures the text form does not show (it never did) */
  readonly notInText?: readonly string[];
  /**
   * the text is a summary of a --json answer holding every part of a sealed month (`close show`):
   * only its width is checked here; its parts' figures are each query's own, checked above
   */
  readonly summary?: true;
}

const CASES: readonly Case[] = [
  { args: ['schedule', '--as-of', '2025-12-31'] },
  { args: ['portfolio', 'history', 'Summit Small Cap Fund'], notInText: ['aggregateFeePct'] },
  { args: ['exhibit', 'list'] },
  { args: ['exhibit', 'diff', 'b085813c'] },
  { args: ['rates', 'list'] },
  { args: ['fees', '--from', '2025-12-01', '--to', '2025-12-31'] },
  {
    args: [
      'fees',
      '--from',
      '2025-12-01',
      '--to',
      '2025-12-31',
      '--portfolio',
      'Summit Energy Fund',
      '--daily',
    ],
    // the month's totals per class; the text lists the days
    notInText: ['averageDailyNetAssets', 'distributionFee', 'serviceFee', 'totalFee'],
  },
  { args: ['providers', 'list'] },
  { args: ['service-fees', '--month', '2025-12'], notInText: ['amount'] },
  { args: ['class-b-terms', 'list'] },
  {
    args: ['redemptions', '--from', '2025-12-01', '--to', '2025-12-31'],
    notInText: ['price', 'shares', 'cost', 'ratePct', 'base', 'cdsc', 'cdscWaived'],
  },
  {
    args: ['lots', '--account', 'B100000', '--as-of', '2025-12-31'],
    notInText: ['shares', 'commissionShares', 'freeShares', 'cost'],
  },
  { args: ['conversions', '--month', '2025-12'], notInText: ['cost'] },
  { args: ['cdsc', '--month', '2025-12'] },
  { args: ['transfers', 'list'] },
  {
    args: ['transfers', 'statement', '--assignee', 'Pinnacle Funding LLC', '--month', '2025-12'],
    notInText: [
      'earnedCdsc',
      'owedOnToAssignee',
      'exactPortion',
      'doiRangeShares',
      'distributorShares',
      'doiRangeFractionPct',
      'shares',
      'distributionFee',
      // the total of the month's prior-period adjustments (calc12): the text lists them and their
      // total only when the month pays some; December pays none, 0.00
      'priorPeriodAdjustments',
    ],
  },
  { args: ['distributor-share', '--month', '2025-06'], notInText: ['sharePct'] },
  {
    args: ['monthly-calculation', '--month', '2025-12'],
    notInText: ['serviceFee', 'total', 'sharePct', 'payable'],
  },
  { args: ['what-if', '--portfolio', 'Summit Small Cap Fund', '--class', 'B', '--distribution-fee', '0.50'] },
  {
    args: ['finra-cap', '--class', 'C', '--through', '2025-12'],
    notInText: ['abscMonthsCovered', 'capPct', 'primeRatePct'],
  },
  {
    args: ['board-report', '--quarter', '2025Q4'],
    notInText: ['totalFee', 'distributionFee', 'serviceFee', 'expendituresTotal', 'abscMonthsCovered'],
  },
  { args: ['close', 'show', '--month', DEMO_FIRST_MONTH], summary: true },
  { args: ['approvals', 'list'] },
  { args: ['continuance', '--as-of', '2025-12-31'] },
  { args: ['terminations', 'list'] },
  { args: ['settings', 'list'] },
  { args: ['audit', 'verify'] },
  { args: ['audit', 'log'] },
];

/** Every decimal string of a JSON answer, with the key it stands under (an array's, its parent's). */
function decimals(value: unknown, key = ''): { key: string; figure: string }[] {
  if (typeof value === 'string') return /^-?\d+\.\d+%?$/.test(value) ? [{ key, figure: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v) => decimals(v, key));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => decimals(v, k));
  return [];
}

/** The words of a text, punctuation around them set aside: "1225153.43;" → "1225153.43". */
const words = (text: string) =>
  new Set(
    text
      .split(/[\s,;:()=+]+/)
      .map((w) => w.replace(/[.%]+$/, ''))
      .filter(Boolean),
  );

describe('every query command prints text within 80 columns, every figure whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-wide-'));
  const target = join(dir, 'db');
  let store: Database;

  beforeAll(async () => {
    await demoJanuaryClosedStore(target);
    store = await openDatabase(target, { workload: 'query' });
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES)
    it(`plan12b ${c.args.join(' ')}`, async () => {
      const text = await runCliOnOpenStore(store, ['--db', target, ...c.args]);
      expect(text.code, text.stderr).toBe(0);
      const lines = text.stdout.split('\n');
      for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(80);
      if (c.summary) return;
      const json = await runCliOnOpenStore(store, ['--db', target, ...c.args, '--json']);
      expect(json.code, json.stderr).toBe(0);
      const shown = words(text.stdout);
      const skipped = new Set(c.notInText ?? []);
      const lost = decimals(json.json())
        .filter((d) => !skipped.has(d.key) && !shown.has(d.figure.replace(/%$/, '')))
        .map((d) => `${d.key}=${d.figure}`);
      expect(lost).toEqual([]);
    });
});
