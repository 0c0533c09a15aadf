import type { ClassSeries } from '../accrual/classSeries.js';
import { accrueFast } from '../accrual/fastAccrual.js';
import { daysInMonth, monthEnd, monthOf, monthStart } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { type CapExhaustion, capExhaustions, describeExhaustions } from '../governance/capExhaustion.js';
import {
  aggregateCapLedger,
  type CapMonthInput,
  type CapMonthResult,
  type CapSettings,
  capPctMicro,
  DEFAULT_CAP_SETTINGS,
  LEDGER_CDSC_CLASS,
} from '../governance/finraAggregateCap.js';
import { governanceSettingsOf } from '../governance/governanceSettings.js';
import { formatCents, parseCents } from '../money/cents.js';
import { parseRateMicroPct } from '../money/rate.js';
import { compareNames } from '../registry/nameOrder.js';
import type { Registry } from '../registry/registry.js';
import { redemptionsBetween } from '../store/classBRepository.js';
import type { Queryable } from '../store/database.js';
import { type GrossSalesRecord, loadGrossSales, loadPrimeRates } from '../store/finraCapRepository.js';
import { loadSettings } from '../store/settingsRepository.js';
import { applyEighthE } from './classBVintageFees.js';

/**
 * What the ABSC cut by the cap does to the fees (SPEC §10; docs/FORMATS.md "FINRA 2341 cap"):
 * `stop` (the default) — the asset-based sales charge stops accruing from the day the remaining
 * amount is exhausted; `warn` — the fees are left as accrued and every affected query warns.
 * Set by PLAN12B_FINRA_CAP_STOP. A class without gross sales has no cap ledger and no stop.
 */
export type CapStopMode = 'stop' | 'warn';
export function capStopMode(env: string | undefined = process.env.PLAN12B_FINRA_CAP_STOP): CapStopMode {
  if (env === undefined || env === '' || env === 'stop') return 'stop';
  if (env === 'warn') return 'warn';
  throw new Plan12bError(
    'USAGE',
    `PLAN12B_FINRA_CAP_STOP=${JSON.stringify(env)} is neither stop nor warn`,
    'unset it (the ABSC stops when the FINRA cap is exhausted) or set it to warn',
  );
}

export interface CapLedgerMonth extends CapMonthResult {
  readonly newGrossSalesCents: bigint;
  readonly capPctMicro: bigint;
  readonly primeRateMicroPct: bigint;
  /** the calendar dates of `dailyAccruedCents` and `dailyAllowedCents` */
  readonly dates: readonly string[];
  /** each day's ABSC before the cap */
  readonly dailyAccruedCents: readonly bigint[];
}

export interface ClassCapLedger {
  readonly classKey: string;
  readonly portfolioId: string;
  readonly class: string;
  readonly portfolio: string;
  /** the first month of gross sales: the ledger starts there at 0 */
  readonly firstMonth: string;
  readonly months: readonly CapLedgerMonth[];
  /**
   * the first day of the exhaustion still running at the ledger's end (the ABSC stopped since
   * then), or null when the ABSC is accrued in full again (or was never cut); past ones are in
   * `exhaustions`
   */
  readonly exhaustedOn: string | null;
  /** each run of days the cap cut the ABSC, and the day it accrued in full again (FINRA 2341(d)(2)) */
  readonly exhaustions: readonly CapExhaustion[];
}

const monthsBetween = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (let m = first; m <= last; ) {
    out.push(m);
    const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return out;
};

/**
 * The FINRA 2341 aggregate cap ledger of every class with gross sales recorded (of `only`, when
 * given), month by month from its first month of gross sales through `through` (SPEC §10). Its ABSC is the
 * class's accrued distribution fee, day by day, from its net assets in `series`; its deferred sales charges are Class B's CDSCs from
 * the ledger, or those the gross-sales feed reports. Throws BAD_INPUT when a month needs a prime
 * rate and none is in force.
 */
