import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareNames } from '../../src/registry/nameOrder.js';
import { runCliAsync, runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * The same inputs give the same answers on every machine: names are ordered by one fixed
 * collation (src/registry/nameOrder.ts), never by the machine's locale. With `localeCompare`, a
 * process started with LANG=da_DK.UTF-8 listed the seeds' schedule entries in another order ("AIM
 * FUNDS GROUP" after the other registrants) than one started with LANG=C — and the fees a close
 * seals are ordered the same way. The locale is the process's own from its start, so the CLI is
 * spawned, once per locale.
 */
const LOCALES = ['C', 'en_US.UTF-8', 'da_DK.UTF-8', 'sv_SE.UTF-8', 'lt_LT.UTF-8'];

describe.skipIf(!seedsAvailable)("answers in one order, whatever the machine's locale", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const imported = await runCliInProcess([
      '--db',
      tdb.target,
      'exhibit',
      'import',
      ...seedFiles(),
      '--json',
    ]);
    expect(imported.code).toBe(0);
  });
  afterAll(async () => {
    await tdb?.drop();
  });

  it('the fixed order is not code point order and not a Danish one', () => {
    // what a user with LANG=C or en_US.UTF-8 saw before: case after the letters
    expect(['AIM aB', 'AIM Ab', 'AIM Aa', 'AIM Zeta'].sort(compareNames)).toEqual([
      'AIM Aa',
      'AIM aB',
      'AIM Ab',
      'AIM Zeta',
    ]);
    // Danish rules would put "Aa" (read as "Å") after "Zeta"
    expect(['AIM Zeta', 'AIM Aa'].sort((a, b) => a.localeCompare(b, 'da-DK'))).toEqual([
      'AIM Zeta',
      'AIM Aa',
    ]);
  });

  it('`schedule --json` prints the same bytes under every locale', async () => {
    const outputs = await Promise.all(
      LOCALES.map((l) =>
        runCliAsync(['--db', tdb.target, 'schedule', '--as-of', '2006-06-30', '--json'], {
          LANG: l,
          LC_ALL: l,
        }),
      ),
    );
    for (const o of outputs) expect(o.code, o.stderr).toBe(0);
    const entries = outputs[0]!.json<{ entries: { registrant: string | null; portfolio: string }[] }>()
      .entries;
    expect(entries.length).toBeGreaterThan(20);
    const registrants = entries.map((e) => e.registrant ?? '');
    expect(registrants).toEqual([...registrants].sort(compareNames));
    for (const o of outputs.slice(1)) expect(o.stdout).toBe(outputs[0]!.stdout);
  });
});
