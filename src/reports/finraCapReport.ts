import { monthEnd } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import type { CapExhaustion } from '../governance/capExhaustion.js';
import {
  abscMonthsCoveredTenths,
  CAP_RUNWAY_WARNING_MONTHS,
  capRunwayShort,
  formatTenths,
} from '../governance/capRunway.js';
import { LEDGER_CDSC_CLASS } from '../governance/finraAggregateCap.js';
import { grossSalesExclusionDoubt } from '../governance/grossSalesExclusions.js';
import { formatCents, parseCents } from '../money/cents.js';
import { formatRatePct } from '../money/rate.js';
import { askedClass } from '../registry/askedClass.js';
import { didYouMeanPortfolio } from '../registry/closestPortfolioName.js';
import type { Queryable } from '../store/database.js';
import { classBIssuanceByMonth } from '../store/finraCapRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { loadClassSeries } from './feesReport.js';
import {
  type ClassCapLedger,
  capStopMode,
  classCapLedgers,
  creditedToFundWarning,
} from './finraCapLedger.js';

/** One month of `plan12b finra-cap` (FINRA Rule 2341(d)(2); SPEC §10). Money as decimal strings. */
export interface FinraCapMonthRow {
  readonly portfolio: string;
  readonly class: string;
  readonly month: string;
  readonly opening: string;
  readonly newGrossSales: string;
  /** 6.25 with a service fee, 7.25 without */
  readonly capPct: string;
  readonly capAddition: string;
  readonly primeRatePct: string;
  readonly interest: string;
  /** front-end and deferred sales charges counted against the cap */
  readonly frontEndAndDeferred: string;
  readonly deferredCreditedToFund: string;
  readonly abscAccrued: string;
  readonly abscAllowed: string;
  readonly abscNotAccrued: string;
  readonly remaining: string;
  readonly exhausted: boolean;
}

export interface FinraCapClass {
  readonly portfolio: string;
  readonly class: string;
  readonly firstMonth: string;
  readonly remaining: string;
  readonly exhausted: boolean;
  /**
   * the first day of the exhaustion still running at the end of `through` (the ABSC stopped since
   * then), or null when it is not exhausted or new gross sales made room again
   */
  readonly exhaustedOn: string | null;
  /** every exhaustion, oldest first: from the first day the cap cut the ABSC to the day it accrued in full again (null: still running) */
  readonly exhaustions: readonly CapExhaustion[];
  /**
   * the months of ABSC the remaining amount covers at the last month's ABSC, to a tenth ("2.5"),
   * without new gross sales; null when the cap is exhausted or the month accrued no ABSC
   */
  readonly abscMonthsCovered: string | null;
}

export interface FinraCapReport {
  readonly class: string;
  readonly through: string;
  /** stop | warn (PLAN12B_FINRA_CAP_STOP) */
  readonly abscStop: string;
  readonly classes: FinraCapClass[];
  readonly months: FinraCapMonthRow[];
  readonly warnings: string[];
}

export const FINRA_CAP_COLUMNS = [
  'portfolio',
  'class',
  'month',
  'opening',
  'newGrossSales',
  'capPct',
  'capAddition',
  'primeRatePct',
  'interest',
  'frontEndAndDeferred',
  'deferredCreditedToFund',
  'abscAccrued',
  'abscAllowed',
  'abscNotAccrued',
  'remaining',
  'exhausted',
] as const;

export function capLedgerRows(l: ClassCapLedger): FinraCapMonthRow[] {
  return l.months.map((m) => ({
    portfolio: l.portfolio,
    class: l.class,
    month: m.month,
    opening: formatCents(m.openingCents),
    newGrossSales: formatCents(m.newGrossSalesCents),
    capPct: formatRatePct(m.capPctMicro),
    capAddition: formatCents(m.capAdditionCents),
    primeRatePct: formatRatePct(m.primeRateMicroPct),
    interest: formatCents(m.interestCents),
    frontEndAndDeferred: formatCents(m.frontEndAndDeferredCents),
    deferredCreditedToFund: formatCents(m.deferredCreditedToFundCents),
    abscAccrued: formatCents(m.abscAccruedCents),
    abscAllowed: formatCents(m.abscAllowedCents),
    abscNotAccrued: formatCents(m.abscAccruedCents - m.abscAllowedCents),
    remaining: formatCents(m.closingCents),
    exhausted: m.exhausted,
  }));
}

export function capClassStatus(l: ClassCapLedger): FinraCapClass {
  const last = l.months.at(-1);
  const covered = last ? abscMonthsCoveredTenths(last.closingCents, last.abscAccruedCents) : null;
  return {
    portfolio: l.portfolio,
    class: l.class,
    firstMonth: l.firstMonth,
    remaining: formatCents(last?.closingCents ?? 0n),
    exhausted: last?.exhausted ?? false,
    exhaustedOn: l.exhaustedOn,
    exhaustions: l.exhaustions,
    abscMonthsCovered: covered === null ? null : formatTenths(covered),
  };
}

