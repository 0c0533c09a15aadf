import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');

/** Starts `plan12b close`, waits until it reaches the fault point, and kills it with SIGKILL. */
function closeAndKill(db: string, month: string, fault: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--db', db, 'close', '--month', month], {
      env: { ...process.env, PLAN12B_FAULT: fault },
    });
    let stderr = '';
    // a diagnosis, not a deadline: well inside the test's own timeout, far beyond a loaded machine's start
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fault point never reached: ${stderr}`));
    }, 600_000);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes(`fault point ${fault} reached`)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(stderr);
      else reject(new Error(`close ended on its own: ${stderr}`));
    });
  });
}

describe.skipIf(!seedsAvailable).each(dialects)('a close killed midway (%s)', (dialect) => {
  it('leaves the month open and the database as it was; closing again works', async () => {
    const tdb = await freshDatabase(dialect);
    const db = tdb.target;
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-kill-'));
    expect(
      (await runCliInProcess(['--db', db, 'exhibit', 'import', seedFiles().find((f) => f.includes('002_'))!]))
        .code,
    ).toBe(0);
    const csv = join(dir, 'na.csv');
    writeFileSync(
      csv,
      [
        'date,portfolio,class,net_assets',
        ...businessDaysBetween('2007-01-02', '2007-01-31').map((d) => `${d},AIM Value Fund,C,1000000.00`),
      ].join('\n'),
    );
    expect((await runCliInProcess(['--db', db, 'net-assets', 'import', csv])).code).toBe(0);
    const audit = async () => (await runCliInProcess(['--db', db, 'audit', 'log', '--json'])).stdout;
    const before = await audit();

    const stderr = await closeAndKill(db, '2007-01', 'close:journal');
    // killed at the journal step, after the steps before it ran (piped, the close prints no step lines)
    expect(stderr).toContain('fault point close:journal reached');

    expect(await audit()).toBe(before);
    expect((await runCliInProcess(['--db', db, 'audit', 'verify'])).code).toBe(0);
    const again = await runCliInProcess([
      '--db',
      db,
      'close',
      '--month',
      '2007-01',
      '--due-date',
      '2007-02-20',
      '--json',
    ]);
    expect(again.code).toBe(0);
    const sealed = again.json<{ month: string; parts: { 'monthly-calculation': { dueDate: string } } }>();
    expect(sealed.month).toBe('2007-01');
    // The Distributor instructed a later payment date than the 10th business day (2007-02-14).
    expect(sealed.parts['monthly-calculation'].dueDate).toBe('2007-02-20');
    expect((await runCliInProcess(['--db', db, 'close', '--month', '2007-01'])).code).toBe(67);
    await tdb.drop();
  });
});
