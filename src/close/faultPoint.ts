/**
 * Fault injection for the crash tests of the month close: when $PLAN12B_FAULT names this point,
 * the process announces it on stderr and stops making progress, so a test can kill it there
 * (SPEC §12: a crash or kill at any point of a close leaves the month open).
 */
export async function faultPoint(name: string): Promise<void> {
  if (process.env.PLAN12B_FAULT !== name) return;
  process.stderr.write(`plan12b: fault point ${name} reached; waiting to be killed\n`);
  await new Promise<never>(() => {
    setInterval(() => {}, 1 << 30);
  });
}
