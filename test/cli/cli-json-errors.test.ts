import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, type Problem } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { markMonthClosed } from '../support/storeSnapshot.js';

/**
 * Errors as data (issue 9 §1–2): under --json an error is a JSON document on stdout listing every
 * problem (code, file, line, field, value, reason), and the exit code is the one the table of
 * error codes gives; the text form shows the first 20 problems and how many there are in all.
 */

interface ErrorDocument {
  error: {
    code: ErrorCode;
    exit: number;
    message: string;
    hint: string | null;
    problems: Problem[];
  };
}

describe.skipIf(!seedsAvailable)('CLI errors under --json (npm run build first)', () => {
  let tdb: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-json-errors-'));
  const file = (name: string, lines: readonly string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${['date,portfolio,class,net_assets', ...lines].join('\n')}\n`);
    return path;
  };
  /** Runs the CLI and checks that the exit code is the one the table gives for the error's code. */
  const failing = async (args: readonly string[], code: ErrorCode, env: Record<string, string> = {}) => {
    const run = await runCliInProcess(['--db', tdb.target, ...args], { PLAN12B_FAULT: '', ...env });
    expect({ exit: run.code, stderr: run.stderr }).toMatchObject({ exit: ERROR_CODES[code].exit });
    const doc = run.json<ErrorDocument>();
    expect(doc.error.code).toBe(code);
    expect(doc.error.exit).toBe(ERROR_CODES[code].exit);
    expect(doc.error.message.length).toBeGreaterThan(0);
    return { run, doc };
  };

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    // AIM Value Fund class C, 3–5 January 2007 (NYSE was closed on the 1st and the 2nd); January closed.
    await importNetAssets(
      db,
      'na.csv',
      Buffer.from(
        'date,portfolio,class,net_assets\n2007-01-03,AIM Value Fund,C,100.00\n2007-01-04,AIM Value Fund,C,101.00\n2007-01-05,AIM Value Fund,C,102.00\n',
      ),
    );
    await markMonthClosed(db, '2007-01');
    await db.close();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  // 25 bad rows: amounts with three decimals, on lines 2 to 26.
  const badLines = Array.from({ length: 25 }, (_, i) => `2007-02-01,AIM Value Fund,A,${i}.125`);

  it('a file with 25 bad rows: the JSON document lists all 25 problems with code, file, line, field, value and reason (65)', async () => {
    const path = file('bad-25.csv', badLines);
    const { doc } = await failing(['net-assets', 'import', path, '--json'], 'BAD_INPUT');
    expect(doc.error.problems).toHaveLength(25);
    doc.error.problems.forEach((p, i) => {
      expect(p).toMatchObject({
        code: 'BAD_INPUT',
        file: path,
        line: i + 2,
        field: 'net_assets',
        value: `${i}.125`,
      });
      expect(p.reason.length).toBeGreaterThan(0);
    });
    expect(doc.error.hint).toContain('nothing was written');
  });

  it('the text form shows the first 20 problems and the count of all 25', async () => {
    const path = file('bad-25-text.csv', badLines);
    const run = await runCliInProcess(['--db', tdb.target, 'net-assets', 'import', path]);
    expect(run.code).toBe(65);
    expect(run.stdout).toBe('');
    const listed = run.stderr.split('\n').filter((l) => l.includes(`${path}:`));
    expect(listed).toHaveLength(20);
    expect(listed[0]).toContain(`${path}:2: net_assets`);
    expect(listed[19]).toContain(`${path}:21: net_assets`);
    expect(run.stderr).toContain('25 problems');
    expect(run.stderr).toContain('5 more');
  });

  it('a changed recorded value: CONFLICT (67), the problem listed, the hint naming --restate', async () => {
    const path = file('changed.csv', ['2007-01-04,AIM Value Fund,C,999.00']);
    const { doc } = await failing(['net-assets', 'import', path, '--json'], 'CONFLICT');
    expect(doc.error.problems).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        file: path,
        line: 2,
        field: 'net_assets',
        value: '999.00',
      }),
    ]);
    expect(`${doc.error.message} ${doc.error.hint}`).toContain('--restate');
  });

  it('a new row in a closed month: REFUSED (68), the problem listed with its field and value', async () => {
    const path = file('closed.csv', ['2007-01-03,AIM Value Fund,A,50.00']);
    const { doc } = await failing(['net-assets', 'import', path, '--json'], 'REFUSED');
    expect(doc.error.problems).toEqual([
      expect.objectContaining({ code: 'REFUSED', file: path, line: 2, field: 'date', value: '2007-01-03' }),
    ]);
  });

  it('bad rows, a conflict and a closed-month row in one file: every problem listed, the exit code of the most serious (65)', async () => {
    const path = file('mixed.csv', [
      '2007-01-04,AIM Value Fund,C,999.00',
      '2007-01-03,AIM Value Fund,A,50.00',
      '2007-02-30,AIM Value Fund,R,1.00',
    ]);
    const { doc } = await failing(['net-assets', 'import', path, '--json'], 'BAD_INPUT');
    expect(doc.error.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'CONFLICT'],
      [3, 'REFUSED'],
      [4, 'BAD_INPUT'],
    ]);
  });

  it('a file that does not exist: NOT_FOUND (66) as a JSON document', async () => {
    const { doc } = await failing(['net-assets', 'import', join(dir, 'no-such.csv'), '--json'], 'NOT_FOUND');
    expect(doc.error.message).toContain('no-such.csv');
  });

  it('an internal error: INTERNAL (70) as a JSON document saying it is a bug', async () => {
    const path = file('fresh.csv', ['2007-02-01,AIM Value Fund,A,50.00']);
    const { run, doc } = await failing(['net-assets', 'import', path, '--json'], 'INTERNAL', {
      PLAN12B_FAULT: 'import:net-assets:throw',
    });
    expect(doc.error.message).toContain('a bug in plan12b');
    expect(doc.error.problems).toEqual([]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a command line plan12b cannot read: USAGE (64) as a JSON document too', async () => {
    const { doc } = await failing(['net-assets', 'import', '--json'], 'USAGE');
    expect(doc.error.message).toContain('file');
    // what to do next: the command's own help
    expect(doc.error.hint).toBe('see `plan12b net-assets import --help`');
    // (fees answers without a range for the last month closed; lots still needs its --account)
    const missing = await failing(['lots', '--as-of', '2007-01-31', '--json'], 'USAGE');
    expect(missing.doc.error.message).toContain('--account');
    expect(missing.doc.error.hint).toBe('see `plan12b lots --help`');
    const unknown = await failing(['frobnicate', '--json'], 'USAGE');
    expect(unknown.doc.error.hint).toBe('see `plan12b --help`');
  });

  it('--from after --to: USAGE (64), saying what to give instead', async () => {
    for (const args of [
      ['fees', '--from', '2007-02-01', '--to', '2007-01-31'],
      ['redemptions', '--from', '2007-02-01', '--to', '2007-01-31'],
      ['audit', 'log', '--from', '2007-02-01', '--to', '2007-01-31'],
    ]) {
      const { doc } = await failing([...args, '--json'], 'USAGE');
      expect(doc.error.message).toBe('--from 2007-02-01 is after --to 2007-01-31');
      expect(doc.error.hint).toContain('--from on or before --to');
    }
  });

  it('exhibit render of a file that is missing (66), not JSON (65) or JSON but no parsed exhibit (65), never 70', async () => {
    const missing = await failing(['exhibit', 'render', join(dir, 'none.json'), '--json'], 'NOT_FOUND');
    expect(missing.doc.error.message).toContain('no such file');
    // an escape sequence in the file stays out of the message the terminal prints
    const escaping = join(dir, 'escape.json');
    writeFileSync(escaping, '{"a":\u001b[31m}');
    const notJson = await failing(['exhibit', 'render', escaping, '--json'], 'BAD_INPUT');
    expect(notJson.doc.error.message).toContain('not JSON');
    expect(notJson.run.stderr).not.toContain('\u001b');
    for (const [text, where] of [
      ['{}', 'kind'],
      ['null', 'not an object'],
      ['[1]', 'not an object'],
      [
        '{"kind":"plan","instrument":{"kind":"plan","title":"T","registrant":null,"classes":[],"datedAsOf":null},"exhibit":null,"amendmentNumber":null,"effectiveDate":null,"datedDate":null,"terms":{"distributionFeePct":null,"serviceFeePct":null},"schedules":[{"name":"Schedule A","replacesEntirely":false,"entries":[{"portfolio":7}]}],"renames":[],"renameRules":[],"footnotes":[]}',
        'schedules[0].entries[0].portfolio',
      ],
    ] as const) {
      const path = join(dir, `not-exhibit-${where.length}.json`);
      writeFileSync(path, text);
      const { doc } = await failing(['exhibit', 'render', path, '--json'], 'BAD_INPUT');
      expect(doc.error.message).toContain('not a parsed exhibit');
      expect(doc.error.message).toContain(where);
      expect(doc.error.hint).toContain('exhibit parse');
    }
  });

  it('fees --class no instrument has: NOT_FOUND (66) like an unknown portfolio, not an empty answer', async () => {
    const range = ['fees', '--from', '2007-01-03', '--to', '2007-01-05'];
    const { doc } = await failing([...range, '--class', 'Z', '--json'], 'NOT_FOUND');
    expect(doc.error.message).toBe('no instrument has a class "Z"');
    expect(doc.error.hint).toContain('plan12b schedule');
    // a class in another case is the class: AIM Value Fund C, 3–5 January 2007
    const run = await runCliInProcess(['--db', tdb.target, ...range, '--class', 'c', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const fees = run.json<{ classes: { portfolio: string; class: string; days: number }[] }>();
    expect(fees.classes.map((c) => [c.portfolio, c.class])).toEqual([['AIM Value Fund', 'C']]);
  });

  // last: it closes February 2007
  it('a close with stderr piped prints no progress: only its answer (SPEC §11)', async () => {
    const run = await runCliInProcess([
      '--db',
      tdb.target,
      'close',
      '--month',
      '2007-02',
      '--accept-ended',
      'AIM Value Fund:C',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2007-02 closed and sealed');
    expect(run.stderr).not.toContain('»');
  });
});
