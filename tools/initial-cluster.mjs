// PostgreSQL's initial cluster for new embedded stores (src/store/initialCluster.ts): initdb run
// once in PGlite and its data folder kept as a tarball, made again only when the PGlite installed
// is not the one that made it (its version is kept beside the tarball).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const out = join('dist', 'initial-cluster', 'initdb.tar.gz');
const stamp = join('dist', 'initial-cluster', 'pglite.json');
const { version } = JSON.parse(
  readFileSync(join('node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
);
const made = existsSync(out) && existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')).version : null;
if (made !== version) {
  mkdirSync(dirname(out), { recursive: true });
  const db = await PGlite.create();
  const tarball = await db.dumpDataDir('gzip');
  await db.close();
  writeFileSync(`${out}.tmp`, Buffer.from(await tarball.arrayBuffer()));
  renameSync(`${out}.tmp`, out);
  writeFileSync(stamp, `${JSON.stringify({ version })}\n`);
}
