import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * docs/FORMATS.md's examples, run as a new user runs them: each input example copied into a file
 * and imported into a store of the five seed documents, each output example compared with what the
 * command the doc names prints. An example is read from the document itself (the block of its
 * language under its heading), so the doc cannot drift from the product unseen.
 *
 * An output example is compared as a sub-document: every field it shows must be in the answer
 * with that value, and every field of an object it shows must be shown (a new field is a change of
 * the format the doc must tell); a list shows some of the answer's items in order (the others left
 * out), a string "…" or one beginning "… " stands for items or a value left out, a string ending
 * "…" for the rest of a text, "<sha256>" for a document id.
 */

const formats = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'FORMATS.md'),
  'utf8',
).split('\n');

/** The `n`-th code block (0-based) of language `lang` under the first heading starting with `heading`. */
function example(heading: string, lang: string, n = 0): string {
  const start = formats.findIndex((l) => l.startsWith('#') && l.replace(/^#+ /, '').startsWith(heading));
  if (start < 0) throw new Error(`FORMATS.md has no heading ${heading}`);
  let seen = 0;
  for (let i = start + 1; i < formats.length; i++) {
    const line = formats[i]!;
    if (/^#{1,3} /.test(line)) break;
    if (line.trim() === `\`\`\`${lang}`) {
      const indent = line.indexOf('`');
      const body: string[] = [];
      for (let j = i + 1; formats[j]!.trim() !== '```'; j++) body.push(formats[j]!.slice(indent));
      if (seen++ === n) return `${body.join('\n')}\n`;
      i += body.length + 1;
    }
  }
  throw new Error(`FORMATS.md has no ${lang} example ${n} under ${heading}`);
}

const leftOut = (v: unknown) => typeof v === 'string' && (v === '…' || v.startsWith('… '));

/** Where `shown` (a doc example) is not a sub-document of `actual`: one line per difference. */
function differences(shown: unknown, actual: unknown, path = '$'): string[] {
  if (typeof shown === 'string') {
    if (leftOut(shown)) return [];
    if (shown === '<sha256>')
      return typeof actual === 'string' && /^[0-9a-f]{64}$/.test(actual)
        ? []
        : [`${path}: ${JSON.stringify(actual)} is no document id`];
    if (shown.endsWith('…') && typeof actual === 'string' && actual.startsWith(shown.slice(0, -1))) return [];
    return shown === actual
      ? []
      : [`${path}: the doc shows ${JSON.stringify(shown)}, the product ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual))
      return [`${path}: the doc shows a list, the product ${JSON.stringify(actual)}`];
    let j = 0;
    for (const [i, item] of shown.entries()) {
      if (leftOut(item)) continue;
      while (j < actual.length && differences(item, actual[j], `${path}[${j}]`).length > 0) j++;
      if (j === actual.length) {
        const nearest =
          actual.length > 0 ? differences(item, actual[Math.min(i, actual.length - 1)], `${path}[${i}]`) : [];
        return [`${path}[${i}]: no item of the answer is the one shown`, ...nearest];
      }
      j++;
    }
    return [];
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${path}: the doc shows an object, the product ${JSON.stringify(actual)}`];
    const s = shown as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const out: string[] = [];
    for (const k of Object.keys(s)) {
      if (leftOut(k)) continue;
      if (!(k in a)) out.push(`${path}.${k}: shown by the doc, not in the answer`);
      else out.push(...differences(s[k], a[k], `${path}.${k}`));
    }
    if (!Object.keys(s).some(leftOut))
      for (const k of Object.keys(a))
        if (!(k in s)) out.push(`${path}.${k}: in the answer, not shown by the doc`);
    return out;
  }
  return Object.is(shown, actual)
    ? []
    : [`${path}: the doc shows ${JSON.stringify(shown)}, the product ${JSON.stringify(actual)}`];
}

describe('the sub-document comparison can fail', () => {
  it('names a changed value, a field the doc lacks and an item not in the answer', () => {
    expect(differences({ a: '1', b: ['x', 'y'] }, { a: '1', b: ['x', 'q', 'y'] })).toEqual([]);
    expect(differences({ a: '1' }, { a: '2' })).toEqual(['$.a: the doc shows "1", the product "2"']);
    expect(differences({ a: '1' }, { a: '1', c: 3 })).toEqual(['$.c: in the answer, not shown by the doc']);
    expect(differences({ b: ['z'] }, { b: ['x'] })[0]).toBe('$.b[0]: no item of the answer is the one shown');
    expect(differences({ t: 'The Fee …' }, { t: 'The Fee is due' })).toEqual([]);
    expect(differences({ l: [{ a: 1 }, '… more'] }, { l: [{ a: 1 }, { a: 2 }] })).toEqual([]);
  });
});

describe.skipIf(!seedsAvailable)('docs/FORMATS.md examples, run as the doc says on the five seeds', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-formats-'));
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, ...args]);
  /** the example copied into a file of the name the doc gives it */
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const json = async (...args: string[]) => {
    const res = await cli(...args);
    expect(res.code, res.stderr).toBe(0);
    return res.json();
  };

  beforeAll(async () => {
    store = await freshDatabase('pglite', dir);
    const res = await cli('exhibit', 'import', ...seedFiles());
    expect(res.code, res.stderr).toBe(0);
  });
  afterAll(() => store?.drop());

  it('exhibit parse of seed 001 answers the example', async () => {
    const seed = seedFiles().find((f) => f.includes('001_'))!;
    const shown = JSON.parse(example('`plan12b exhibit parse FILE --json`', 'json'));
    expect(differences(shown, await json('exhibit', 'parse', seed, '--json'))).toEqual([]);
  });

  it('schedule of Class B on 2004-01-01 answers the example', async () => {
    const shown = JSON.parse(example('`plan12b schedule', 'json'));
    expect(
      differences(shown, await json('schedule', '--as-of', '2004-01-01', '--class', 'B', '--json')),
    ).toEqual([]);
  });

  it('portfolio history of INVESCO Leisure Fund answers the example', async () => {
    const shown = JSON.parse(example('`plan12b portfolio history', 'json'));
    expect(differences(shown, await json('portfolio', 'history', 'INVESCO Leisure Fund', '--json'))).toEqual(
      [],
    );
  });

  it('the net-assets example imports, and fees over its days answer the fees example', async () => {
    const na = file('net-assets.csv', example('Net assets', 'csv'));
    expect((await cli('net-assets', 'import', na)).code).toBe(0);
    /*
     * Class K of AIM Core Stock Fund (INVESCO Core Equity Fund until 2004-10-14): 0.20% ABSC and
     * 0.25% service fee from 2004-10-15 (seed 001); 2004 is a leap year (366).
     *   Fri 15, Sat 16, Sun 17: 53,958,271,370.60 × 0.20 / 100 / 366 = 294,853.942… → 294,853.94
     *                                            × 0.25 / 100 / 366 = 368,567.427… → 368,567.43
     *   Mon 18: 53,990,012,345.17 × 0.20 / 100 / 366 = 295,027.389… → 295,027.39
     *                             × 0.25 / 100 / 366 = 368,784.237… → 368,784.24
     *   distribution 3 × 294,853.94 + 295,027.39 = 1,179,589.21
     *   service      3 × 368,567.43 + 368,784.24 = 1,474,486.53; total 2,654,075.74
     *   ADNA (3 × 53,958,271,370.60 + 53,990,012,345.17) / 4 = 215,864,826,456.97 / 4
     *        = 53,966,206,614.2425 → 53,966,206,614.24
     */
    const shown = JSON.parse(example('`plan12b fees', 'json')) as { classes: Record<string, unknown>[] };
    expect(shown.classes[0]).toMatchObject({
      days: 4,
      averageDailyNetAssets: '53966206614.24',
      distributionFee: '1179589.21',
      serviceFee: '1474486.53',
      totalFee: '2654075.74',
    });
    expect(
      differences(shown, await json('fees', '--from', '2004-10-15', '--to', '2004-10-18', '--json')),
    ).toEqual([]);
  });

  it('calendar business-day and a date outside the calendar answer as shown', async () => {
    const calendar = formats.find((l) => l.startsWith('`{ "date": '))!;
    expect(
      differences(
        JSON.parse(calendar.slice(1, -1)),
        await json('calendar', 'business-day', '--after', '2006-12-31', '--n', '10', '--json'),
      ),
    ).toEqual([]);
    const outside = await cli('calendar', 'business-day', '--after', '2101-01-01', '--n', '1', '--json');
    expect(outside.code).toBe(64);
    expect(differences(JSON.parse(example('Errors', 'json', 1)), outside.json())).toEqual([]);
  });

  it('the providers example imports; terminated as the list example says, providers list answers it', async () => {
    const providers = file('providers.csv', example('`plan12b providers import', 'csv'));
    expect((await cli('providers', 'import', providers)).code).toBe(0);
    const t = await cli(
      'providers',
      'terminate',
      '--provider',
      'DLR-1',
      '--notice-date',
      '2007-01-05',
      '--effective',
      '2007-01-16',
    );
    expect(t.code, t.stderr).toBe(0);
    const shown = JSON.parse(example('`plan12b providers list', 'json'));
    expect(differences(shown, await json('providers', 'list', '--json'))).toEqual([]);
  });

  it('the provider-assets example imports once its class has net assets that day', async () => {
    const na = file(
      'na-2007.csv',
      'date,portfolio,class,net_assets\n2007-01-03,AIM Value Fund,C,36500000.00\n',
    );
    expect((await cli('net-assets', 'import', na)).code).toBe(0);
    const assets = file('assets.csv', example('`plan12b provider-assets import', 'csv'));
    const res = await cli('provider-assets', 'import', assets);
    expect(res.code, res.stderr).toBe(0);
  });

  it('the class-b-terms example imports, and list answers the list examples', async () => {
    const terms = file('terms.csv', example('Class B terms', 'csv', 0));
    expect((await cli('class-b-terms', 'import', terms)).code).toBe(0);
    expect(
      differences(
        JSON.parse(example('Class B terms', 'json')),
        await json('class-b-terms', 'list', '--json'),
      ),
    ).toEqual([]);
    const csv = await cli('class-b-terms', 'list', '--csv');
    expect(csv.stdout).toBe(example('Class B terms', 'csv', 1));
  });

  it('the transfers example imports, and transfers list --csv imports again changing nothing', async () => {
    const transfers = file('transfers.csv', example('`plan12b transfers import', 'csv'));
    const res = await json('transfers', 'import', transfers, '--json');
    expect(res).toMatchObject({ inserted: 4 });
    const again = file('transfers-again.csv', (await cli('transfers', 'list', '--csv')).stdout);
    expect(await json('transfers', 'import', again, '--json')).toMatchObject({ inserted: 0, unchanged: 4 });
  });

  it('the gross-sales, prime-rate and expenditures examples import', async () => {
    for (const [command, heading, name] of [
      ['gross-sales', '`plan12b gross-sales import', 'gross-sales.csv'],
      ['prime-rate', '`plan12b prime-rate import', 'prime-rate.csv'],
      ['expenditures', '`plan12b expenditures import', 'expenditures.csv'],
    ] as const) {
      const res = await cli(command, 'import', file(name, example(heading, 'csv')));
      expect(res.code, `${command}: ${res.stderr}`).toBe(0);
    }
  });
});
