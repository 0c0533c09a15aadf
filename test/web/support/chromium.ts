import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, installed by the project's own setup (tools/install-chromium.sh). */
export const CHROMIUM = process.env.PLAN12B_CHROMIUM ?? '/usr/bin/chromium';

/** How long a page step may wait on a loaded machine (no test fails for being slow). */
export const WAIT_MS = 300_000;

/** Chromium headless, as every dashboard test runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * This worker's Chromium: launched by the first dashboard file the worker runs and kept for the
 * next ones (a worker runs file after file in one process, vitest.config.ts `isolate: false`), not
 * a launch and a close per file (~2 s of CPU, Chromium's and the worker's, on session 53's
 * machine). What a file sees is the same: `browser.newPage()` gives each page a context of its own
 * (its own storage, cookies and downloads), and {@link releaseChromium} closes the file's contexts
 * when it ends. Playwright ends the browser when the worker's process exits, and Chromium ends
 * when the pipe to it closes.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => {
        shared = undefined;
      });
      return browser;
    },
    (e: unknown) => {
      shared = undefined;
      throw e;
    },
  );
  return shared;
}

/**
 * A file's end: every page it opened closed with its context (a worker runs one file at a time,
 * so every context open now is this file's); the browser stays for the worker's next file.
 */
export async function releaseChromium(browser: Browser | undefined): Promise<void> {
  if (browser === undefined || !browser.isConnected()) return;
  await Promise.all(browser.contexts().map((c) => c.close()));
}
