import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { changedInputKinds } from '../../src/audit/inputDigestKinds.js';
import { sealedMonthInputsDigestNow } from '../../src/audit/monthInputsDigest.js';
import { loadSealedMonths } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * SPEC §12 (verification finds what was changed outside plan12b), as an adversary with SQL tried
 * it (hostile4). The Class B ledger a close stores holds integer keys, not names: which account a
 * state row is (`class_b_account.account_key`), which portfolio a lot is in
 * (`class_b_ledger_portfolio`), and, kept beside it, each Free Share lot's Exhibit A 2(b)
 * attribution (`class_b_lot_attribution`). Every later close reads them. On the demo complex with
 * 2025 closed, two portfolio keys swapped by SQL moved 4,787.28 of the January 2026 12b-1 portion
 * from the Assignee (Pinnacle Funding LLC) to the Distributor, an attribution rewritten to another
 * distributor changed the Exhibit A computation, and two accounts' keys swapped gave each the
 * other's lots — and `audit verify` passed before and after that close, which sealed the result.
 * Now each close seals what the ledger names by key (digest v4 kinds `classBLedgerAccounts`,
 * `classBLedgerAttributions`, `classBLedgerPortfolios`), and verify names the kind that changed.
 *
 * The demo complex with January 2025 closed (the books' first month: its close builds the ledger
 * at 2024-12-31 and writes it at 2025-01-31, with every attribution of a reinvestment by then).
 */

const MONTH = DEMO_FIRST_MONTH;
const KEY_KINDS = ['classBLedgerAccounts', 'classBLedgerAttributions', 'classBLedgerPortfolios'];
class Rollback extends Error {}

