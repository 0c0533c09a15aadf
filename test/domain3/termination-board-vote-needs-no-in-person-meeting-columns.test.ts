/**
 * Plan §9 (seed 002): "This Plan may be terminated, with respect to the Shares of each Portfolio,
 * at any time by vote of a majority of the Dis-interested Trustees, or by vote of a majority of the
 * outstanding voting securities"; §10(a) the same for related agreements. Unlike approval (§6:
 * "cast in person at a meeting called for the purpose"), a termination vote asks neither, so the
 * approvals feed must not ask a termination's board row whether it was in person or called for
 * the purpose: left empty, the row is recorded with those facts as not stated (null), and it
 * carries on the Dis-interested Trustees' majority alone. An approval's board row still needs them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentId } from '../../src/store/exhibitImport.js';
import { APPROVALS_HEADER } from '../governance/support/storeWithPlan.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

describe.skipIf(!seedsAvailable)('a termination board row without in_person and called_for_purpose', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-domain3-termination-'));
  const plan = seedFiles().find((f) => f.includes('002_'))!;
  const hash = documentId(readFileSync(plan));
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    expect((await cli('exhibit', 'import', plan)).code).toBe(0);
  });
  afterAll(() => store.drop());

  it('is recorded, carried by 4 of 6 Dis-interested Trustees, with in person and called for the purpose not stated', async () => {
    const file = join(dir, 'termination.csv');
    writeFileSync(
      file,
      `${[
        APPROVALS_HEADER,
        // trustees 4 for, 5 against; Dis-interested 4 for, 2 against: 4 × 2 = 8 > 6, a majority
        `2005-07-14,board,termination,${hash},,AIM Value Fund,C,4,5,0,4,2,0,,,,,`,
      ].join('\n')}\n`,
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ inserted: 1, approved: 1, notApproved: 0 });
    const listed = await cli('approvals', 'list', '--json');
    const body = listed.json<unknown>();
    const list = (Array.isArray(body) ? body : (body as { approvals: unknown[] }).approvals) as {
      subject: string;
      carried: boolean;
      inPerson: boolean | null;
      calledForThePurpose: boolean | null;
      outcome: string;
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      subject: 'termination',
      carried: true,
      inPerson: null,
      calledForThePurpose: null,
    });
    expect(list[0]!.outcome).toMatch(/^approved: 4 of 9 trustees, 4 of 6 Dis-interested Trustees/);
    // the CSV leaves the two facts empty, not "false"
    const csv = await cli('approvals', 'list', '--csv');
    const line = csv.stdout.split('\n').find((l) => l.startsWith('2005-07-14'))!;
    expect(line).toContain(',4,5,0,4,2,0,,,');
  });

  it('an approval of the Plan without them is still refused, naming in_person', async () => {
    const file = join(dir, 'approval.csv');
    writeFileSync(
      file,
      `${[APPROVALS_HEADER, `2005-07-15,board,continuance,${hash},,,,8,1,0,6,0,0,,,,,`].join('\n')}\n`,
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.code).not.toBe(0);
    expect(imported.stderr).toMatch(/in_person/);
  });
});