export async function classCapLedgers(
  q: Queryable,
  registry: Registry,
  series: readonly ClassSeries[],
  through: string,
  only?: { portfolioId?: string; class?: string; classKeys?: ReadonlySet<string> },
): Promise<ClassCapLedger[]> {
  const sales = (
    await loadGrossSales(q, {
      ...(only?.portfolioId === undefined ? {} : { portfolioId: only.portfolioId }),
      ...(only?.class === undefined ? {} : { class: only.class }),
    })
  ).filter((s) => only?.classKeys === undefined || only.classKeys.has(`${s.portfolioId}|${s.class}`));
  if (sales.length === 0) return [];
  const primes = await loadPrimeRates(q);
  // the interest's spread over prime and day basis: settings (DOMAIN §3.4–3.5 RECALLED / UNCONFIRMED)
  const settings = governanceSettingsOf(await loadSettings(q));
  const capSettings: CapSettings = {
    ...DEFAULT_CAP_SETTINGS,
    interestSpreadMicroPct: parseRateMicroPct(settings.finraInterestSpreadPct),
    interestDayBasis: settings.finraInterestDayBasis,
  };
  const byClass = new Map<string, GrossSalesRecord[]>();
  for (const s of sales) {
    const key = `${s.portfolioId}|${s.class}`;
    byClass.set(key, [...(byClass.get(key) ?? []), s]);
  }
  const out: ClassCapLedger[] = [];
  for (const [classKey, rows] of byClass) {
    const firstMonth = rows[0]!.month;
    if (firstMonth > through) continue;
    const [portfolioId, cls] = classKey.split('|') as [string, string];
    const s = series.find((x) => x.classKey === classKey);
    const months = monthsBetween(firstMonth, through);
    // The ABSC the class accrues: for Class B after a reduction, by share vintage (Agreement
    // EIGHTH(E)), as the fees and the Monthly Calculation pay it — the cap counts what is paid.
    const span = { from: monthStart(firstMonth), to: monthEnd(through) };
    const accrual = s
      ? (await applyEighthE(q, registry, [s], accrueFast([s], span.from, span.to, { daily: true }), span, []))
          .accrual.daily
      : [];
    const daily = new Map<string, { date: string; fee: bigint; serviceMicro: bigint }[]>();
    for (const d of accrual) {
      const m = monthOf(d.date);
      daily.set(m, [
        ...(daily.get(m) ?? []),
        { date: d.date, fee: d.distributionFeeCents, serviceMicro: d.serviceFeeMicroPct },
      ]);
    }
    const cdscByMonth = new Map<string, bigint>();
    if (cls === LEDGER_CDSC_CLASS) {
      const { heads } = await redemptionsBetween(q, monthStart(firstMonth), monthEnd(through));
      for (const h of heads)
        if (h.portfolio_id === portfolioId)
          cdscByMonth.set(monthOf(h.date), (cdscByMonth.get(monthOf(h.date)) ?? 0n) + parseCents(h.cdsc));
    }
    const salesByMonth = new Map(rows.map((r) => [r.month, r]));
    const serviceFeePaid = (m: string): boolean => {
      const days = daily.get(m);
      if (days && days.length > 0) return days.some((d) => d.serviceMicro > 0n);
      return (s?.coverage ?? []).some(
        (c) =>
          c.serviceFeeMicroPct > 0n && c.from <= monthEnd(m) && (c.until === null || c.until > monthStart(m)),
      );
    };
    const name = registry.identities.nameOn(portfolioId, monthEnd(through));
    const inputs: (CapMonthInput & { dates: string[] })[] = months.map((m, i) => {
      const prime = primes.filter((p) => p.effectiveDate <= monthStart(m)).at(-1);
      if (prime === undefined && i > 0)
        throw new Plan12bError(
          'BAD_INPUT',
          `${name} class ${cls}: no prime rate in force on ${monthStart(m)}, needed for the FINRA cap's interest`,
          'import the prime rate with `plan12b prime-rate import FILE.csv` (effective_date,prime_rate)',
        );
      const r = salesByMonth.get(m);
      const days = daily.get(m) ?? [];
      return {
        month: m,
        daysInMonth: daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7))),
        newGrossSalesCents: r ? parseCents(r.grossSales) : 0n,
        frontEndSalesChargesCents: r ? parseCents(r.frontEndSalesCharges) : 0n,
        deferredSalesChargesCents:
          cls === LEDGER_CDSC_CLASS
            ? (cdscByMonth.get(m) ?? 0n)
            : r?.deferredSalesCharges
              ? parseCents(r.deferredSalesCharges)
              : 0n,
        dailyAbscCents: days.map((d) => d.fee),
        primeRateMicroPct: prime ? parseRateMicroPct(prime.ratePct) : 0n,
        serviceFeePaid: serviceFeePaid(m),
        dates: days.map((d) => d.date),
      };
    });
    const ledger = aggregateCapLedger(inputs, 0n, capSettings).map((res, i) => ({
      ...res,
      newGrossSalesCents: inputs[i]!.newGrossSalesCents,
      capPctMicro: capPctMicro(inputs[i]!.serviceFeePaid),
      primeRateMicroPct: inputs[i]!.primeRateMicroPct,
      dates: inputs[i]!.dates,
      dailyAccruedCents: inputs[i]!.dailyAbscCents,
    }));
    const exhaustions = capExhaustions(
      ledger.flatMap((m) =>
        m.dates.map((date, i) => ({
          date,
          accruedCents: m.dailyAccruedCents[i]!,
          allowedCents: m.dailyAllowedCents[i]!,
        })),
      ),
    );
    out.push({
      classKey,
      portfolioId,
      class: cls,
      portfolio: name,
      firstMonth,
      months: ledger,
      // FINRA 2341(d)(2): new gross sales make room again, so the state is the running exhaustion's
      exhaustedOn: exhaustions.find((e) => e.resumedOn === null)?.from ?? null,
      exhaustions,
    });
  }
  return out.sort((a, b) => compareNames(a.portfolio, b.portfolio) || compareNames(a.class, b.class));
}

