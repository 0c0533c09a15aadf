import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A new embedded store starts from PostgreSQL's initial cluster, made once at build time
 * (tools/initial-cluster.mjs: `initdb` in PGlite, its data folder kept as a tarball) and loaded by
 * PGlite's own `loadDataDir`, the path PGlite itself takes for a store in memory. Running initdb
 * for every new store was ≈ 3–5 s of CPU (a second PostgreSQL and initdb's own WebAssembly),
 * most of `plan12b init`; loading the tarball costs ≈ 1–1.5 s. The tables are still made by the
 * migrations (src/store/migrations.ts), so what `init` reports and records is unchanged.
 *
 * No tarball (a tree not built, or PLAN12B_INITIAL_CLUSTER=initdb): PGlite runs initdb as before.
 */
export const INITIAL_CLUSTER_FILE = join('dist', 'initial-cluster', 'initdb.tar.gz');

/** The tarball to start a store from, or undefined to let PGlite run initdb. */
export function initialClusterFor(
  dataFolder: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Blob | undefined {
  if (env.PLAN12B_INITIAL_CLUSTER === 'initdb') return undefined;
  // a folder that already holds a cluster is opened, never loaded over
  if (dataFolder !== undefined && existsSync(join(dataFolder, 'PG_VERSION'))) return undefined;
  const root = packageRoot();
  if (root === undefined) return undefined;
  try {
    return new Blob([readFileSync(join(root, INITIAL_CLUSTER_FILE))]);
  } catch {
    return undefined;
  }
}

/** plan12b's folder (the one holding its package.json): src/store, dist/src/store or dist/cli lie below it. */
function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'plan12b') return dir;
      } catch {}
    }
    dir = dirname(dir);
  }
  return undefined;
}
