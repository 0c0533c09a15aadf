import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { withActor } from '../../src/store/actor.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';
import { CHROMIUM, releaseChromium, sharedChromium, WAIT_MS } from './support/chromium.js';

const WEB_ROOT = resolve(import.meta.dirname, '../../web/dist');
const missing = !existsSync(CHROMIUM)
  ? `Chromium is not at ${CHROMIUM}`
  : !existsSync(resolve(WEB_ROOT, 'index.html'))
    ? 'the dashboard is not built (npm run build)'
    : null;
if (missing && process.env.CI) throw new Error(missing);

/**
 * The dashboard's Import page uploads a file's bytes as they are (web/src/api.ts postFile): an
 * exhibit typed on Windows (curly quotes 0x93 0x94, CRLF lines, SPEC §2.1 "as filed") gets the id
 * the CLI gives it — the SHA-256 of its bytes — and reads its quotes as quotes. Read as text by
 * the browser first, each byte that is not UTF-8 became U+FFFD and the id another file's.
 */
describe.skipIf(missing !== null || !seedsAvailable)('the dashboard uploads the file’s bytes', () => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let server: Server;
  let url: string;
  let browser: Browser;
  let operator: string;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        operator = (await createApiToken(db, { name: 'treasurer', role: 'operator' })).token;
      });
    } finally {
      await db.close();
    }
    store = await ApiStore.open(tdb.target, { connections: 1 });
    const { app } = createApp(store, { webRoot: WEB_ROOT, rateLimit: { perSecond: 0, burst: 0 } });
    server = await new Promise<Server>((ok) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s as Server));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await sharedChromium();
  });

  afterAll(async () => {
    await releaseChromium(browser);
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    await store?.close();
    await tdb?.drop();
  });

  it('a Windows-1252 exhibit with CRLF lines is imported under the SHA-256 of its bytes', async () => {
    // seed 000 (the Class R plan's Amendment No. 12) as a Windows typist filed it: (the “Plan”)
    const ascii = readFileSync(join(seedsDir, '000_3c6e05c0e0d73230.txt'), 'latin1');
    expect(ascii).toContain('(the "Plan")');
    const bytes = Buffer.from(
      ascii.replace('(the "Plan")', '(the \x93Plan\x94)').replace(/\n/g, '\r\n'),
      'latin1',
    );
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${url}/#/imports`);
    await page.getByLabel('API token').fill(operator);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Import', level: 2 }).waitFor();
    await page.getByLabel('Feed').selectOption('exhibits');
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'amendment-12.txt', mimeType: 'text/plain', buffer: bytes });
    await page.getByRole('button', { name: 'Import' }).click();
    const result = page.getByTitle('import result');
    await result.waitFor();
    const answer = JSON.parse((await result.textContent()) ?? '') as {
      imported: { file: string; id: string }[];
    };
    expect(answer.imported.map((d) => [d.file, d.id])).toEqual([['amendment-12.txt', sha256]]);
    await page.close();
  });

  it('a refused file shows each of its problems on a line of its own', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`${url}/#/imports`);
    await page.getByLabel('API token').fill(operator);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Feed').selectOption('net-assets');
    const csv = 'date,portfolio,class,net_assets\n2025-02-30,X Fund,A,1.00\n2025-03-03,X Fund,A,abc\n';
    await page
      .getByLabel('File')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // as rendered: the lines the reader sees (textContent keeps newlines however they show)
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const lines = (await alert.innerText()).split('\n').filter((l) => /^\s*bad\.csv:\d+:/.test(l));
    expect(lines.map((l) => l.trim().split(':')[1])).toEqual(['2', '3']);
    await page.close();
  });
});