describe('what the stored Class B ledger names by key, changed by SQL after a close', () => {
  let tdb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    await demoJanuaryClosedStore(tdb.target);
    db = await tdb.open();
  });

  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** The kinds of the month's seal that the change makes differ, and verify's findings (rolled back). */
  async function changedBy(...sql: string[]): Promise<{ kinds: string[] | null; findings: string[] }> {
    let out: { kinds: string[] | null; findings: string[] } = { kinds: null, findings: [] };
    await db
      .transaction(async (tx) => {
        for (const s of sql) await tx.query(s);
        const [sealed] = await loadSealedMonths(tx, MONTH);
        out = {
          kinds: changedInputKinds(
            sealed!.inputsDigest!,
            await sealedMonthInputsDigestNow(tx, MONTH, sealed!.inputsDigest),
          ),
          findings: verifyAuditEvidence(await loadAuditEvidence(tx)).findings.map(
            (f) => `${f.kind}: ${f.reason}`,
          ),
        };
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    return out;
  }

  it('the close sealed the three kinds, the portfolio keys with their count, and verifies', async () => {
    const [sealed] = await loadSealedMonths(db, MONTH);
    for (const kind of KEY_KINDS) expect(sealed!.inputsDigest).toContain(`,${kind}=`);
    const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM class_b_ledger_portfolio');
    expect(sealed!.inputsDigest).toContain(`,classBLedgerPortfolios=${n!.n}:`);
    // the January close wrote attributions (the demo reinvests dividends), so the kind is not empty
    const [a] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM class_b_lot_attribution');
    expect(a!.n).toBeGreaterThan(0);
    expect(await changedBy('SELECT 1')).toEqual({ kinds: [], findings: [] });
  });

  it('two portfolio keys swapped: classBLedgerPortfolios, named by verify', async () => {
    const swapped = await changedBy(
      `UPDATE class_b_ledger_portfolio SET portfolio_id = '#' || portfolio_id WHERE portfolio_key IN (0, 1)`,
      `UPDATE class_b_ledger_portfolio p SET portfolio_id = (SELECT substr(q.portfolio_id, 2) FROM class_b_ledger_portfolio q
         WHERE q.portfolio_key = 1 - p.portfolio_key) WHERE portfolio_key IN (0, 1)`,
    );
    expect(swapped.kinds).toEqual(['classBLedgerPortfolios']);
    expect(swapped.findings).toEqual([
      `inputs: closed month ${MONTH}: what governed it differs from what was sealed, and no restatement records the change: the Class B ledger's portfolio keys (which portfolio each stored lot is in)`,
    ]);
    // the last key the close had, deleted
    expect(
      (
        await changedBy(
          'DELETE FROM class_b_ledger_portfolio WHERE portfolio_key = (SELECT max(portfolio_key) FROM class_b_ledger_portfolio)',
        )
      ).kinds,
    ).toEqual(['classBLedgerPortfolios']);
    // a key added after the close's (a later close's new portfolio) changes nothing sealed
    expect(
      (
        await changedBy(
          `INSERT INTO class_b_ledger_portfolio SELECT max(portfolio_key) + 1, 'a-later-portfolio' FROM class_b_ledger_portfolio`,
        )
      ).kinds,
    ).toEqual([]);
  });

  it('two accounts with January activity swap keys: classBLedgerAccounts', async () => {
    const two = `(SELECT a.account FROM class_b_account a WHERE EXISTS (SELECT 1 FROM class_b_transaction x
                   WHERE x.account = a.account AND x.date <= '2025-01-31') ORDER BY a.account_key LIMIT 2)`;
    const swapped = await changedBy(
      `UPDATE class_b_account SET account_key = -account_key WHERE account IN ${two}`,
      `UPDATE class_b_account a SET account_key = (SELECT -b.account_key FROM class_b_account b
         WHERE b.account_key < 0 AND b.account <> a.account) WHERE a.account_key < 0`,
    );
    expect(swapped.kinds).toEqual(['classBLedgerAccounts']);
    expect(swapped.findings).toEqual([
      `inputs: closed month ${MONTH}: what governed it differs from what was sealed, and no restatement records the change: the Class B ledger's account keys (whose lots each stored state holds)`,
    ]);
  });

  it('an attribution rewritten, deleted or inserted: classBLedgerAttributions', async () => {
    const one = `(SELECT min(origin_txn_id) FROM class_b_lot_attribution)`;
    const rewritten = await changedBy(
      `UPDATE class_b_lot_attribution SET attribution = '{"kind":"distributor","distributor":"Mallory"}' WHERE origin_txn_id = ${one}`,
    );
    expect(rewritten.kinds).toEqual(['classBLedgerAttributions']);
    expect(rewritten.findings).toEqual([
      `inputs: closed month ${MONTH}: what governed it differs from what was sealed, and no restatement records the change: the Exhibit A 2(b) attributions of the Free Shares the Class B ledger keeps`,
    ]);
    expect(
      (await changedBy(`DELETE FROM class_b_lot_attribution WHERE origin_txn_id = ${one}`)).kinds,
    ).toEqual(['classBLedgerAttributions']);
    // an attribution for a January reinvestment the close wrote none for (its Free Shares were gone by the month end, or another account's)
    expect(
      (
        await changedBy(
          `INSERT INTO class_b_lot_attribution SELECT a.account_key, x.txn_id, '{"kind":"distributor","distributor":"Mallory"}'
             FROM class_b_transaction x JOIN class_b_account a ON a.account = x.account
            WHERE x.date <= '2025-01-31'
              AND NOT EXISTS (SELECT 1 FROM class_b_lot_attribution t WHERE t.account_key = a.account_key AND t.origin_txn_id = x.txn_id)
            ORDER BY x.txn_id LIMIT 1`,
        )
      ).kinds,
    ).toEqual(['classBLedgerAttributions']);
  });

  it('a month sealed before these kinds is checked without them', async () => {
    await db
      .transaction(async (tx) => {
        const [sealed] = await loadSealedMonths(tx, MONTH);
        const before = `v4:${sealed!
          .inputsDigest!.slice(3)
          .split(',')
          .filter((p) => !KEY_KINDS.some((k) => p.startsWith(`${k}=`)))
          .join(',')}`;
        expect(before).not.toBe(sealed!.inputsDigest);
        await tx.query(`UPDATE class_b_lot_attribution SET attribution = '{}'`);
        await tx.query(`UPDATE class_b_ledger_portfolio SET portfolio_id = '#' || portfolio_id`);
        expect(await sealedMonthInputsDigestNow(tx, MONTH, before)).toBe(before);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  });
});
