import { sha256 } from '../audit/auditChain.js';
import { boardRateRecordDetail, boardRateRecordSubject } from '../audit/boardRateRecords.js';
import { monthOf } from '../calendar/isoDate.js';
import { requireDateOfNyseCalendar } from '../calendar/nyseCalendar.js';
import { Plan12bError } from '../errors.js';
import { classAAboveClassB, spanWords, twelveB1Words } from '../governance/conversionTargetClass.js';
import { normalizeRatePct } from '../money/rate.js';
import type { BoardRate } from '../registry/boardRate.js';
import { classResolver } from '../registry/classByName.js';
import { didYouMeanPortfolio } from '../registry/closestPortfolioName.js';
import { buildRegistry, type Registry } from '../registry/registry.js';
import { currentActor } from '../store/actor.js';
import { insertBoardRate, loadBoardRates } from '../store/boardRatesRepository.js';
import type { Database } from '../store/database.js';
import { loadGovernance } from '../store/governanceStore.js';
import { loadDocuments } from '../store/registryStore.js';
import { runStateChange } from './stateChange.js';
import { requirePrintableText } from './statedText.js';

/** What `rates set` answers: the rate as recorded, not as typed. */
export interface RecordedBoardRate {
  recorded: boolean;
  /** the name the portfolio bore on the rate's effective date: the name stored (SPEC §2) */
  portfolio: string;
  /** the class as recorded: as the documents spell it */
  class: string;
  /** the percentages as recorded (".7" is "0.70", SPEC §3) */
  distributionFeePct: string | null;
  serviceFeePct: string | null;
  /** days from which a later schedule's lower maxima set the rate aside (SPEC §2), one line each */
  warnings: string[];
}

/**
 * `plan12b rates set`: records a Board-set current rate (SPEC §2) through the state-change door,
 * with one audit record. Refused above the governing entry's maxima, on a day the class is not
 * covered, or when it would govern a day of a closed month; the same rate twice changes nothing.
 */
export async function setBoardRate(db: Database, rate: BoardRate): Promise<RecordedBoardRate> {
  requireDateOfNyseCalendar(rate.effectiveDate);
  if (rate.reason !== null) requirePrintableText(rate.reason, 'the reason');
  const stated: BoardRate = {
    ...rate,
    distributionFeePct: rate.distributionFeePct === null ? null : normalizeRatePct(rate.distributionFeePct),
    serviceFeePct: rate.serviceFeePct === null ? null : normalizeRatePct(rate.serviceFeePct),
  };
  return runStateChange<RecordedBoardRate>(db, 'rates.set', async (tx, closed) => {
    const rates = await loadBoardRates(tx);
    const documents = await loadDocuments(tx);
    const governance = await loadGovernance(tx);
    // the registry as every query derives it (approvals and terminations included): a rate is
    // checked against the instrument in force on its date — not a pending amendment's maxima
    const registry = buildRegistry(documents, rates, governance);
    // SPEC §2: the portfolio that bore the name on the rate's effective date (as the registry reads it)
    const pid = registry.identities.resolveOn(stated.portfolio, stated.effectiveDate);
    if (pid === undefined)
      throw new Plan12bError(
        'NOT_FOUND',
        `no portfolio has ever been named ${JSON.stringify(stated.portfolio)}`,
        `${didYouMeanPortfolio(registry.identities, stated.portfolio)}check the name, or import the exhibit that lists it`,
      );
    // the class in any case, as the feeds read it, recorded as the documents spell it
    const named = classResolver(registry)(stated.portfolio, stated.class, stated.effectiveDate);
    if (named.kind === 'unknown')
      throw new Plan12bError(
        'NOT_FOUND',
        named.reason,
        'check the class (`plan12b schedule --as-of DATE` lists the classes in force)',
      );
    const normal: BoardRate = { ...stated, class: named.class };
    const asRecorded = {
      portfolio: registry.identities.nameOn(pid, normal.effectiveDate),
      class: normal.class,
      distributionFeePct: normal.distributionFeePct,
      serviceFeePct: normal.serviceFeePct,
    };
    const why = registry.checkBoardRate(normal);
    if (why)
      throw new Plan12bError(
        'REFUSED',
        `rate refused: ${why}`,
        registry.governingOn(pid, normal.class, normal.effectiveDate)
          ? 'a Board may set rates at or below the schedule maxima only'
          : 'date the rate on a day an instrument covers the class (`plan12b schedule --as-of DATE` lists them)',
      );
    const same = rates.find(
      (r) =>
        registry.identities.resolveOn(r.portfolio, r.effectiveDate) === pid &&
        r.class === normal.class &&
        r.effectiveDate === normal.effectiveDate,
    );
    if (same) {
      const num = (v: string | null) => (v === null ? null : normalizeRatePct(v));
      if (
        num(same.distributionFeePct) === normal.distributionFeePct &&
        num(same.serviceFeePct) === normal.serviceFeePct
      )
        return {
          result: {
            recorded: false,
            ...asRecorded,
            warnings: setAsideWarnings(registry, pid, normal),
          },
          audit: null,
        };
      throw new Plan12bError(
        'CONFLICT',
        `a different Board-set rate is already recorded for ${normal.portfolio} class ${normal.class} effective ${normal.effectiveDate}`,
        'record the new rate with its own effective date; recorded rates are never edited',
      );
    }
    // SPEC §12: a closed month is locked. A rate governs from its date until the class's next
    // Board-set rate, so one dated before a closed month alters it as surely as one dated in it.
    const next = rates
      .filter(
        (r) =>
          registry.identities.resolveOn(r.portfolio, r.effectiveDate) === pid &&
          r.class === normal.class &&
          r.effectiveDate > normal.effectiveDate,
      )
      .map((r) => r.effectiveDate)
      .sort()[0];
    const closedMonth = [...closed.months]
      .filter((m) => m >= monthOf(normal.effectiveDate) && (next === undefined || `${m}-01` < next))
      .sort()[0];
    if (closedMonth !== undefined)
      throw new Plan12bError(
        'REFUSED',
        `${closedMonth} is closed; a rate effective ${normal.effectiveDate} would govern it and alter its sealed results`,
        `give the rate an effective date in an open month (after ${closed.latest}); nothing was written`,
      );
    await insertBoardRate(tx, {
      ...normal,
      portfolioNameThen: asRecorded.portfolio,
      recordedBy: currentActor(),
    });
    return {
      result: {
        recorded: true,
        ...asRecorded,
        warnings: afterRateWarnings(buildRegistry(documents, [...rates, normal], governance), pid, normal),
      },
      audit: {
        subject: boardRateRecordSubject(normal.portfolio, normal.class, normal.effectiveDate),
        contentHash: sha256(JSON.stringify(normal)),
        // what `audit verify` finds the stored rate by (src/audit/boardRateRecords.ts)
        detail: boardRateRecordDetail(normal),
      },
    };
  });
}

