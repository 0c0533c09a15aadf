import { sha256 } from '../audit/auditChain.js';
import { Plan12bError } from '../errors.js';
import {
  GOVERNANCE_SETTING_KEYS,
  governanceSettingsOf,
  isGovernanceSettingKey,
} from '../governance/governanceSettings.js';
import { closedPeriodChange } from '../registry/closedPeriodChange.js';
import { buildRegistry } from '../registry/registry.js';
import { currentActor } from '../store/actor.js';
import type { Database } from '../store/database.js';
import { loadGrossSales } from '../store/finraCapRepository.js';
import { loadGovernance } from '../store/governanceStore.js';
import { loadBoardRates, loadDocuments } from '../store/registryStore.js';
import { saveSetting } from '../store/settingsRepository.js';
import { runStateChange } from './stateChange.js';

/**
 * `plan12b settings set KEY VALUE` (issue 12): one governance setting, through the state-change
 * door. Refused when it would change what governed in a closed month (turning enforcement on
 * where a closed month's fees came from an amendment never approved, for instance).
 */
export async function setGovernanceSetting(
  db: Database,
  key: string,
  value: string,
): Promise<{ key: string; value: string; changed: boolean }> {
  if (!isGovernanceSettingKey(key))
    throw new Plan12bError(
      'USAGE',
      `unknown setting ${JSON.stringify(key)}`,
      `the settings are: ${Object.keys(GOVERNANCE_SETTING_KEYS).join(', ')}`,
    );
  const parsed = GOVERNANCE_SETTING_KEYS[key].parse(value);
  if (typeof parsed !== 'string')
    throw new Plan12bError(
      'BAD_INPUT',
      `${key}: ${parsed.problem}`,
      `nothing was written; \`plan12b settings list\` shows each setting and its value`,
    );
  return runStateChange<{ key: string; value: string; changed: boolean }>(
    db,
    'settings.set',
    async (tx, closed) => {
      const documents = await loadDocuments(tx);
      const rates = await loadBoardRates(tx);
      const governance = await loadGovernance(tx);
      const stored = new Map<string, string>();
      const s = governance.settings;
      // The stored text of every setting now, as governanceSettingsOf reads it back.
      stored.set('approvals.enforce', String(s.enforceApprovals));
      stored.set('continuance.basis', s.continuanceBasis);
      stored.set('continuance.plan-first-deadline', s.planFirstDeadline);
      stored.set('continuance.agreement-first-deadline', s.agreementFirstDeadline);
      stored.set('finra-cap.interest-spread', s.finraInterestSpreadPct);
      stored.set('finra-cap.interest-day-basis', String(s.finraInterestDayBasis));
      if (stored.get(key) === parsed) return { result: { key, value: parsed, changed: false }, audit: null };
      // The cap's interest changes every ledger month from the first with a positive opening: a
      // ledger reaching into a closed month would change the ABSC allowed there (SPEC §12)
      if (key.startsWith('finra-cap.') && closed.latest !== null) {
        const first = (await loadGrossSales(tx)).find((r) => r.month <= closed.latest!);
        if (first !== undefined)
          throw new Plan12bError(
            'REFUSED',
            `${closed.latest} is closed and the FINRA cap ledger runs through it (gross sales from ${first.month}): ${key} = ${parsed} would change its interest, and the ABSC the cap allowed, in closed months`,
            'the setting can change only before the first month with gross sales is closed',
          );
      }
      const next = new Map(stored).set(key, parsed);
      const before = buildRegistry(documents, rates, governance);
      const after = buildRegistry(documents, rates, { ...governance, settings: governanceSettingsOf(next) });
      const hit = closedPeriodChange(before, after, closed.months);
      if (hit)
        throw new Plan12bError(
          'REFUSED',
          `${hit.month} is closed: ${key} = ${parsed} would change what governed ${hit.portfolio} class ${hit.class} on ${hit.day} (${hit.before} → ${hit.after})`,
          'record the approvals that governed the closed months first (`plan12b approvals import`), then set it again',
        );
      await saveSetting(tx, key, parsed, currentActor());
      return {
        result: { key, value: parsed, changed: true },
        audit: { subject: key, contentHash: sha256(`${key}=${parsed}`), detail: `${key} = ${parsed}` },
      };
    },
  );
}
