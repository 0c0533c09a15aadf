import type { Approval } from './approval.js';
import { DEFAULT_GOVERNANCE_SETTINGS, type GovernanceSettings } from './governanceSettings.js';
import type { Termination } from './termination.js';

/** What the registry needs of governance (issue 12): the settings and every recorded approval and termination. */
export interface GovernanceRecords {
  readonly settings: GovernanceSettings;
  readonly approvals: readonly Approval[];
  readonly terminations: readonly Termination[];
  /** the day continuance is judged on: a deadline not yet passed is not missed */
  readonly today: string;
}

export const NO_GOVERNANCE: GovernanceRecords = Object.freeze({
  settings: DEFAULT_GOVERNANCE_SETTINGS,
  approvals: [],
  terminations: [],
  today: '9999-12-31',
});
