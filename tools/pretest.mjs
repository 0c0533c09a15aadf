// `npm test`'s steps before Vitest — every command of `npm run build`, `npm run typecheck` and
// `npm run lint` — run side by side: none reads what another writes (the build's four write
// dist/src + dist/bench, dist/cli, dist/initial-cluster and web/dist, from the sources (the last but one from PGlite); the others only read the
// sources), and each spends part of its time starting up or on one core. Each command's output is
// printed whole when all have ended, with its time; the exit code is the first failed one's (1 if
// it died by a signal).
// The same commands as the package.json scripts they stand for (docs/PERFORMANCE.md, the suite).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;

/** A script's commands in order (`a && b && c`), each run by the shell as npm would run it. */
function commandsOf(name) {
  return scripts[name].split('&&').map((c) => c.trim());
}

function run(command) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}` },
    });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    child.on('close', (code, signal) =>
      resolve({ command, code: code ?? (signal ? 1 : 0), seconds: (performance.now() - t0) / 1000, out }),
    );
  });
}

const runs = await Promise.all(
  ['build', 'typecheck', 'lint'].flatMap((name) =>
    commandsOf(name).map(async (c) => ({ name, ...(await run(c)) })),
  ),
);
let exit = 0;
for (const r of runs) {
  process.stdout.write(
    `> ${r.name}: ${r.command} (${r.seconds.toFixed(1)} s${r.code === 0 ? '' : `, exit ${r.code}`})\n`,
  );
  const text = Buffer.concat(r.out).toString();
  if (text.trim() !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (r.code !== 0 && exit === 0) exit = r.code;
}
process.exit(exit);
