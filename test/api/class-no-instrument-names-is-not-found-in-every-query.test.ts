import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliOnOpenStore } from '../support/cli.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * A class no instrument ever named ("ZZ") is a name to check — exit 66 / HTTP 404 NOT_FOUND, the
 * message naming the class — in every query and command that takes one, CLI and API alike, as an
 * unknown portfolio is. `schedule --class ZZ` once answered 0 entries with exit 0 (while `fees
 * --class ZZ` answered 66), `exhibit render` said "nothing in force", `what-if` asked for net
 * assets, `terminate` called it bad input (65). A known class with nothing in range stays the
 * query's own empty answer (exit 0).
 * The fixture holds seed 002 (AIM Value Fund, Class C) only.
 */
const UNKNOWN = 'no instrument has a class "ZZ"';

interface ErrorDoc {
  error: { code: string; exit: number; message: string; hint: string | null };
}

describe.skipIf(!seedsAvailable)('a class no instrument names', () => {
  let f: ApiFixture;
  beforeAll(async () => {
    f = await apiFixture('pglite');
  });
  afterAll(async () => {
    await f?.close();
  });

  const cli = (args: string[]) => f.store.use((db) => runCliOnOpenStore(db, [...args, '--json']));

  it.each([
    [['schedule', '--as-of', '2007-01-15', '--class', 'ZZ'], UNKNOWN],
    [['exhibit', 'render', '--as-of', '2007-01-15', '--class', 'ZZ'], UNKNOWN],
    [['fees', '--from', '2007-01-01', '--to', '2007-01-31', '--class', 'ZZ'], UNKNOWN],
    [['finra-cap', '--class', 'ZZ', '--through', '2007-01'], UNKNOWN],
    [['what-if', '--portfolio', 'AIM Value Fund', '--class', 'ZZ', '--distribution-fee', '0.50'], UNKNOWN],
    [
      [
        'terminate',
        '--portfolio',
        'AIM Value Fund',
        '--class',
        'ZZ',
        '--date',
        '2007-02-01',
        '--by',
        'trustees',
      ],
      'no instrument covers Class ZZ of AIM Value Fund',
    ],
  ])('plan12b %j --json exits 66 NOT_FOUND naming the class', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(66);
    const doc = JSON.parse(run.stdout) as ErrorDoc;
    expect(doc.error.code).toBe('NOT_FOUND');
    expect(doc.error.message).toBe(message);
    expect(doc.error.hint).toMatch(/check the class/);
  });

  it.each([
    ['GET', '/api/registry/schedule?asOf=2007-01-15&class=ZZ', undefined, UNKNOWN],
    ['GET', '/api/exhibit/render?asOf=2007-01-15&class=ZZ', undefined, UNKNOWN],
    ['GET', '/api/fees?from=2007-01-01&to=2007-01-31&class=ZZ', undefined, UNKNOWN],
    ['GET', '/api/finra-cap?class=ZZ&through=2007-01', undefined, UNKNOWN],
    ['GET', '/api/what-if?portfolio=AIM%20Value%20Fund&class=ZZ&distributionFee=0.50', undefined, UNKNOWN],
    [
      'POST',
      '/api/terminations',
      JSON.stringify({ portfolio: 'AIM Value Fund', class: 'ZZ', date: '2007-02-01', by: 'trustees' }),
      'no instrument covers Class ZZ of AIM Value Fund',
    ],
  ])('%s %s answers 404 NOT_FOUND naming the class', async (method, path, body, message) => {
    const res = await f.request(method, path, {
      token: f.tokens.operator,
      ...(body === undefined ? {} : { body, type: 'application/json' }),
    });
    expect(res.status).toBe(404);
    const doc = (await res.json()) as ErrorDoc;
    expect(doc.error).toMatchObject({ code: 'NOT_FOUND', exit: 66, message });
  });

  it('a known class (in any case) with nothing in force answers an empty schedule, exit 0 and 200', async () => {
    const run = await cli(['schedule', '--as-of', '1990-01-01', '--class', 'c']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ asOf: '1990-01-01', class: 'c', count: 0, entries: [] });
    const res = await f.request('GET', '/api/registry/schedule?asOf=1990-01-01&class=c');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ count: 0, entries: [] });
  });

  it('the known class is answered on a date it is in force', async () => {
    const run = await cli(['schedule', '--as-of', '2007-01-15', '--class', 'C']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { entries: { portfolio: string; class: string }[] };
    expect(doc.entries.some((e) => e.portfolio === 'AIM Value Fund' && e.class === 'C')).toBe(true);
  });
});
