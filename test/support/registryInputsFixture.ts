import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { documentId } from '../../src/store/exhibitImport.js';
import { APPROVALS_HEADER, boardRow } from '../governance/support/storeWithPlan.js';
import { runCliInProcess } from './cli.js';
import { seedFiles } from './seeds.js';

/**
 * A store holding every kind of input the registry is derived from, recorded through the CLI:
 * the five seeds, board votes continuing the Sixth A&R Plan (seed 002) in 2003 and 2004 (so it
 * lapses after 2005-06-30), a shareholder vote on Amendment No. 6 (seed 001: share units with
 * fractions, bigints in the ledger), a Board-set rate, a Plan termination and a setting.
 */
export async function recordRegistryInputs(
  target: string,
  setting: readonly [string, string],
): Promise<void> {
  const cli = (...args: string[]) => runCliInProcess(['--db', target, '--actor', 'Fund Treasurer', ...args]);
  const ok = async (...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  const hashOf = (seed: string) => documentId(readFileSync(seedFiles().find((f) => f.includes(seed))!));
  await ok('exhibit', 'import', ...seedFiles());
  const plan = hashOf('002_').slice(0, 16);
  const approvals = join(mkdtempSync(join(tmpdir(), 'plan12b-registry-inputs-')), 'approvals.csv');
  writeFileSync(
    approvals,
    `${[
      APPROVALS_HEADER,
      boardRow('2003-06-12', 'continuance', plan),
      boardRow('2004-06-10', 'continuance', plan),
      `2004-10-01,shareholders,amendment,${hashOf('001_').slice(0, 16)},,AIM Core Stock Fund,K,,,,,,,,,1000000.5,600000.25,400000.125`,
    ].join('\n')}\n`,
  );
  await ok('approvals', 'import', approvals);
  await ok(
    'rates',
    'set',
    '--portfolio',
    'AIM Value Fund',
    '--class',
    'C',
    '--from',
    '2005-01-03',
    '--distribution-fee',
    '0.50',
    '--reason',
    'Board resolution',
  );
  await ok(
    'terminate',
    '--portfolio',
    'AIM Balanced Fund',
    '--class',
    'C',
    '--date',
    '2006-01-03',
    '--by',
    'trustees',
  );
  await ok('settings', 'set', ...setting);
}
