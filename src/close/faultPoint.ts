/**
 * Fault injection for the crash and race tests. $PLAN12B_FAULT names a point and what happens
 * there: `NAME` (or `NAME:hang`) stops making progress so a test can kill the process there;
 * `NAME:hold` waits until the process receives SIGUSR2, so that a test can run another command
 * while this one is held at a known point; `NAME:throw` throws an unexpected error (an injected
 * bug, which must surface as exit 70); `NAME:stall` leaves the command with nothing to wait on and
 * exit status 1 set, as PGlite does when its PostgreSQL exits under it (its `quit_` sets
 * process.exitCode and throws into a promise no one settles), so the process would end in silence.
 * Each point announces itself on stderr.
 */
export async function faultPoint(name: string): Promise<void> {
  const spec = process.env.PLAN12B_FAULT;
  if (!spec) return;
  const [point, mode = 'hang'] = spec.split(/:(?=hang$|hold$|throw$|stall$)/);
  if (point !== name) return;
  if (mode === 'throw') throw new Error(`injected fault at ${name}`);
  if (mode === 'stall') {
    process.stderr.write(`plan12b: fault point ${name} reached; stalling with exit status 1\n`);
    process.exitCode = 1;
    return new Promise<never>(() => {});
  }
  if (mode === 'hold') {
    // A signal listener does not keep Node's event loop alive: without a timer an embedded-store
    // process with nothing else pending would exit here, releasing its lock while "held".
    const keepAlive = setInterval(() => {}, 1 << 30);
    // Listening before the announcement: a test that sends SIGUSR2 as soon as it reads the line
    // must not find Node's default action (exit) still in place.
    const released = new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve()));
    process.stderr.write(`plan12b: fault point ${name} reached; holding until SIGUSR2\n`);
    await released;
    clearInterval(keepAlive);
    return;
  }
  process.stderr.write(`plan12b: fault point ${name} reached; waiting to be killed\n`);
  await new Promise<never>(() => {
    setInterval(() => {}, 1 << 30);
  });
}