/** The warnings a cap ledger gives every query it affects. */
export function capWarnings(l: ClassCapLedger): string[] {
  const out: string[] = [];
  const who = `${l.portfolio} class ${l.class}`;
  // FINRA 2341(d)(2): new gross sales make room again, so each exhaustion is told with its end
  for (const e of l.exhaustions)
    out.push(
      e.resumedOn === null
        ? capStopMode() === 'stop'
          ? `${who}: the FINRA Rule 2341 aggregate cap was exhausted on ${e.from}; the asset-based sales charge stops accruing from then`
          : `${who}: the FINRA Rule 2341 aggregate cap was exhausted on ${e.from}; the asset-based sales charge is still accrued (PLAN12B_FINRA_CAP_STOP=warn)`
        : capStopMode() === 'stop'
          ? `${who}: the FINRA Rule 2341 aggregate cap was exhausted on ${e.from}; the asset-based sales charge stopped accruing from then until new gross sales made room: it accrued again from ${e.resumedOn}`
          : `${who}: the FINRA Rule 2341 aggregate cap was exhausted from ${e.from} until ${e.resumedOn}, when new gross sales made room; the asset-based sales charge over the cap was still accrued (PLAN12B_FINRA_CAP_STOP=warn)`,
    );
  const credited = l.months.reduce((a, m) => a + m.deferredCreditedToFundCents, 0n);
  if (credited > 0n) out.push(creditedToFundWarning(l, credited));
  // DOMAIN §9: the ABSC about to stop is told before it stops
  const last = l.months.at(-1);
  if (last && capRunwayShort(last.closingCents, last.abscAccruedCents))
    out.push(
      `${who}: the FINRA Rule 2341 remaining amount at the end of ${last.month}, ${formatCents(last.closingCents)}, covers ${formatTenths(abscMonthsCoveredTenths(last.closingCents, last.abscAccruedCents)!)} months of the asset-based sales charge at ${last.month}'s (${formatCents(last.abscAccruedCents)}), fewer than ${CAP_RUNWAY_WARNING_MONTHS}: without new gross sales the charge stops accruing when it is used up`,
    );
  return out;
}

/**
 * `plan12b finra-cap --class C [--portfolio P] --through YYYY-MM` (SPEC §10): the aggregate cap
 * ledger of the class in every portfolio (or one), month by month from its first gross sales.
 */
export async function finraCapReport(
  q: Queryable,
  query: { class: string; portfolio?: string; through: string },
): Promise<FinraCapReport> {
  const registry = await loadRegistry(q);
  const warnings: string[] = [];
  // SPEC §2: a name handed from one portfolio to another is read as of the end of `through`, as
  // the class series below reads it (and warns)
  const portfolioId =
    query.portfolio === undefined
      ? undefined
      : registry.identities.resolveOn(query.portfolio, monthEnd(query.through));
  if (query.portfolio !== undefined && portfolioId === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `no portfolio has ever been named ${JSON.stringify(query.portfolio)}`,
      `${didYouMeanPortfolio(registry.identities, query.portfolio)}check the name (\`plan12b portfolio history NAME\`)`,
    );
  const cls = askedClass(registry, query.class);
  const series = await loadClassSeries(
    q,
    registry,
    { to: monthEnd(query.through), ...(query.portfolio ? { portfolio: query.portfolio } : {}), class: cls },
    warnings,
  );
  const ledgers = await classCapLedgers(q, registry, series, query.through, {
    class: cls,
    ...(portfolioId === undefined ? {} : { portfolioId }),
  });
  // the portfolio by the name it bore at the end of `through` (the one asked for), not as typed
  if (ledgers.length === 0)
    warnings.push(
      `no gross sales recorded for class ${cls}${portfolioId === undefined ? '' : ` of ${registry.identities.nameOn(portfolioId, monthEnd(query.through))}`} through ${query.through}: no cap ledger (import them with \`plan12b gross-sales import FILE.csv\`)`,
    );
  // FINRA 2341(d)(2): Class B's fed gross sales beside the purchases the transactions record
  if (cls === LEDGER_CDSC_CLASS) warnings.push(...(await classBGrossSalesDoubts(q, ledgers, query.through)));
  return {
    class: cls,
    through: query.through,
    abscStop: capStopMode(),
    classes: ledgers.map(capClassStatus),
    months: ledgers.flatMap(capLedgerRows),
    warnings: [...warnings, ...ledgers.flatMap(capWarnings)],
  };
}

/**
 * The months of Class B cap ledgers whose fed gross sales are not the purchases the transaction
 * feed records (grossSalesExclusionDoubt). A portfolio with no issuance recorded over its ledger's
 * months is not compared: its transfer-agent activity is not imported.
 */
async function classBGrossSalesDoubts(
  q: Queryable,
  ledgers: readonly ClassCapLedger[],
  through: string,
): Promise<string[]> {
  if (ledgers.length === 0) return [];
  const first = ledgers.map((l) => l.firstMonth).sort()[0]!;
  const issued = await classBIssuanceByMonth(
    q,
    ledgers.map((l) => l.portfolioId),
    first,
    through,
  );
  const out: string[] = [];
  for (const l of ledgers) {
    const own = issued.filter((r) => r.portfolioId === l.portfolioId && r.month >= l.firstMonth);
    if (own.length === 0) continue;
    const of = (month: string, type: string) =>
      own.filter((r) => r.month === month && r.type === type).reduce((a, r) => a + parseCents(r.amount), 0n);
    for (const m of l.months) {
      const doubt = grossSalesExclusionDoubt({
        portfolio: l.portfolio,
        class: l.class,
        month: m.month,
        fedCents: m.newGrossSalesCents,
        purchasesCents: of(m.month, 'purchase'),
        reinvestCents: of(m.month, 'reinvest'),
        exchangeInCents: of(m.month, 'exchange_in'),
      });
      if (doubt !== null) out.push(doubt);
    }
  }
  return out;
}
