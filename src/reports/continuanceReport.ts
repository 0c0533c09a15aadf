import type { GovernanceSettings } from '../governance/governanceSettings.js';
import type { Registry } from '../registry/registry.js';
import type { Queryable } from '../store/database.js';
import { registryOfInputs } from '../store/registryInputs.js';
import { loadRegistryInputs } from '../store/registryStore.js';

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
  const warnings = instruments
    .filter((c) => c.status === 'lapsed')
    .map(
      (c) =>
        `${c.instrument} lapsed: no continuance approval on or before ${c.periods.at(-1)!.deadline}; it ends on ${c.endsOn}${
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

/** Each instrument's line of `continuance --csv`: its status, next deadline and the deadlines met. */
export function continuanceCsvRows(report: Awaited<ReturnType<typeof continuanceReport>>) {
  return report.instruments.map((c) => {
    const met = c.periods.filter((p) => p.metBy !== null);
    return {
      instrument: c.instrument,
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
