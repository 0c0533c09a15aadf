import { governanceSettingsOf } from '../governance/governanceSettings.js';
import type { Queryable } from '../store/database.js';
import { continuanceStatus } from '../store/governanceStore.js';
import { loadSettings } from '../store/settingsRepository.js';

/**
 * `plan12b continuance --as-of D` (Plan §7; Agreement FOURTEENTH): every instrument with its next
 * deadline, the approval that met each past one, and lapses, each lapse as a warning. The CLI and
 * the API answer with this.
 */
export async function continuanceReport(q: Queryable, asOf: string) {
  const instruments = await continuanceStatus(q, asOf);
  const enforced = governanceSettingsOf(await loadSettings(q)).enforceApprovals;
  const warnings = instruments
    .filter((c) => c.status === 'lapsed')
    .map(
      (c) =>
        `${c.instrument} lapsed: no continuance approval on or before ${c.periods.at(-1)!.deadline}; it ends on ${c.endsOn}${enforced ? ' and no fee under it is due from that day' : ' (approvals.enforce is false: fees are not stopped)'}`,
    );
  return { asOf, approvalsEnforced: enforced, instruments, warnings };
}
