import { GOVERNANCE_SETTING_KEYS } from '../governance/governanceSettings.js';
import type { Queryable } from '../store/database.js';
import { loadSettings } from '../store/settingsRepository.js';

/** One governance setting as `plan12b settings list` prints it. */
export interface GovernanceSettingRow {
  readonly key: string;
  readonly value: string;
  readonly default: string;
  readonly isDefault: boolean;
  readonly meaning: string;
}

/** The columns of `settings list --csv` (and its workbook), as the JSON names them. */
export const SETTING_COLUMNS = ['key', 'value', 'default', 'isDefault', 'meaning'] as const;

/** Every governance setting (approvals.enforce, continuance.*): its value, and whether it is the default. */
export async function governanceSettingRows(q: Queryable): Promise<GovernanceSettingRow[]> {
  const stored = await loadSettings(q);
  return Object.entries(GOVERNANCE_SETTING_KEYS).map(([key, s]) => ({
    key,
    value: stored.get(key) ?? s.default,
    default: s.default,
    isDefault: !stored.has(key),
    meaning: s.meaning,
  }));
}
