import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { setActor } from '../../src/store/actor.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { auditCount, markMonthClosed, newestAudit, storeSnapshot } from '../support/storeSnapshot.js';
import { csvOf, FEEDS, type FeedContract, importContractSeeds, type Row } from './support/feedContracts.js';

/**
 * The feed contract (issue 9 "Must show"; SPEC §12), one suite over every feed and both stores:
 * a bad file is refused whole with every problem (65) and nothing written; a changed recorded
 * value is a conflict (67); the same file twice changes nothing; a row dated in a closed month is
 * refused (68), or, for a restatement where the spec says so, becomes a prior-period adjustment;
 * every accepted import leaves exactly one audit record with the stated actor; an internal fault
 * is a bug (70), never bad input, and nothing is written. Written against the public import
 * functions and the CLI only.
 */

const CLOSED_MONTH = '2007-01';

/** Runs an import that must fail; returns what it threw. */
async function refusal(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('the import was accepted; the contract says it must be refused');
}

function problemsOf(e: unknown): ProblemsError {
  expect(e).toBeInstanceOf(ProblemsError);
  return e as ProblemsError;
}

describe.skipIf(!seedsAvailable).each(dialects)('the feed contract on %s', (dialect) => {
  let tdb: TestDatabase;
  let handle: Database | undefined;
  const db = async () => {
    handle ??= await tdb.open();
    return handle;
  };
  const closeDb = async () => {
    await handle?.close();
    handle = undefined;
  };
  const importOf = async (feed: FeedContract, label: string, rows: readonly Row[], restate = false) =>
    feed.importFile(await db(), `${feed.name}-${label}.csv`, csvOf(feed, rows), restate ? { restate } : {});

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    await importContractSeeds(await db());
    for (const feed of FEEDS) await feed.setup(await db());
  });
  afterAll(async () => {
    setActor(undefined);
    delete process.env.PLAN12B_FAULT;
    await closeDb();
    await tdb.drop();
  });

  describe.each(FEEDS)('$name', (feed) => {
    it('a file with three bad rows is refused whole (65): every problem with file, line, field and value; nothing written', async () => {
      const before = await storeSnapshot(await db());
      const err = problemsOf(await refusal(importOf(feed, 'bad', feed.bad.rows)));
      expect(err.exitCode).toBe(65);
      expect(err.code).toBe('BAD_INPUT');
      expect(err.problems.map((p) => ({ line: p.line, field: p.field, value: p.value }))).toEqual(
        feed.bad.problems,
      );
      for (const p of err.problems) {
        expect(p.code).toBe('BAD_INPUT');
        expect(p.file).toBe(`${feed.name}-bad.csv`);
        expect(p.reason.length).toBeGreaterThan(0);
      }
      expect(await storeSnapshot(await db())).toEqual(before);
    });

    it('an accepted import writes exactly one audit record, with the actor stated by --actor', async () => {
      const audits = await auditCount(await db());
      setActor('Jane Doe, Fund Treasurer');
      try {
        await importOf(feed, 'good', feed.good);
      } finally {
        setActor(undefined);
      }
      expect(await auditCount(await db())).toBe(audits + 1);
      expect((await newestAudit(await db(), 1))[0]!.actor).toBe('Jane Doe, Fund Treasurer');
    });

    it('the same file twice changes nothing and leaves no second audit record', async () => {
      const before = await storeSnapshot(await db());
      await importOf(feed, 'good', feed.good);
      expect(await storeSnapshot(await db())).toEqual(before);
    });

    const changed = feed.changed;
    if (changed.kind === 'conflict')
      it(`a row that changes a recorded value is a conflict (67) on ${changed.fields.join(' or ')}${feed.restatable ? ', naming --restate' : ', without offering a --restate the command does not have'}; nothing written`, async () => {
        const before = await storeSnapshot(await db());
        const err = problemsOf(await refusal(importOf(feed, 'changed', changed.rows)));
        expect(err.exitCode).toBe(67);
        expect(err.code).toBe('CONFLICT');
        expect(err.problems).toHaveLength(1);
        const p = err.problems[0]!;
        expect(p).toMatchObject({ code: 'CONFLICT', file: `${feed.name}-changed.csv`, line: 2 });
        expect(changed.fields).toContain(p.field);
        if (feed.restatable) expect(`${err.message}\n${err.hint}`).toContain('--restate');
        else expect(`${err.message}\n${err.hint}`).not.toContain('--restate');
        expect(await storeSnapshot(await db())).toEqual(before);
      });
    else
      it(`a row that changes a recorded value is an update by design (${changed.why}): accepted, one audit record with the actor from PLAN12B_ACTOR`, async () => {
        const audits = await auditCount(await db());
        const before = await storeSnapshot(await db());
        process.env.PLAN12B_ACTOR = 'John Roe, Transfer Agent Liaison';
        try {
          await importOf(feed, 'changed', changed.rows);
        } finally {
          delete process.env.PLAN12B_ACTOR;
        }
        expect(await storeSnapshot(await db())).not.toEqual(before);
        expect(await auditCount(await db())).toBe(audits + 1);
        expect((await newestAudit(await db(), 1))[0]!.actor).toBe('John Roe, Transfer Agent Liaison');
      });

    it(`an internal fault before the audit record (PLAN12B_FAULT=import:${feed.name}:throw) is not bad input, and nothing is written`, async () => {
      const before = await storeSnapshot(await db());
      process.env.PLAN12B_FAULT = `import:${feed.name}:throw`;
      let err: unknown;
      try {
        err = await refusal(importOf(feed, 'fresh', feed.fresh));
      } finally {
        delete process.env.PLAN12B_FAULT;
      }
      // Anything that is not a Plan12bError is reported by the CLI as a bug (exit 70).
      expect(err).not.toBeInstanceOf(Plan12bError);
      expect((err as Error).message).toContain(`import:${feed.name}`);
      expect(await storeSnapshot(await db())).toEqual(before);
    });
  });

  describe(`with ${CLOSED_MONTH} closed`, () => {
    beforeAll(async () => {
      await markMonthClosed(await db(), CLOSED_MONTH);
    });

    for (const feed of FEEDS) {
      const closed = feed.closed;
      if (closed.kind === 'undated') {
        it(`${feed.name}: writes nothing dated (${closed.why}), so a closed month does not refuse it`, async () => {
          const audits = await auditCount(await db());
          await importOf(feed, 'undated', closed.rows);
          expect(await auditCount(await db())).toBe(audits + 1);
        });
        continue;
      }
      it(`${feed.name}: a row dated in the closed month is refused (68) on ${closed.fields.join(' or ')}; nothing written`, async () => {
        const before = await storeSnapshot(await db());
        const err = problemsOf(await refusal(importOf(feed, 'closed', closed.rows)));
        expect(err.exitCode).toBe(68);
        expect(err.code).toBe('REFUSED');
        expect(err.problems).toHaveLength(closed.rows.length);
        for (const p of err.problems) {
          expect(p).toMatchObject({ code: 'REFUSED', file: `${feed.name}-closed.csv`, line: 2 });
          expect(closed.fields).toContain(p.field);
          expect(p.reason).toContain(CLOSED_MONTH);
        }
        expect(await storeSnapshot(await db())).toEqual(before);
      });
      const restatement = closed.restatement;
      if (restatement)
        it(`${feed.name}: a restatement of a recorded value in the closed month (--restate) is accepted as a prior-period adjustment, with one audit record`, async () => {
          const audits = await auditCount(await db());
          await importOf(feed, 'restated', restatement, true);
          expect(await auditCount(await db())).toBe(audits + 1);
          const flagged = await (await db()).query<{ closed_month: string | null }>(
            `SELECT closed_month FROM ${feed.adjustmentTable} WHERE closed_month IS NOT NULL`,
          );
          expect(flagged.map((r) => r.closed_month)).toEqual([CLOSED_MONTH]);
        });
    }
  });

  // One representative run per feed through the CLI, for what only the CLI shows: the exit codes
  // and the message of an internal error. (The store is closed meanwhile: PGlite is one process's.)
  // On the server every feed is run both ways. On a PGlite folder each CLI run opens the folder
  // anew (the most costly step of this suite): each feed is run once there, the bad file for half
  // the feeds and the fault for the other half, so that every command opens a folder store and
  // both exit codes are reached from one, seven feeds each.
  const onFolder = dialect === 'pglite';
  const badThroughCli = FEEDS.filter((_, i) => !onFolder || i % 2 === 0);
  const faultThroughCli = FEEDS.filter((_, i) => !onFolder || i % 2 === 1);
  describe('through the CLI (npm run build first)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-contract-'));
    let before: Record<string, string>;
    const cli = (
      feed: FeedContract,
      label: string,
      rows: readonly Row[],
      env: Record<string, string> = {},
    ) => {
      const file = join(dir, `${feed.name}-${label}.csv`);
      writeFileSync(file, csvOf(feed, rows));
      return runCliInProcess(['--db', tdb.target, ...feed.command, file, '--json'], {
        PLAN12B_FAULT: '',
        PLAN12B_ACTOR: '',
        ...env,
      });
    };
    beforeAll(async () => {
      before = await storeSnapshot(await db());
      await closeDb();
    });

    it('every feed is run through the CLI at least once on this store', () => {
      expect(new Set([...badThroughCli, ...faultThroughCli])).toEqual(new Set(FEEDS));
    });

    it.each(badThroughCli)(
      '$name: a bad file exits 65 with a JSON document listing all three problems',
      async (feed) => {
        const run = await cli(feed, 'bad', feed.bad.rows);
        expect(run.code).toBe(65);
        const doc = run.json<{
          error: { code: string; exit: number; problems: { line: number; field: string }[] };
        }>();
        expect(doc.error).toMatchObject({ code: 'BAD_INPUT', exit: 65 });
        expect(doc.error.problems.map((p) => [p.line, p.field])).toEqual(
          feed.bad.problems.map((p) => [p.line, p.field]),
        );
      },
    );

    it.each(faultThroughCli)(
      '$name: an injected internal fault exits 70 with a message saying it is a bug, no stack trace',
      async (feed) => {
        const run = await cli(feed, 'fault', feed.fresh, { PLAN12B_FAULT: `import:${feed.name}:throw` });
        expect(run.code).toBe(70);
        expect(run.stderr).toContain('a bug in plan12b');
        expect(run.stderr).not.toContain('bad input');
        expect(run.stderr).not.toMatch(/\n\s+at /);
        expect(run.json<{ error: { code: string } }>().error.code).toBe('INTERNAL');
      },
    );

    it('nothing the CLI refused, nor anything of a faulted import, was written', async () => {
      expect(await storeSnapshot(await db())).toEqual(before);
    });
  });
});
