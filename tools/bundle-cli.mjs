// Bundles the CLI into dist/cli/ (one file per command module, loaded on demand): a command
// resolves and compiles a handful of files at start instead of ~350 (Kysely alone ships 263
// modules). Libraries with files of their own beside the code (PGlite's WebAssembly, pdfkit's
// fonts), native or worker-thread parts (pg, pino) and the large ones only some commands use
// (exceljs, the HTTP stack) stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: [
    '@electric-sql/pglite',
    '@electric-sql/pglite/*',
    'pg',
    'pg-copy-streams',
    'pdfkit',
    'exceljs',
    'pino',
    'hono',
    'hono/*',
    '@hono/*',
    'playwright-core',
    '@duckdb/*',
  ],
  // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __plan12bCreateRequire } from 'node:module'; const require = __plan12bCreateRequire(import.meta.url);",
  },
});

// Which build this is (src/buildIdentity.ts): a CLI forwards a query only to a `plan12b serve`
// of the same build. The package version and a digest of every file of the bundle.
{
  const { createHash } = await import('node:crypto');
  const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const hash = createHash('sha256');
  for (const f of readdirSync('dist/cli')
    .filter((f) => f.endsWith('.js'))
    .sort())
    hash
      .update(f)
      .update('\0')
      .update(readFileSync(`dist/cli/${f}`))
      .update('\0');
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  writeFileSync(
    'dist/cli/build.json',
    `${JSON.stringify({ build: `${version}+${hash.digest('hex').slice(0, 16)}` })}\n`,
  );
}
