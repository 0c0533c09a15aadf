import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';

/**
 * The dashboard (built into web/dist by another part of the project) is served at / when the
 * folder exists: its files as they are, any other page as its index (routes in the browser);
 * /api stays the API (an unknown route is a JSON 404, never the index).
 */
describe('serve: the dashboard from web/dist', () => {
  const root = mkdtempSync(join(tmpdir(), 'plan12b-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>plan12b</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // no request below reaches the store
  const { app } = createApp({} as ApiStore, { webRoot: root });

  it('serves index.html at /, the assets, and the index for a page of the dashboard', async () => {
    expect(await (await app.request('/')).text()).toContain('<title>plan12b</title>');
    expect(await (await app.request('/assets/app.js')).text()).toBe('console.log(1)');
    const page = await app.request('/schedule/2025-06-30');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>plan12b</title>');
  });

  it('keeps /api for the API: an unknown route is a JSON 404 after the token check', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    const doc = await app.request('/openapi.json');
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('serves no dashboard when the folder does not exist', async () => {
    const { app: bare } = createApp({} as ApiStore, { webRoot: join(root, 'missing') });
    const res = await bare.request('/');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
