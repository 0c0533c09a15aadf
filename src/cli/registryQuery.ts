import { buildIdentity } from '../buildIdentity.js';
import type { GovernanceSettings } from '../governance/governanceSettings.js';
import { type BoardRate, boardRateAsShown } from '../registry/boardRate.js';
import type { Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { isServerUrl } from '../store/databaseTarget.js';
import { decodeRegistryInputs, type RegistryInputs, registryOfInputs } from '../store/registryInputs.js';
import { readRegistrySnapshotBody } from '../store/registrySnapshotFile.js';
import { type CliContext, withReadSnapshot } from './context.js';

/**
 * The registry's inputs for a query command (issue 13 item 4): from the registry snapshot beside
 * an embedded store when it is current (src/store/registrySnapshotFile.ts says when), so the
 * command answers without starting the embedded PostgreSQL; else read from the store, as before
 * (a server by URL, `plan12b serve`'s open store, a snapshot that does not hold, or
 * PLAN12B_REGISTRY_SNAPSHOT=off).
 */
export async function registryInputsFor(ctx: CliContext): Promise<RegistryInputs> {
  if (!ctx.lendStore && !isServerUrl(ctx.dbTarget) && process.env.PLAN12B_REGISTRY_SNAPSHOT !== 'off') {
    const body = readRegistrySnapshotBody(ctx.dbTarget, buildIdentity());
    if (body !== undefined) {
      try {
        return decodeRegistryInputs(body);
      } catch {}
    }
  }
  const { loadRegistryInputs } = await import('../store/registryStore.js');
  // No query server is started for this (src/store/onDemandServe.ts): this close stamps a fresh
  // snapshot, which answers the next registry query as fast as a server would, holding nothing.
  const { onDemandServeBin: _, ...withoutServer } = ctx;
  return withReadSnapshot(withoutServer, (q) => loadRegistryInputs(q));
}

/** The registry as recorded now, lapses judged as of today, with the documents and settings it comes from. */
export async function registryFor(
  ctx: CliContext,
): Promise<{ documents: StoredDocument[]; registry: Registry; settings: GovernanceSettings }> {
  return registryOfInputs(await registryInputsFor(ctx));
}

/** The Board-set rates as recorded (SPEC §2), in the order `rates list` prints them. */
export async function boardRatesFor(ctx: CliContext): Promise<readonly BoardRate[]> {
  return (await registryInputsFor(ctx)).rates.map(boardRateAsShown);
}