/**
 * FINRA 2341(d)(2): deferred sales charges collected while the cap is exhausted are credited to
 * the fund. One wording for every query, so that a report gathering warnings from the fees and
 * from the ledger of the same months says it once.
 */
export function creditedToFundWarning(l: Pick<ClassCapLedger, 'portfolio' | 'class'>, cents: bigint): string {
  // Class B's are plan12b's own CDSCs: under warn they are paid as Earned CDSC (cdscCreditedToFund)
  if (l.class === LEDGER_CDSC_CLASS && capStopMode() === 'warn')
    return `${l.portfolio} class ${l.class}: ${formatCents(cents)} of deferred sales charges collected after the FINRA cap was exhausted are paid as Earned CDSC (PLAN12B_FINRA_CAP_STOP=warn); FINRA 2341(d)(2) would credit them to the fund`;
  return `${l.portfolio} class ${l.class}: ${formatCents(cents)} of deferred sales charges collected after the FINRA cap was exhausted are credited to the fund`;
}

/** The deferred sales charges the ledger credited to the fund in the months [fromMonth, toMonth]. */
export function creditedToFundBetween(l: ClassCapLedger, fromMonth: string, toMonth: string): bigint {
  return l.months
    .filter((m) => m.month >= fromMonth && m.month <= toMonth)
    .reduce((a, m) => a + m.deferredCreditedToFundCents, 0n);
}

/** Each day's ABSC the cap does not allow (accrued − allowed), by date, for days in [from, to]. */
export function abscCutByDate(ledger: ClassCapLedger, from: string, to: string): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const m of ledger.months)
    m.dates.forEach((date, i) => {
      if (date < from || date > to) return;
      const allowed = m.dailyAllowedCents[i]!;
      const cut = m.dailyAccruedCents[i]! - allowed;
      if (cut > 0n) out.set(date, cut);
    });
  return out;
}

/**
 * The fees' side of the cap (SPEC §10): for each class whose cap ledger cuts its ABSC within
 * [from, to], the cut per day — empty under PLAN12B_FINRA_CAP_STOP=warn — with a warning for every
 * affected class. A ledger that cannot be computed (no prime rate) leaves the fees as accrued, and
 * says so.
 */
