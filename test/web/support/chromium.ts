import { chromium } from 'playwright-core';

/** Debian's Chromium, installed by the project's own setup (tools/install-chromium.sh). */
export const CHROMIUM = process.env.PLAN12B_CHROMIUM ?? '/usr/bin/chromium';

/** How long a page step may wait on a loaded machine (no test fails for being slow). */
export const WAIT_MS = 300_000;

/** Chromium headless, as every dashboard test runs it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}
