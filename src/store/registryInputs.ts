import type { Approval } from '../governance/approval.js';
import { type GovernanceSettings, governanceSettingsOf } from '../governance/governanceSettings.js';
import type { Termination } from '../governance/termination.js';
import type { BoardRate } from '../registry/boardRate.js';
import { buildRegistry, type Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { todayIso } from './today.js';

/**
 * What the registry is derived from (SPEC §2; issue 12): the documents not withdrawn, the
 * Board-set rates, and governance's approvals, terminations and settings, as recorded. The one
 * derivation (`registryOfInputs`) serves the store's readers and the registry snapshot beside an
 * embedded store (src/store/registrySnapshotFile.ts) alike. No store imports here: a query
 * answered from the snapshot loads neither PGlite nor Kysely.
 */
export interface RegistryInputs {
  readonly documents: readonly StoredDocument[];
  readonly rates: readonly BoardRate[];
  readonly approvals: readonly Approval[];
  readonly terminations: readonly Termination[];
  /** the governance settings recorded (key, value), defaults not filled in */
  readonly settings: readonly (readonly [string, string])[];
}

/** The registry of the inputs, lapses judged as of `today` (issue 12), with its documents. */
export function registryOfInputs(
  inputs: RegistryInputs,
  today: string = todayIso(),
): { documents: StoredDocument[]; registry: Registry; settings: GovernanceSettings } {
  const documents = [...inputs.documents];
  const settings = governanceSettingsOf(new Map(inputs.settings));
  const governance = { approvals: inputs.approvals, terminations: inputs.terminations, settings, today };
  return { documents, registry: buildRegistry(documents, inputs.rates, governance), settings };
}

/** A bigint in the text (share units of a shareholder vote): JSON has no integers past 2^53. */
const BIGINT_TAG = '$bigint';

/** The inputs as JSON text; `decodeRegistryInputs` gives back equal values, bigints included. */
export function encodeRegistryInputs(inputs: RegistryInputs): string {
  return JSON.stringify(inputs, (_k, v) => (typeof v === 'bigint' ? { [BIGINT_TAG]: v.toString() } : v));
}

export function decodeRegistryInputs(text: string): RegistryInputs {
  return JSON.parse(text, (_k, v) =>
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof v[BIGINT_TAG] === 'string' &&
    Object.keys(v).length === 1
      ? BigInt(v[BIGINT_TAG])
      : v,
  ) as RegistryInputs;
}
