import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { changedInputKinds } from '../../src/audit/inputDigestKinds.js';
import { LedgerStateRowsDigest } from '../../src/audit/ledgerStateDigest.js';
import { sealedMonthInputsDigestNow } from '../../src/audit/monthInputsDigest.js';
import { loadSealedMonths } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * SPEC §12: the close seals its results, and `audit verify` finds what was changed outside
 * plan12b. Three records were not covered: the Class B ledger state a close writes (the lots every
 * later month starts from), the name → portfolio table, and a document inserted by SQL with an
 * import time after the close (left out of the month's seal as imported since). Digest v4 adds the
 * ledger state the close wrote (`classBLedgerState`; `classBLedgerStateBefore` for the state
 * before the books' first month it built), digested from the COPY text it wrote; verify derives
 * the name table from the documents, and finds each stored document's import record.
 *
 * The demo complex with January 2025 closed (the books' first month: its close builds the state
 * at 2024-12-31 and writes the state at 2025-01-31).
 */

const MONTH = DEMO_FIRST_MONTH;
class Rollback extends Error {}

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

describe('the ledger state, the portfolio names and the documents of a closed month', () => {
  let tdb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // a copy of the run's demo complex with January closed (test/support/demoOpen.ts), recorded once per run
    await demoJanuaryClosedStore(tdb.target);
    db = await tdb.open();
  });

  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** The kinds whose digest the change makes differ from the one sealed (the change rolled back). */
  async function changedBy(...sql: string[]): Promise<string[] | null> {
    let changed: string[] | null = null;
    await db
      .transaction(async (tx) => {
        for (const s of sql) await tx.query(s);
        const [sealed] = await loadSealedMonths(tx, MONTH);
        changed = changedInputKinds(
          sealed!.inputsDigest!,
          await sealedMonthInputsDigestNow(tx, MONTH, sealed!.inputsDigest),
        );
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    return changed;
  }

  /** The findings of `audit verify` with the change made, then undone by `undo`. */
  async function findingsWith(change: string, undo: string): Promise<string[]> {
    await db.query(change);
    try {
      return verifyAuditEvidence(await loadAuditEvidence(db)).findings.map((f) => `${f.kind}: ${f.reason}`);
    } finally {
      await db.query(undo);
    }
  }

  it('the close sealed v4 with the state it wrote at both month ends, and verifies', async () => {
    const [sealed] = await loadSealedMonths(db, MONTH);
    expect(sealed!.inputsDigest).toMatch(/^v4:/);
    expect(sealed!.inputsDigest).toContain(',classBLedgerState=');
    expect(sealed!.inputsDigest).toContain(',classBLedgerStateBefore=');
    expect(sealed!.inputsDigest).toContain(',classBLedgerStateAtEnd=');
    const rows = await db.query<{ as_of: string; n: string }>(
      `SELECT as_of::text, count(*)::text AS n FROM class_b_ledger_state GROUP BY as_of ORDER BY as_of`,
    );
    expect(rows.map((r) => r.as_of)).toEqual(['2024-12-31', '2025-01-31']);
    expect(await changedBy('SELECT 1')).toEqual([]);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('a lot of the state the close wrote, edited, added or deleted by SQL: classBLedgerState', async () => {
    // each is also a change of the ledger as it stood at 2025-01-31 (that account's latest state)
    const atEnd = ['classBLedgerState', 'classBLedgerStateAtEnd'];
    const oneAccount = `(SELECT min(account_key) FROM class_b_ledger_state WHERE as_of = '2025-01-31' AND lot_cost_cents <> '{}')`;
    expect(
      await changedBy(
        `UPDATE class_b_ledger_state SET lot_cost_cents = regexp_replace(lot_cost_cents, '^[{]', '{1') WHERE as_of = '2025-01-31' AND account_key = ${oneAccount}`,
      ),
    ).toEqual(atEnd);
    expect(
      await changedBy(
        `DELETE FROM class_b_ledger_state WHERE as_of = '2025-01-31' AND account_key = ${oneAccount}`,
      ),
    ).toEqual(atEnd);
    // an account's row at the month end that the close did not write (its ledger did not change)
    expect(
      await changedBy(
        `INSERT INTO class_b_ledger_state SELECT account_key, '2025-01-31', next_sequence, next_arrival, lot_arrival, lot_portfolio_key,
           lot_issuing_portfolio_key, lot_origin_txn_id, lot_free, lot_doi_epoch_day, lot_sequence, lot_share_units, lot_cost_cents,
           allowance_portfolio_key, allowance_year, allowance_units, allowance_used_units
           FROM class_b_ledger_state s WHERE as_of = '2024-12-31'
            AND NOT EXISTS (SELECT 1 FROM class_b_ledger_state t WHERE t.account_key = s.account_key AND t.as_of = '2025-01-31')
          LIMIT 1`,
      ),
    ).toEqual(atEnd);
  });

  it('what a ledger remembers of DOIs no longer held (migration 35), added, edited or deleted by SQL: the kind of its month end', async () => {
    const row = (asOf: string, shares: string) =>
      `INSERT INTO class_b_ledger_last_held
       SELECT account_key, as_of, 0, 19000, 1, ${shares} FROM class_b_ledger_state
        WHERE as_of = '${asOf}' ORDER BY account_key LIMIT 1`;
    // the first account's rows are its latest at 2025-01-31: the ledger as it stood then changes too
    expect(await changedBy(row('2025-01-31', '500000'))).toEqual([
      'classBLedgerState',
      'classBLedgerStateAtEnd',
    ]);
    expect(await changedBy(row('2024-12-31', '500000'))).toEqual([
      'classBLedgerStateAtEnd',
      'classBLedgerStateBefore',
    ]);
    // what the close wrote: the demo's accounts that exchanged and gave up all of a DOI since
    const stored = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM class_b_ledger_last_held WHERE portfolio_key IS NOT NULL`,
    );
    expect(stored[0]!.n).toBeGreaterThan(0);
    expect(await changedBy('UPDATE class_b_ledger_last_held SET share_units = share_units + 1')).not.toEqual(
      [],
    );
    expect(await changedBy('DELETE FROM class_b_ledger_last_held')).not.toEqual([]);
    // a "not recorded" mark (a state written before migration 35) was never sealed: nothing changes
    expect(
      await changedBy(
        `INSERT INTO class_b_ledger_last_held (account_key, as_of)
         SELECT account_key, as_of FROM class_b_ledger_state WHERE as_of = '2025-01-31' ORDER BY account_key LIMIT 1`,
      ),
    ).toEqual([]);
  });

  it('the state it built before the books’ first month, changed by SQL: classBLedgerStateBefore', async () => {
    // the first account did nothing in January: its state at 2024-12-31 is its latest at 2025-01-31
    expect(
      await changedBy(
        `UPDATE class_b_ledger_state SET next_arrival = next_arrival + 1
          WHERE as_of = '2024-12-31' AND account_key = (SELECT min(account_key) FROM class_b_ledger_state WHERE as_of = '2024-12-31')`,
      ),
    ).toEqual(['classBLedgerStateAtEnd', 'classBLedgerStateBefore']);
  });

  it('a month sealed v3 is still checked as v3: the ledger state is not among its kinds', async () => {
    await db
      .transaction(async (tx) => {
        const [sealed] = await loadSealedMonths(tx, MONTH);
        const v3 = `v3:${sealed!
          .inputsDigest!.slice(3)
          .split(',')
          // a v3 seal has none of the ledger's kinds (the state, and what it names by key), nor the
          // Exhibit A holdings kept (v4 since exa2)
          .filter((p) => !p.startsWith('classBLedger') && !p.startsWith('exhibitAHoldings='))
          .join(',')}`;
        await tx.query(
          `UPDATE class_b_ledger_state SET next_arrival = next_arrival + 1 WHERE as_of = '2025-01-31'`,
        );
        expect(await sealedMonthInputsDigestNow(tx, MONTH, v3)).toBe(v3);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });

  it('a portfolio name filed under another portfolio by SQL is found', async () => {
    const [row] = await db.query<{ name_key: string; portfolio_id: string; name: string }>(
      `SELECT name_key, portfolio_id, name FROM portfolio_name WHERE name_key = 'summit core stock fund'`,
    );
    expect(row!.portfolio_id).toBe('harbor-core-equity-fund');
    const findings = await findingsWith(
      `UPDATE portfolio_name SET portfolio_id = 'harbor-energy-fund' WHERE name_key = 'summit core stock fund'`,
      `UPDATE portfolio_name SET portfolio_id = 'harbor-core-equity-fund' WHERE name_key = 'summit core stock fund'`,
    );
    expect(findings).toEqual([
      'record: portfolio name "Summit Core Stock Fund" is stored for portfolio harbor-energy-fund, but the documents name portfolio harbor-core-equity-fund by "Summit Core Stock Fund"',
    ]);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('a copy of an exhibit inserted by SQL after the close is found: no import recorded it', async () => {
    const findings = await findingsWith(
      `INSERT INTO exhibit_document (id, file_name, kind, title, effective_date, parsed, byte_length, imported_at, imported_by)
       SELECT repeat('ab', 32), 'copy.txt', kind, title, effective_date, parsed, byte_length, now() + interval '1 hour', imported_by
         FROM exhibit_document WHERE file_name = 'demo-04-class-a-amendment-1.txt'`,
      `DELETE FROM exhibit_document WHERE id = repeat('ab', 32)`,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      /^record: exhibit copy\.txt \(abababababababab\), stored as imported at .*, is not among the documents of any exhibit\.import record/,
    );
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });
});

describe('the ledger state digest', () => {
  const a = '7\t2025-01-31\t3\t4\t{1}\t{2}\t{2}\t{T1}\t{f}\t{20000}\t{1}\t{10000}\t{500}\t{}\t{}\t{}\t{}\n';
  const b = '12\t2025-01-31\t1\t1\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n';
  const before = '7\t2024-12-31\t1\t1\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n';
  const kinds = (...slices: string[]) => {
    const d = new LedgerStateRowsDigest();
    for (const s of slices) d.addCopyText(Buffer.from(s));
    return d.kinds('2025-01-01');
  };

  it('is the SHA-256 of the rows’ SHA-256s in (month end, account) order, whatever order and slices they come in', () => {
    // worked by hand: account 7 before account 12 (as numbers), each line hashed with its newline
    const month = createHash('sha256')
      .update(Buffer.concat([sha(a), sha(b)]))
      .digest('hex');
    expect(kinds(a, b)).toEqual([['classBLedgerState', month]]);
    expect(kinds(b, a)).toEqual([['classBLedgerState', month]]);
    const text = b + a;
    expect(kinds(text.slice(0, 5), text.slice(5, 40), text.slice(40))).toEqual([
      ['classBLedgerState', month],
    ]);
    expect(kinds(b, before, a)).toEqual([
      ['classBLedgerState', month],
      ['classBLedgerStateBefore', createHash('sha256').update(sha(before)).digest('hex')],
    ]);
    expect(kinds()).toEqual([['classBLedgerState', createHash('sha256').digest('hex')]]);
  });

  it('says whether a row at the month end was handed over (none: the close seals what is stored)', () => {
    const d = new LedgerStateRowsDigest();
    d.addCopyText(Buffer.from(before));
    expect(d.hasRowsFrom('2025-01-01')).toBe(false);
    d.addCopyText(Buffer.from(b));
    expect(d.hasRowsFrom('2025-01-01')).toBe(true);
  });

  it('refuses text that ends within a row', () => {
    expect(() => kinds(a.slice(0, 10))).toThrow(/ends within a row/);
  });
});
