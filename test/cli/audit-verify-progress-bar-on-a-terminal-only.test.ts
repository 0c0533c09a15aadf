/**
 * SPEC §11: long work shows a progress bar on a terminal and stays quiet when piped. `audit
 * verify` recomputes each closed month's inputs as sealed (at a large complex's size, minutes): on
 * a terminal's stderr a bar advances a closed month at a time; piped, or under --json, nothing is
 * drawn and stdout is the same.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { demoJanuaryClosedStore } from '../support/demoOpen.js';
import { fakeTerminal } from '../support/fakeTerminal.js';

describe('audit verify: a bar per closed month on a terminal only', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // the demo complex with January 2025 closed: one closed month to verify
    await demoJanuaryClosedStore(tdb.target);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  async function verify(interactive: boolean, json: boolean) {
    const { stream: terminal, drawn } = fakeTerminal();
    let out = '';
    const ctx: CliContext = {
      dbTarget: tdb.target,
      workload: 'query',
      out: (t) => {
        out += t.endsWith('\n') ? t : `${t}\n`;
      },
      err: () => {},
      interactive,
      progressStream: terminal,
    };
    const argv = ['node', 'plan12b', 'audit', 'verify', ...(json ? ['--json'] : [])];
    await (await buildProgram(() => ctx, argv)).parseAsync(argv);
    return { out, drawn: drawn() };
  }

  it('draws the closed months verified on a terminal; piped or --json draws nothing, stdout the same', async () => {
    const tty = await verify(true, false);
    expect(tty.out).toMatch(/^audit log intact: .* 1 closed month /);
    expect(tty.drawn).toContain('audit verify: closed months');
    expect(tty.drawn).toContain('1/1');
    const piped = await verify(false, false);
    expect(piped.drawn).toBe('');
    expect(piped.out).toBe(tty.out);
    const json = await verify(true, true);
    expect(json.drawn).toBe('');
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, closedMonths: 1 });
  });
});
