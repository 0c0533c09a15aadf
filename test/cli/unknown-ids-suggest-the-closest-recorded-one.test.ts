import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from '../../src/closestName.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

/**
 * An id or name nothing was recorded under — a service provider (`providers terminate|assign
 * --provider`), a Transfer (`transfers notice --transfer`), an API token (`tokens revoke`) — is
 * refused (66) with the recorded one most likely meant: `--provider DLR-001` said only "no
 * service provider is recorded" when DLR-0001 is, and `--transfer TR-2025-1` when TR-2025-01 is.
 */
describe('the closest recorded name', () => {
  const providers = ['BNK-0001', 'BTD-0001', 'DIS-0001', 'DLR-0001', 'DLR-0002', 'RPP-0001', 'VCC-0001'].map(
    (name) => ({ name }),
  );
  const transfers = [{ name: 'TR-2016-01' }, { name: 'TR-2025-01' }];

  it('a digit left out, another case, a digit dropped from a part', () => {
    expect(closestName(providers, 'DLR-001')).toBe('DLR-0001');
    expect(closestName(providers, 'dlr-0002')).toBe('DLR-0002');
    expect(closestName(transfers, 'TR-2025-1')).toBe('TR-2025-01');
    expect(closestName([{ name: 'jane.doe' }, { name: 'ops' }], 'jane')).toBe('jane.doe');
  });

  it('nothing near, or two equally near: no suggestion', () => {
    expect(closestName(providers, 'NOPE')).toBeUndefined();
    // DLR-0001 and DLR-0002 both begin with it
    expect(closestName(providers, 'DLR')).toBeUndefined();
    // one digit from DLR-0001 and from DLR-0002 alike
    expect(closestName(providers, 'DLR-0003')).toBeUndefined();
    expect(closestName(transfers, 'TR-2099-01')).toBeUndefined();
    expect(closestName([], 'x')).toBeUndefined();
    expect(closestName(providers, '  ')).toBeUndefined();
  });

  it('names of one group are one answer: its last name that matches', () => {
    const names = [
      { name: 'Harbor Energy Fund', group: 'energy' },
      { name: 'Summit Energy Fund', group: 'energy' },
      { name: 'Summit Core Bond Fund', group: 'bond' },
    ];
    expect(closestName(names, 'energy')).toBe('Summit Energy Fund');
    expect(closestName(names, 'fund')).toBeUndefined();
  });

  it('the hint begins with the question, or is nothing', () => {
    expect(didYouMean(providers, 'DLR-001')).toBe('did you mean "DLR-0001"? ');
    expect(didYouMean(providers, 'NOPE')).toBe('');
  });
});

describe('the commands that take an id say the closest recorded one', () => {
  it('tokens revoke and providers terminate: 66, the hint beginning "did you mean …?"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-closest-id-'));
    // a copy of the run's migrated store, not an initdb of its own (how a new folder is created is
    // two-inits-of-a-new-store…'s subject)
    const db = (await freshDatabase('pglite', dir)).target;
    const providers = join(dir, 'providers.csv');
    writeFileSync(
      providers,
      'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-0001,Granite Peak Securities,dealer,2024-01-02,,\n',
    );
    expect((await runCliInProcess(['--db', db, 'providers', 'import', providers])).code).toBe(0);
    expect(
      (await runCliInProcess(['--db', db, 'tokens', 'create', '--name', 'jane.doe', '--role', 'viewer']))
        .code,
    ).toBe(0);
    const hint = async (args: string[]) => {
      const r = await runCliInProcess(['--db', db, ...args, '--json']);
      expect(r.code).toBe(66);
      return r.json<{ error: { hint: string } }>().error.hint;
    };
    expect(await hint(['tokens', 'revoke', 'jane'])).toBe(
      'did you mean "jane.doe"? see `plan12b tokens list`',
    );
    expect(
      await hint(['providers', 'terminate', '--provider', 'DLR-001', '--notice-date', '2025-01-06']),
    ).toMatch(/^did you mean "DLR-0001"\? check the id with `plan12b providers list`/);
    // an account nothing was recorded under (`lots --account`): the recorded one a digit away, and
    // nothing where two are equally near
    const accounts = join(dir, 'accounts.csv');
    writeFileSync(
      accounts,
      'account,omnibus,dealer_of_record\nACCT-0042,false,\nACCT-0107,false,\nACCT-0108,false,\n',
    );
    expect((await runCliInProcess(['--db', db, 'accounts', 'import', accounts])).code).toBe(0);
    expect(await hint(['lots', '--account', 'ACCT-042'])).toBe(
      'did you mean "ACCT-0042"? import it with `plan12b accounts import`',
    );
    expect(await hint(['lots', '--account', 'ACCT-0109'])).toBe('import it with `plan12b accounts import`');
  });
});
