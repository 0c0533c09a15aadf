import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { type CliRun, runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plan12b.js');
const HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** resolves when the process prints this on stderr */
  said(text: string): Promise<void>;
}

function start(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, PLAN12B_LOCK_WAIT_SECONDS: '600', ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of waiters.filter((x) => stderr.includes(x.text))) w.resolve();
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return {
    child,
    done,
    said: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        done.then((r) => reject(new Error(`exited ${r.code} before saying ${text}: ${r.stderr}`)));
      }),
  };
}

/**
 * The second command, run in the test's own process beside the spawned first (two processes still,
 * as the lock sees them, at the cost of one spawn: Node's start and a PGlite open), watched on its
 * stderr as {@link start} watches a spawned one.
 */
function startInProcess(args: readonly string[]): {
  said(text: string): Promise<void>;
  readonly done: Promise<CliRun>;
} {
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const done = runCliInProcess(args, { PLAN12B_LOCK_WAIT_SECONDS: '600' }, (soFar) => {
    stderr = soFar;
    for (const w of waiters.splice(0)) {
      if (stderr.includes(w.text)) w.resolve();
      else waiters.push(w);
    }
  });
  return {
    done,
    said: (text) =>
      new Promise<void>((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then(
          (r) => {
            if (!stderr.includes(text))
              reject(new Error(`exited ${r.code} before saying ${text}: ${r.stderr}`));
          },
          (e) => reject(e),
        );
      }),
  };
}

// Issue 9: two `transactions import` redeeming the same shares. The holdings check is in the plan,
// under the writer lock, so whichever runs second sees the first's redemption and is refused.
describe.each(dialects)('two imports redeeming the same shares on %s', (dialect) => {
  let tdb: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-race-'));
  const file = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
    return path;
  };
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    await importAccounts(db, 'accounts.csv', Buffer.from('account,omnibus,dealer_of_record\nR1,no,D\n'));
    await importTransactions(
      db,
      'buy.csv',
      Buffer.from(`${HEADER}\n2026-01-05,R1-1,R1,Summit Capital Growth Fund,B,purchase,100.0000,10.0000,,\n`),
    );
    await db.close();
  });
  afterAll(async () => {
    await tdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first, held before its commit, succeeds; the second is refused (68) with the reason; lots still reads', async () => {
    // Each file alone is fine: 60 of the 100 shares held. Together they would sell 120.
    const first = file('first.csv', [
      '2026-02-02,R1-2,R1,Summit Capital Growth Fund,B,redeem,60.0000,11.0000,,',
    ]);
    const second = file('second.csv', [
      '2026-02-03,R1-3,R1,Summit Capital Growth Fund,B,redeem,60.0000,11.0000,,',
    ]);
    const a = start(['--db', tdb.target, 'transactions', 'import', first], {
      PLAN12B_FAULT: 'import:transactions:hold',
    });
    await a.said('fault point import:transactions reached');
    // The first has applied its redemption and holds the writer lock, uncommitted. On PGlite the
    // second waits for the data folder's lock, which the first holds until it exits; on the server,
    // for the writer lock. It says so before the first is let go.
    const b = startInProcess(['--db', tdb.target, 'transactions', 'import', second]);
    await b.said('waiting up to');
    a.child.kill('SIGUSR2');
    const [ra, rb] = await Promise.all([a.done, b.done]);

    expect(ra.code).toBe(0);
    expect(rb.code).toBe(68);
    expect(rb.stderr).toContain('second.csv:2: shares: redeems 60.0000 shares');
    expect(rb.stderr).toContain('nothing was written');

    const lots = await runCliInProcess(['--db', tdb.target, 'lots', '--account', 'R1', '--json']);
    expect(lots.code).toBe(0);
    // 100 − 60 = 40 shares left of the one purchase, cost 1,000.00 × 40/100 = 400.00.
    expect(lots.json<{ lots: { lotId: string; shares: string; cost: string }[] }>().lots).toEqual([
      expect.objectContaining({ lotId: 'R1-1', shares: '40.0000', cost: '400.00' }),
    ]);
    const redemptions = (
      await runCliInProcess([
        '--db',
        tdb.target,
        'redemptions',
        '--from',
        '2026-02-01',
        '--to',
        '2026-02-28',
        '--json',
      ])
    ).json<{ redemptions: { txnId: string }[] }>().redemptions;
    expect(redemptions.map((r) => r.txnId)).toEqual(['R1-2']);
  });

  it('a transaction dated in the month being closed, imported during the close, is refused (68), never outside the seal', async () => {
    // The close of 2026-02 is held after its checks and first part, holding the writer lock; the
    // import waits for it, then finds 2026-02 closed.
    const close = start(['--db', tdb.target, 'close', '--month', '2026-02', '--first', '--json'], {
      PLAN12B_FAULT: 'close:fees:hold',
    });
    await close.said('fault point close:fees reached');
    const late = file('late.csv', [
      '2026-02-10,R1-4,R1,Summit Capital Growth Fund,B,purchase,5.0000,11.0000,,',
    ]);
    const imp = startInProcess(['--db', tdb.target, 'transactions', 'import', late]);
    await imp.said('waiting up to');
    close.child.kill('SIGUSR2');
    const [rc, ri] = await Promise.all([close.done, imp.done]);
    expect(rc.code).toBe(0);
    expect(ri.code).toBe(68);
    expect(ri.stderr).toContain('2026-02 is closed');
    const lots = await runCliInProcess(['--db', tdb.target, 'lots', '--account', 'R1', '--json']);
    expect(lots.json<{ lots: { lotId: string }[] }>().lots.map((l) => l.lotId)).toEqual(['R1-1']);
    expect((await runCliInProcess(['--db', tdb.target, 'audit', 'verify'])).code).toBe(0);
  });
});
