import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecordHash } from '../../src/audit/auditChain.js';
import { commandWriteFindings } from '../../src/audit/commandRecords.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { type ServedQueries, servedQueries } from '../support/servedQueries.js';

/**
 * SPEC §12 (verification finds what was changed outside plan12b), as an adversary with SQL tried
 * it (hostile5; gap left by hostile4). `audit verify` checks an exhibit withdrawal's restatement
 * marks against the order of its `exhibit.withdraw` record and the closes — but only where ONE
 * such record names the document: with two, the marks were not checked. A document is withdrawn
 * once (exhibit_withdrawal is keyed by the document; a second withdrawal is refused), so a second
 * record is forged: appended at the tail of the chain (hashes recomputed, audit_head moved), it
 * hid a mark set by SQL to a month never closed — the prior-period adjustment of the closed
 * month the withdrawal touches never reported, with verify passing.
 *
 * History: seed 002 (AIM Value Fund C) imported; net assets January–February 2007; January
 * closed (audit record 3); the exhibit withdrawn (record 4: its restatement touches 2007-01,
 * not yet adjusted — no month closed after it).
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'a withdrawal named by two forged records (%s)',
  (dialect) => {
    let tdb: TestDatabase;
    let dir: string;
    // the writes as the CLI runs them; audit verify and the SQL on one kept store (servedQueries:
    // a query answered as the on-demand query server answers it, no store opened per statement)
    let served: ServedQueries;
    const cli = (...args: string[]) => served.run(['--actor', 'hostile5', ...args]);
    const sql = async <T = Record<string, string>>(statement: string): Promise<T[]> =>
      (await served.sql(statement)) as T[];
    const verify = async () => {
      const r = await cli('audit', 'verify', '--json');
      if (r.code === 0) return { code: 0, findings: [] as string[] };
      return {
        code: r.code,
        findings: r
          .json<{ error: { message: string } }>()
          .error.message.split('\n')
          .slice(1)
          .map((l) => l.trim()),
      };
    };
    /** A copy of the newest exhibit.withdraw record appended at the tail, the chain and head kept valid. */
    const forgeSecondWithdrawRecord = async () => {
      const [w] = await sql<Record<string, string>>(
        `SELECT actor, action, subject, content_hash, detail FROM audit_log WHERE action = 'exhibit.withdraw' ORDER BY seq DESC LIMIT 1`,
      );
      const [last] = await sql<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
      );
      const base = {
        seq: Number(last!.seq) + 1,
        at: new Date().toISOString(),
        actor: w!.actor!,
        action: w!.action!,
        subject: w!.subject!,
        contentHash: w!.content_hash!,
        detail: w!.detail!,
        prevHash: last!.hash,
      };
      const hash = auditRecordHash(base);
      const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
      await sql(
        `INSERT INTO audit_log (seq, at, actor, action, subject, content_hash, detail, prev_hash, hash)
       VALUES (${base.seq}, ${q(base.at)}, ${q(base.actor)}, ${q(base.action)}, ${q(base.subject)},
               ${q(base.contentHash)}, ${q(base.detail)}, ${q(base.prevHash)}, ${q(hash)})`,
      );
      await sql(`UPDATE audit_head SET seq = ${base.seq}, hash = ${q(hash)} WHERE id = 1`);
      return base.seq;
    };

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      served = servedQueries(tdb.target);
      dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile5-withdraw-'));
      writeFileSync(
        join(dir, 'na.csv'),
        [
          'date,portfolio,class,net_assets',
          ...businessDaysBetween('2007-01-02', '2007-02-28').map((d) => `${d},AIM Value Fund,C,36500000.00`),
        ].join('\n'),
      );
      const exhibit = seedFiles().find((f) => f.includes('002_'))!;
      for (const args of [
        ['exhibit', 'import', exhibit],
        ['net-assets', 'import', join(dir, 'na.csv')],
        ['close', '--month', '2007-01'],
      ]) {
        const r = await cli(...args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
      const [doc] = await sql<{ id: string }>('SELECT id FROM exhibit_document');
      const w = await cli('exhibit', 'withdraw', doc!.id, '--reason', 'imported by mistake');
      expect(w.code, w.stderr).toBe(0);
    });

    afterAll(async () => {
      await served?.release();
      await tdb?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('as plan12b wrote it: verified; a forged second record hiding a mark moved by SQL: both named', async () => {
      expect(await verify()).toEqual({ code: 0, findings: [] });
      // the adjustment of 2007-01 the next close owes, marked as made in 2006-12 (never closed)
      await sql(`UPDATE exhibit_withdrawal_restatement SET adjusted_in = '2006-12'`);
      const seq = await forgeSecondWithdrawRecord();
      expect(seq).toBe(5);
      const tampered = await verify();
      expect(tampered.code).toBe(69);
      expect(tampered.findings).toEqual([
        expect.stringMatching(
          /^record: the withdrawal of exhibit 002_1ece2ff6353a3318\.txt \([0-9a-f]{16}\) is stored once, but 2 exhibit\.withdraw records in the audit log say so \(records 4, 5\): a document is withdrawn once$/,
        ),
        expect.stringMatching(
          /^record: exhibit-withdrawal restatement \d+ \(document [0-9a-f]{16}, exhibit\.withdraw, audit record 4\) is marked as adjusted in 2006-12, but no month was closed after it$/,
        ),
      ]);
    });
  },
);

describe('a command write named by two records', () => {
  const write = {
    action: 'exhibit.withdraw',
    subject: 'a.txt',
    contentHash: 'id',
    what: 'the withdrawal of exhibit a.txt (id)',
  };
  const rec = (seq: number, action = 'exhibit.withdraw') => ({
    seq,
    at: '2026-01-01T00:00:00.000Z',
    actor: 'x',
    action,
    subject: 'a.txt',
    contentHash: 'id',
    detail: '',
    prevHash: '',
    hash: '',
  });

  it('one record: no finding; two withdrawals of one document: a finding; a notice sent twice is not one', () => {
    expect(commandWriteFindings([rec(3)], [write])).toEqual([]);
    expect(commandWriteFindings([rec(3), rec(7)], [write])).toEqual([
      {
        kind: 'record',
        reason:
          'the withdrawal of exhibit a.txt (id) is stored once, but 2 exhibit.withdraw records in the audit log say so (records 3, 7): a document is withdrawn once',
      },
    ]);
    // other commands may record the same write again (not this rule's)
    const notice = { ...write, action: 'transfers.notice', what: 'the notice' };
    expect(commandWriteFindings([rec(3, 'transfers.notice'), rec(7, 'transfers.notice')], [notice])).toEqual(
      [],
    );
  });
});
