import { describe, expect, it } from 'vitest';
import type { ApiStore } from '../../src/api/apiStore.js';
import { createApp } from '../../src/api/app.js';

interface Schema {
  type?: string;
  pattern?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; schema: Schema }[] }>>;
}

/**
 * A `pattern` in /openapi.json is a JSON-Schema pattern: an ECMA-262 regular expression with no
 * flags, which a generated client tests a value against before sending it. Each must therefore
 * compile as such and accept what the server accepts — at least its own example. The board report's
 * quarter once read `^\d{4}Q[1-4]$/i` (the zod regex's `i` flag written into the source), which
 * refuses every quarter, 2025Q4 included. The document is built without reading the store.
 */
describe('the patterns of /openapi.json', () => {
  const { app } = createApp({} as ApiStore, { rateLimit: { perSecond: 0, burst: 0 } });
  async function documentOf(): Promise<OpenApi> {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    return (await res.json()) as OpenApi;
  }

  it('each parameter’s pattern compiles without flags and accepts the parameter’s example', async () => {
    const doc = await documentOf();
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods))
        for (const p of op.parameters ?? []) {
          if (p.schema.pattern === undefined) continue;
          const where = `${method.toUpperCase()} ${path} ${p.name}: ${p.schema.pattern}`;
          const re = new RegExp(p.schema.pattern, 'u');
          if (p.schema.example !== undefined) expect(re.test(String(p.schema.example)), where).toBe(true);
          checked++;
        }
    expect(checked).toBeGreaterThan(10);
  });

  it('the quarter of the board report accepts 2025Q4 and 2025q4, as the server does, and refuses 2025Q5', async () => {
    const doc = await documentOf();
    for (const path of ['/api/board-report', '/api/board-report/pdf']) {
      const quarter = doc.paths[path]!.get!.parameters!.find((p) => p.name === 'quarter')!;
      const re = new RegExp(quarter.schema.pattern!, 'u');
      expect([re.test('2025Q4'), re.test('2025q4'), re.test('2025Q5'), re.test('25Q4')], path).toEqual([
        true,
        true,
        false,
        false,
      ]);
    }
  });
});