export async function feesCapCuts(
  q: Queryable,
  registry: Registry,
  series: readonly ClassSeries[],
  from: string,
  to: string,
  warnings: string[],
  only?: { portfolioId?: string; class?: string },
): Promise<Map<string, Map<string, bigint>>> {
  const mode = capStopMode();
  let ledgers: ClassCapLedger[];
  try {
    // only the classes whose fees are asked for
    ledgers = await classCapLedgers(q, registry, series, monthOf(to), {
      ...only,
      classKeys: new Set(series.map((s) => s.classKey)),
    });
  } catch (e) {
    if (!(e instanceof Plan12bError) || e.code !== 'BAD_INPUT') throw e;
    warnings.push(`the FINRA 2341 cap ledger cannot be computed (${e.message}); no ABSC stopped — ${e.hint}`);
    return new Map();
  }
  const out = new Map<string, Map<string, bigint>>();
  for (const l of ledgers) {
    const cuts = abscCutByDate(l, from, to);
    let cutCents = 0n;
    for (const c of cuts.values()) cutCents += c;
    const credited = creditedToFundBetween(l, monthOf(from), monthOf(to));
    const who = `${l.portfolio} class ${l.class}`;
    // only the exhaustions that touch the days asked for: one that ended before them stops nothing
    const touching = l.exhaustions.filter(
      (e) => e.from <= to && (e.resumedOn === null || e.resumedOn > from),
    );
    if (cutCents > 0n)
      warnings.push(
        mode === 'stop'
          ? `${who}: the FINRA Rule 2341 aggregate cap was ${describeExhaustions(touching)}; the asset-based sales charge does not accrue while it is exhausted — ${formatCents(cutCents)} not accrued in ${from} … ${to} (\`plan12b finra-cap --class ${l.class}\`)`
          : `${who}: the FINRA Rule 2341 aggregate cap was ${describeExhaustions(touching)}; ${formatCents(cutCents)} of the asset-based sales charge in ${from} … ${to} is over the cap and still accrued (PLAN12B_FINRA_CAP_STOP=warn)`,
      );
    if (credited > 0n) warnings.push(creditedToFundWarning(l, credited));
    if (mode === 'stop' && cuts.size > 0) out.set(l.classKey, cuts);
  }
  return out;
}

/**
 * FINRA Rule 2341(d)(2) (SPEC §10; DOMAIN §3.4): a CDSC collected while a Class B portfolio's cap
 * is exhausted is credited to the fund, not paid as Earned CDSC. The ledger counts the month's
 * CDSCs against the room left after front-end charges; this assigns that room to the month's
 * CDSC pieces in the order they were collected (date, redemption, piece) and returns, per piece
 * (`txnId|lotId`), the cents credited to the fund, and their sum per portfolio. Empty where no
 * Class B gross sales are recorded (no cap ledger).
 *
 * DOMAIN §3.4 marks the crediting RECALLED, and the documents do not state it: Agreement
 * FOURTH(D) entitles the Distributor to the CDSC with no proviso, SEVENTH(B) subjects only the
 * asset-based sales charge to the NASD's rules. So it follows the cap's setting: under
 * PLAN12B_FINRA_CAP_STOP=warn `byPiece` is empty (every CDSC is paid as FOURTH(D) says) while
 * `byPortfolio` still names what the rule would credit to the fund, for the warning; `credited`
 * says which.
 */
export async function cdscCreditedToFund(
  q: Queryable,
  registry: Registry,
  /** the Class B classes' accrual input, loaded only where a cap ledger exists */
  series: () => Promise<readonly ClassSeries[]>,
  month: string,
  pieces: readonly { portfolio_id: string; txn_id: string; lot_id: string; cdsc: string }[],
): Promise<{ byPiece: Map<string, bigint>; byPortfolio: Map<string, bigint>; credited: boolean }> {
  const byPiece = new Map<string, bigint>();
  const byPortfolio = new Map<string, bigint>();
  const credited = capStopMode() === 'stop';
  if ((await loadGrossSales(q, { class: LEDGER_CDSC_CLASS })).length === 0)
    return { byPiece, byPortfolio, credited };
  const ledgers = await classCapLedgers(q, registry, await series(), month, { class: LEDGER_CDSC_CLASS });
  for (const l of ledgers) {
    const m = l.months.find((x) => x.month === month);
    if (m === undefined || m.deferredCreditedToFundCents === 0n) continue;
    const own = pieces.filter((p) => p.portfolio_id === l.portfolioId);
    const collected = own.reduce((s, p) => s + parseCents(p.cdsc), 0n);
    let room = collected - m.deferredCreditedToFundCents;
    for (const p of own) {
      const cents = parseCents(p.cdsc);
      const counted = cents <= room ? cents : room > 0n ? room : 0n;
      room -= counted;
      if (counted < cents && credited) byPiece.set(`${p.txn_id}|${p.lot_id}`, cents - counted);
    }
    byPortfolio.set(l.portfolioId, m.deferredCreditedToFundCents);
  }
  return { byPiece, byPortfolio, credited };
}
