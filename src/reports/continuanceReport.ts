import type { GovernanceSettings } from '../governance/governanceSettings.js';
import type { Registry } from '../registry/registry.js';
import type { Queryable } from '../store/database.js';
import { registryOfInputs } from '../store/registryInputs.js';
import { loadRegistryInputs } from '../store/registryStore.js';
import { instrumentLabels } from './boardReportGovernance.js';

/**
 * `plan12b continuance --as-of D` (Plan §7; Agreement FOURTEENTH): every instrument with its next
 * deadline, the approval that met each past one, and lapses, each lapse as a warning. The CLI and
 * the API answer with this.
 */
export async function continuanceReport(q: Queryable, asOf: string) {
  // one read of the registry's inputs: the settings come with them
  const { registry, settings } = registryOfInputs(await loadRegistryInputs(q));
  return continuanceReportFrom(registry, settings, asOf);
}

/** The same from a registry already derived (the CLI's, from the registry snapshot) and the settings. */
export function continuanceReportFrom(registry: Registry, settings: GovernanceSettings, asOf: string) {
  const instruments = registry.continuance(asOf);
  const enforced = settings.enforceApprovals;
  const label = continuanceLabels(instruments);
  const warnings = instruments
    .filter((c) => c.status === 'lapsed')
    .map(
      (c) =>
        `${label(c)} lapsed: no continuance approval on or before ${c.periods.at(-1)!.deadline}; it ends on ${c.endsOn}${
          !enforced
            ? ' (approvals.enforce is false: fees are not stopped)'
            : c.kind === 'plan'
              ? ' and no fee under it is due from that day'
              : "; the Distributor's 12b-1 Share and Earned CDSC survive it (FIFTEENTH(B)): the fees continue"
        }`,
    );
  return { asOf, approvalsEnforced: enforced, instruments, warnings };
}

export const CONTINUANCE_CSV_COLUMNS = [
  'instrument',
  'kind',
  'status',
  'nextDeadline',
  'endsOn',
  'firstDeadline',
  'deadlinesMet',
  'lastApproval',
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
      endsOn: c.endsOn ?? '',
      firstDeadline: c.firstDeadline,
      deadlinesMet: met.length,
      lastApproval: met.at(-1)?.metBy?.meetingDate ?? '',
    };
  });
}
