import type { GovernanceSettings } from '../governance/governanceSettings.js';
import { portfolioGroups, portfoliosListedOn } from '../governance/portfolioContinuanceGroups.js';
import type { Registry } from '../registry/registry.js';
import { classFirstSales } from '../store/classFirstSales.js';
import type { Queryable } from '../store/database.js';
import { registryOfInputs } from '../store/registryInputs.js';
import { loadRegistryInputs } from '../store/registryStore.js';
import { instrumentLabels } from './boardReportGovernance.js';
import { planShareholderApprovalWarnings } from './planShareholderApprovalWarnings.js';

/**
 * `plan12b continuance --as-of D` (Plan §7; Agreement FOURTEENTH): every instrument with its next
 * deadline, the approval that met each past one, and lapses, each lapse as a warning; an Agreement
 * with each of its Portfolios (continued per Portfolio); and, as the board report tells them, the
 * Plans that took effect for a class after its first sale without (or before) the class's
 * shareholder vote (Rule 12b-1(b)(1)). The CLI and the API answer with this, inside their one read
 * snapshot (`q`): the first sales are in the feeds, not among the registry's inputs.
 */
export async function continuanceReport(q: Queryable, asOf: string) {
  // one read of the registry's inputs: the settings come with them
  const { registry, settings } = registryOfInputs(await loadRegistryInputs(q));
  return continuanceReportFrom(registry, settings, asOf, await classFirstSales(q));
}

/**
 * The same from a registry already derived, the settings and each class's first sale
 * (store/classFirstSales.ts, keyed by `classSaleKey`).
 */
export function continuanceReportFrom(
  registry: Registry,
  settings: GovernanceSettings,
  asOf: string,
  firstSales: ReadonlyMap<string, string>,
) {
  const instruments = registry.continuance(asOf);
  const enforced = settings.enforceApprovals;
  const label = continuanceLabels(instruments);
  const consequence = (kind: 'plan' | 'agreement') =>
    !enforced
      ? ' (approvals.enforce is false: fees are not stopped)'
      : kind === 'plan'
        ? ' and no fee under it is due from that day'
        : "; the Distributor's 12b-1 Share and Earned CDSC survive it (FIFTEENTH(B)): the fees continue";
  const warnings: string[] = [];
  for (const c of instruments) {
    if (c.portfolios === null) {
      if (c.status === 'lapsed')
        warnings.push(
          `${label(c)} lapsed: no continuance approval on or before ${c.missedDeadline}; it ends on ${c.endsOn}${consequence(c.kind)}`,
        );
      continue;
    }
    // Agreement FOURTEENTH: continued per Portfolio; one warning per missed deadline and end date
    const current = portfoliosListedOn(c.portfolios, asOf);
    const lapsed = portfolioGroups(current, (p) =>
      p.status === 'lapsed' ? `${p.periods.at(-1)!.deadline}|${p.endsOn}` : null,
    ).map((g) => ({ deadline: g.first.periods.at(-1)!.deadline, endsOn: g.first.endsOn!, names: g.names }));
    for (const g of lapsed.sort((a, b) => (a.endsOn < b.endsOn ? -1 : 1)))
      warnings.push(
        `${label(c)} lapsed for ${g.names.length === current.length ? `every one of its ${current.length} portfolios` : `${g.names.length} of its ${current.length} portfolios (${g.names.join(', ')})`}: no continuance approval for ${g.names.length === 1 ? 'it' : 'them'} on or before ${g.deadline} (FOURTEENTH: by the Board, or by the Portfolio's Class B shareholders with a majority of the Dis-interested Trustees); it ends for ${g.names.length === 1 ? 'it' : 'them'} on ${g.endsOn}${consequence(c.kind)}`,
      );
  }
  // Rule 12b-1(b)(3)(i) "at least annually"; DOMAIN §9 "last annual continuance date → alert if
  // > 1 year": in force year by year, but the last vote is more than a year old
  for (const c of instruments)
    if (
      c.status === 'in force' &&
      c.nextDeadline !== null &&
      c.annualVoteBy !== null &&
      asOf > c.annualVoteBy
    )
      warnings.push(
        `${label(c)}: its last continuance vote was ${c.lastContinuanceVote}, more than a year before ${asOf}; Rule 12b-1(b)(3)(i) asks for its continuance to be approved at least annually (DOMAIN §9), though its deadline ${c.nextDeadline} (from year to year) is still ahead`,
      );
  // Rule 12b-1(b)(1): a Plan in effect by the as-of date that took effect for a class after its
  // first sale needs the class's shareholder vote before it is implemented (as the board report)
  warnings.push(...planShareholderApprovalWarnings(registry, asOf, firstSales));
  return { asOf, approvalsEnforced: enforced, instruments, warnings };
}

export const CONTINUANCE_CSV_COLUMNS = [
  'instrument',
  'kind',
  'status',
  'nextDeadline',
  'nextDeadlineSource',
  'endsOn',
  'firstDeadline',
  'firstDeadlineSource',
  'deadlinesMet',
  'lastApproval',
  'portfolios',
  'portfoliosLapsed',
  'supersededBy',
  'supersededFrom',
] as const;

/**
 * How each instrument is named in the lines: its title, with its classes where another instrument
 * has the same title (the Class K and Class R "Amended and Restated Master Distribution Plan"), and
 * its Registrant where the classes do not tell them apart either (each trust’s 2019 "Service Plan").
 */
function continuanceLabels(
  instruments: readonly { instrument: string; instrumentKey: string; registrant: string | null }[],
): (c: { instrument: string; instrumentKey: string; registrant: string | null }) => string {
  const count = new Map<string, number>();
  for (const c of instruments) count.set(c.instrument, (count.get(c.instrument) ?? 0) + 1);
  const labelled = instrumentLabels(instruments);
  return (c) => ((count.get(c.instrument) ?? 0) > 1 ? labelled(c) : c.instrument);
}

/** Each instrument's line of `continuance --csv`: its status, next deadline and the deadlines met. */
export function continuanceCsvRows(report: Awaited<ReturnType<typeof continuanceReport>>) {
  const label = continuanceLabels(report.instruments);
  return report.instruments.map((c) => {
    const met = c.periods.filter((p) => p.metBy !== null);
    return {
      instrument: label(c),
      kind: c.kind,
      status: c.status,
      nextDeadline: c.nextDeadline ?? '',
      // where the next deadline comes from (continuanceDeadlineSource.ts): document, rule, setting,
      // anniversary or last-approval; an Agreement: its Portfolio whose deadline comes first
      nextDeadlineSource: c.nextDeadlineSource ?? '',
      endsOn: c.endsOn ?? '',
      firstDeadline: c.firstDeadline,
      // document (its text's date), rule (Rule 12b-1(b)(3)(i): a year after its adoption) or setting
      firstDeadlineSource: c.firstDeadlineSource,
      deadlinesMet: met.length,
      lastApproval: met.at(-1)?.metBy?.meetingDate ?? '',
      // an Agreement (FOURTEENTH, per Portfolio): the Portfolios it lists on the date, how many lapsed
      portfolios: c.portfolios === null ? '' : portfoliosListedOn(c.portfolios, report.asOf).length,
      portfoliosLapsed: c.lapsedPortfolios ?? '',
      // the Amended and Restated instrument that takes its place: no deadline from that day
      supersededBy: c.supersededBy?.instrument ?? '',
      supersededFrom: c.supersededBy?.from ?? '',
    };
  });
}