/**
 * What a recorded rate leaves to look at: where a later schedule sets it aside, and (a Class A or
 * B rate) the days from its date on which Class A's 12b-1 rates in force are above Class B's —
 * Class B converts into Class A (SPEC §6), and Rule 18f-3(f) (DOMAIN §4.3, RECALLED) lets shares
 * convert only into a class whose expenses are not higher: recorded, with a warning.
 */
function afterRateWarnings(registry: Registry, portfolioId: string, rate: BoardRate): string[] {
  const out = setAsideWarnings(registry, portfolioId, rate);
  if (!['A', 'B'].includes(rate.class.toUpperCase())) return out;
  for (const r of classAAboveClassB(registry, portfolioId))
    if (r.lastDay === null || r.lastDay >= rate.effectiveDate)
      out.push(
        `${registry.identities.nameOn(portfolioId, r.from)}: ${spanWords(r)} Class A's 12b-1 fees in force (${twelveB1Words(r.target)}) are higher than Class B's (${twelveB1Words(r.purchase)}), and Class B shares convert into Class A (SPEC §6); Rule 18f-3(f) lets shares convert only into a class whose expenses, 12b-1 payments included, are not higher (DOMAIN §4.3, RECALLED): recorded — if the rates are right, put the conversion terms (\`plan12b class-b-terms list\`) before the Board and counsel`,
      );
  return out;
}

/**
 * SPEC §2: a rate allowed on its date governs until the Board's next one; where a later schedule
 * version lowers the maxima below it, the schedule's rates apply from that version's date. An
 * import of that amendment after the rate warns so; setting the rate after the amendment says the
 * same (import order never changes the answer), in the words `fees` uses for those days.
 */
function setAsideWarnings(registry: Registry, portfolioId: string, rate: BoardRate): string[] {
  const mark = `the Board-set rate of ${rate.effectiveDate} `;
  const out: string[] = [];
  for (const g of registry.governing(portfolioId, rate.class))
    if (
      g.from >= rate.effectiveDate &&
      g.boardRateSetAside?.startsWith(mark) &&
      !out.some((w) => w.endsWith(g.boardRateSetAside!))
    )
      out.push(
        `${registry.identities.nameOn(portfolioId, g.from)} class ${rate.class}: from ${g.from}: ${g.boardRateSetAside}`,
      );
  return out;
}
