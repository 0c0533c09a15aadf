/**
 * SPEC §11 and standing rule 7: long work shows a progress bar on a terminal and stays quiet when
 * piped. `close` and `demo` printed a line per step on a terminal (`» [3/6] …`), which scrolled
 * and was no bar; now one bar, `close 2025-02 [██░░] 2/6 Class B redemptions …`, advanced as each
 * step starts and cleared at the end. Piped, or under --json, nothing is drawn; stdout is the same.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/main.js';
import { startStepBar } from '../../src/cli/progress.js';
import { monthCloseSteps } from '../../src/close/closeSteps.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { demoJanuaryClosedStore } from '../support/demoOpen.js';
import { fakeTerminal } from '../support/fakeTerminal.js';

function context(interactive: boolean, dbTarget = 'unused') {
  const { stream, drawn } = fakeTerminal();
  const said = { out: '', err: '' };
  const ctx: CliContext = {
    dbTarget,
    workload: 'long-work',
    out: (t) => {
      said.out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      said.err += t.endsWith('\n') ? t : `${t}\n`;
    },
    interactive,
    progressStream: stream,
  };
  return { ctx, drawn, said };
}

describe('the step bar', () => {
  it('draws each step as it starts and fills at the end, on a terminal only and never under --json', () => {
    const tty = context(true);
    const bar = startStepBar(tty.ctx, 'demo', 4, undefined);
    bar.step('importing');
    bar.step('closing 2025-01');
    // a step skipped (a month closed by an earlier run): stop() fills the bar all the same
    bar.stop();
    const drawn = tty.drawn();
    expect(drawn).toContain('demo [');
    expect(drawn).toContain('0/4 importing');
    // redrawn at most ten times a second (cli-progress): the last step is drawn as the bar fills
    expect(drawn).toContain('4/4 closing 2025-01');
    for (const [interactive, json] of [
      [false, undefined],
      [true, true],
    ] as const) {
      const quiet = context(interactive);
      const none = startStepBar(quiet.ctx, 'demo', 4, json);
      none.step('importing');
      none.stop();
      expect(quiet.drawn()).toBe('');
    }
  });
});

describe('close: one bar on a terminal only', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // the demo complex with January 2025 closed: February, March and April are next
    await demoJanuaryClosedStore(tdb.target);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  async function close(month: string, interactive: boolean, json: boolean) {
    const { ctx, drawn, said } = context(interactive, tdb.target);
    const argv = ['node', 'plan12b', 'close', '--month', month, ...(json ? ['--json'] : [])];
    await (await buildProgram(() => ctx, argv)).parseAsync(argv);
    return { ...said, drawn: drawn() };
  }

  it('draws the steps of the close on a terminal; piped or --json nothing; stdout says the same', async () => {
    const n = monthCloseSteps().length;
    const tty = await close('2025-02', true, false);
    expect(tty.drawn).toContain('close 2025-02 [');
    expect(tty.drawn).toContain(`0/${n} ${monthCloseSteps()[0]!.title}`);
    expect(tty.drawn).toContain(`${n}/${n}`);
    // no step lines on stderr any more: the bar is the progress
    expect(tty.err).not.toContain('»');
    expect(tty.out).toMatch(/^2025-02 closed and sealed by /);
    const piped = await close('2025-03', false, false);
    expect(piped.drawn).toBe('');
    expect(piped.err).toBe('');
    expect(piped.out).toMatch(/^2025-03 closed and sealed by /);
    const json = await close('2025-04', true, true);
    expect(json.drawn).toBe('');
    expect(JSON.parse(json.out)).toMatchObject({ month: '2025-04' });
  });
});
