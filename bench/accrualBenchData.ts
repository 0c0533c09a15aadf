/**
 * The accrual benchmark's generated complex: `classes` share classes × `days` calendar days of net
 * assets (every calendar day has a row, so the CSV has classes × days rows), with Schedule A rates
 * varying by class: some classes covered only from a quarter into the range, some whose rates
 * change half-way, some whose coverage ends three quarters in (the dates of benchTermDates, so
 * that rendered Schedule A amendments can state the same terms) — held as columns, never as one
 * object per row.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ClassTerms, RateSegment } from '../src/accrual/classSeries.js';
import { type NetAssetsColumns, netAssetsClassKey } from '../src/accrual/netAssetsColumns.js';
import { addDays, fromDayNumber, toDayNumber } from '../src/calendar/isoDate.js';

export interface AccrualBenchData {
  readonly from: string;
  readonly to: string;
  readonly columns: NetAssetsColumns;
  readonly terms: ClassTerms[];
  readonly rateSegments: number;
  readonly midYearRateChanges: number;
  /** Largest net assets in cents (to show BIGINT SQL cannot overflow). */
  readonly maxNetAssetsCents: number;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRIBUTION_MICRO_PCT = [0n, 100_000n, 250_000n, 300_000n, 350_000n, 500_000n, 750_000n];
const SERVICE_MICRO_PCT = [0n, 150_000n, 250_000n];
/** No Class B: a reduced Class B rate would apply by share vintage (Agreement EIGHTH(E)), which needs a share ledger. */
const CLASS_LETTERS = ['A', 'C', 'R'];
/** The plans' effective date: before every generated day. */
export const PLAN_START = '2020-01-01';

/**
 * Where the generated terms change: some classes are added to Schedule A a quarter into the range,
 * some classes' rates change half-way, and some are dropped from it three quarters in.
 */
export function benchTermDates(from: string, days: number) {
  return {
    lateStart: addDays(from, Math.floor(days / 4)),
    rateChange: addDays(from, Math.floor(days / 2)),
    coverageEnd: addDays(from, Math.floor((3 * days) / 4)),
  };
}

/** Portfolio and class of class index c: three classes per portfolio. */
export function benchClassNames(c: number): { portfolio: string; className: string } {
  return { portfolio: `P${String(Math.floor(c / 3)).padStart(5, '0')}`, className: CLASS_LETTERS[c % 3]! };
}

export function generateAccrualBenchData(classes: number, days: number, seed = 121): AccrualBenchData {
  const random = mulberry32(seed);
  const from = '2023-01-01';
  const to = addDays(from, days - 1);
  const fromDay = toDayNumber(from);
  const rows = classes * days;
  const classIndex = new Int32Array(rows);
  const dayNumber = new Int32Array(rows);
  const netAssetsCents = new Float64Array(rows);
  const level = new Float64Array(classes);
  for (let c = 0; c < classes; c++) level[c] = Math.floor(1e8 + random() * random() * 1e12); // $1M … $10B
  let maxNetAssetsCents = 0;
  // Rows ordered date-major, as a daily feed arrives: every class on day 0, then day 1, …
  for (let d = 0, r = 0; d < days; d++) {
    for (let c = 0; c < classes; c++, r++) {
      const v = Math.max(100, Math.round(level[c]! * (1 + (random() - 0.5) * 0.01)));
      level[c] = v;
      if (v > maxNetAssetsCents) maxNetAssetsCents = v;
      classIndex[r] = c;
      dayNumber[r] = fromDay + d;
      netAssetsCents[r] = v;
    }
  }
  const terms: ClassTerms[] = [];
  const portfolios: string[] = [];
  const classNames: string[] = [];
  let rateSegments = 0;
  let midYearRateChanges = 0;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  // Three dates, as a Schedule A amendment would bring them, so that the registry the product's
  // end-to-end run imports (accrualBenchRegistry) states exactly these terms.
  const dates = benchTermDates(from, days);
  for (let c = 0; c < classes; c++) {
    const { portfolio, className } = benchClassNames(c);
    portfolios.push(portfolio);
    classNames.push(className);
    const start = random() < 0.05 ? dates.lateStart : PLAN_START;
    const coverage: RateSegment[] = [];
    let segmentFrom = start;
    const segment = (until: string | null) => {
      coverage.push({
        from: segmentFrom,
        until,
        distributionFeeMicroPct: pick(DISTRIBUTION_MICRO_PCT),
        serviceFeeMicroPct: pick(SERVICE_MICRO_PCT),
      });
      rateSegments++;
    };
    if (random() < 0.15 && days > 3) {
      segment(dates.rateChange);
      segmentFrom = dates.rateChange;
      midYearRateChanges++;
    }
    segment(random() < 0.02 && days > 3 ? dates.coverageEnd : null);
    terms.push({ classKey: netAssetsClassKey(portfolio, className), coverage });
  }
  return {
    from,
    to,
    columns: {
      rowCount: rows,
      classKeys: terms.map((t) => t.classKey),
      portfolios,
      classNames,
      classIndex,
      dayNumber,
      netAssetsCents,
    },
    terms,
    rateSegments,
    midYearRateChanges,
    maxNetAssetsCents,
  };
}

/** Writes `date,portfolio,class,net_assets` (dollars, two decimals); returns the bytes written. */
export function writeNetAssetsCsv(path: string, columns: NetAssetsColumns): number {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    const header = 'date,portfolio,class,net_assets\n';
    written += writeSync(fd, header);
    const prefixes = columns.portfolios.map((p, i) => `,${p},${columns.classNames[i]},`);
    let chunk: string[] = [];
    let lastDay = Number.NaN;
    let date = '';
    for (let r = 0; r < columns.rowCount; r++) {
      const day = columns.dayNumber[r]!;
      if (day !== lastDay) {
        lastDay = day;
        date = fromDayNumber(day);
      }
      const cents = columns.netAssetsCents[r]!;
      const fraction = cents % 100;
      chunk.push(
        `${date}${prefixes[columns.classIndex[r]!]}${(cents - fraction) / 100}.${fraction < 10 ? '0' : ''}${fraction}\n`,
      );
      if (chunk.length === 100_000) {
        written += writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    if (chunk.length > 0) written += writeSync(fd, chunk.join(''));
  } finally {
    closeSync(fd);
  }
  return written;
}

/**
 * The class dictionary and the Schedule A coverage as small CSVs for the SQL peers:
 * classes(cid, portfolio, class) and rates(cid, from_d, until_d, dist_micro, serv_micro), an
 * open-ended entry running to 9999-12-31.
 */
export function writeClassesAndRatesCsv(
  classesPath: string,
  ratesPath: string,
  columns: NetAssetsColumns,
  terms: readonly ClassTerms[],
): void {
  const classes = ['cid,portfolio,class'];
  const rates = ['cid,from_d,until_d,dist_micro,serv_micro'];
  terms.forEach((t, c) => {
    classes.push(`${c},${columns.portfolios[c]},${columns.classNames[c]}`);
    for (const s of t.coverage) {
      rates.push(
        `${c},${s.from},${s.until ?? '9999-12-31'},${s.distributionFeeMicroPct},${s.serviceFeeMicroPct}`,
      );
    }
  });
  for (const [path, lines] of [
    [classesPath, classes],
    [ratesPath, rates],
  ] as const) {
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, `${lines.join('\n')}\n`);
    } finally {
      closeSync(fd);
    }
  }
}
