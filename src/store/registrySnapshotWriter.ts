import { buildIdentity } from '../buildIdentity.js';
import type { Queryable } from './database.js';
import { storeSchemaIsThisBuilds } from './migrations.js';
import { encodeRegistryInputs } from './registryInputs.js';
import { registryInputsDigest } from './registryKey.js';
import {
  removeRegistrySnapshot,
  reusableSnapshotBody,
  writeRegistrySnapshot,
} from './registrySnapshotFile.js';
import { loadRegistryInputs } from './registryStore.js';

/**
 * The registry snapshot's part of closing an embedded store (src/store/registrySnapshotFile.ts):
 * read, while the store is still open, what the snapshot will hold — the inputs' key, and the
 * inputs themselves unless the snapshot on disk already holds them — and return what to do once
 * PGlite has closed the folder: write it with the folder's fingerprint then. Never throws: a
 * store whose inputs cannot be read (not migrated, say) loses its snapshot, and its readers open
 * the store as before.
 */
export async function registrySnapshotAtClose(q: Queryable, dbTarget: string): Promise<() => void> {
  const remove = () => removeRegistrySnapshot(dbTarget);
  const build = buildIdentity();
  if (build === undefined || process.env.PLAN12B_REGISTRY_SNAPSHOT === 'off') return remove;
  try {
    // a store of another build's schema (refused as newer by migrate) is read by no snapshot
    if (!(await storeSchemaIsThisBuilds(q))) return remove;
    const inputsKey = await registryInputsDigest(q);
    const body =
      reusableSnapshotBody(dbTarget, build, inputsKey) ?? encodeRegistryInputs(await loadRegistryInputs(q));
    return () => writeRegistrySnapshot(dbTarget, build, inputsKey, body);
  } catch {
    return remove;
  }
}
