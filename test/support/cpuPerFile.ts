import { appendFileSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { foldersCopied } from './folderCopy.js';

// PLAN12B_TEST_CPU_LOG=FILE: one JSON line per test file — its wall time, this worker's CPU
// during it, the CPU of the child processes it waited for (/proc/self/stat cutime+cstime), the
// worker's live heap at its end (every full garbage collection costs more the larger it is), and
// the longest its worker's event loop was held (Vitest's worker fails the run with "Timeout
// calling onTaskUpdate" when it cannot answer for 60 s).
const log = process.env.PLAN12B_TEST_CPU_LOG;
function childrenMs(): number {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[13]) + Number(rest[14])) * 1000) / 100; // cutime, cstime (fields 16, 17), 100 Hz
}
if (log) {
  let t0 = 0;
  let c0 = process.cpuUsage();
  let k0 = 0;
  let f0 = 0;
  const loop = monitorEventLoopDelay({ resolution: 50 });
  // where the longest hold ended: the test running then (or "hooks" before the first)
  let current = 'hooks';
  let longest = { ms: 0, at: '' };
  let tick = performance.now();
  let ticker: ReturnType<typeof setInterval> | undefined;
  beforeEach((ctx) => {
    current = ctx.task.name;
  });
  beforeAll(() => {
    loop.reset();
    loop.enable();
    longest = { ms: 0, at: '' };
    tick = performance.now();
    ticker = setInterval(() => {
      const now = performance.now();
      if (now - tick > longest.ms) longest = { ms: Math.round(now - tick), at: current };
      tick = now;
    }, 100);
    ticker.unref();
    t0 = performance.now();
    c0 = process.cpuUsage();
    k0 = childrenMs();
    f0 = foldersCopied();
  });
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a hook's fixtures from its first parameter's pattern (it must be one); the suite is the second
  afterAll(({}, suite) => {
    const c = process.cpuUsage(c0);
    loop.disable();
    clearInterval(ticker);
    appendFileSync(
      log,
      `${JSON.stringify({
        file: 'filepath' in suite ? suite.filepath : suite.name,
        wallMs: Math.round(performance.now() - t0),
        cpuMs: Math.round((c.user + c.system) / 1000),
        sysMs: Math.round(c.system / 1000),
        folderCopies: foldersCopied() - f0,
        heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
        childMs: Math.round(childrenMs() - k0),
        loopHeldMaxMs: Math.round(loop.max / 1e6),
        longestHoldDuring: longest.at,
      })}\n`,
    );
  });
}
