import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { CLASS_B_REFERENCES_MIGRATION } from '../../src/store/schema/classBReferencesSchema.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * Migration 29: the Class B ledger's three references (transaction → account, redemption →
 * transaction, piece → redemption) are checked once per statement by triggers, not by foreign
 * keys. Hostile SQL, as someone could type it on the server: a row without its parent is refused
 * whole (SQLSTATE 23503, the constraint and the key named), by INSERT, COPY or UPDATE; a parent
 * still referenced cannot be deleted, re-keyed or truncated; deleting a redemption deletes its
 * pieces.
 */
const TXN_COLUMNS = [
  'txn_id',
  'date',
  'account',
  'portfolio_id',
  'portfolio_name',
  'class',
  'type',
  'shares',
  'price',
  'import_id',
];
const txn = (id: string, account: string, type = 'purchase') =>
  [id, '2025-12-01', account, 'P1', 'Portfolio One', 'B', type, '10.0000', '12.0000', 1] as const;
const REDEMPTION_COLUMNS = [
  'txn_id',
  'account',
  'portfolio_id',
  'date',
  'shares',
  'price',
  'gross',
  'cdsc',
  'cdsc_waived',
  'redemption_fee',
  'net',
];
const redemption = (txnId: string) =>
  [txnId, 'A1', 'P1', '2025-12-02', '5.0000', '12.0000', '60.00', '3.00', '0.00', '0.00', '57.00'] as const;
const PIECE_COLUMNS = [
  'txn_id',
  'piece',
  'lot_id',
  'kind',
  'doi',
  'issuing_portfolio_id',
  'shares',
  'cost',
  'rate_pct',
  'base',
  'cdsc',
  'cdsc_waived',
];
const piece = (txnId: string, n: number) =>
  [
    txnId,
    n,
    'T1',
    'commission',
    '2025-12-01',
    'P1',
    '5.0000',
    '60.00',
    '5.000000',
    '60.00000000',
    '3.00',
    '0.00',
  ] as const;

const values = (row: readonly unknown[]) =>
  `(${row.map((v) => (typeof v === 'number' ? String(v) : `'${v}'`)).join(', ')})`;

/** The statement's error: SQLSTATE 23503, the constraint named, and the offending key in its detail. */
async function refused(statement: Promise<unknown>, constraint: string, key?: string): Promise<void> {
  const e = (await statement.then(
    () => undefined,
    (err: unknown) => err,
  )) as { code?: string; message?: string; detail?: string } | undefined;
  expect(e, 'the statement was not refused').toBeDefined();
  expect(e?.code).toBe('23503');
  expect(e?.message).toContain(constraint);
  if (key !== undefined) expect(e?.detail).toContain(`=(${key})`);
}

describe.each(dialects)('Class B references checked per statement on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const count = async (table: string) =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);
  const counts = async () => ({
    accounts: await count('class_b_account'),
    transactions: await count('class_b_transaction'),
    redemptions: await count('class_b_redemption'),
    pieces: await count('class_b_redemption_piece'),
  });

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });
  beforeEach(async () => {
    await db.exec(`
      TRUNCATE class_b_redemption_piece, class_b_redemption, class_b_transaction, class_b_account;
      INSERT INTO class_b_account (account, omnibus, import_id) VALUES ('A1', false, 1), ('A2', false, 1), ('A3', false, 1);
      INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')})
        VALUES ${values(txn('T1', 'A1'))}, ${values(txn('T2', 'A1', 'redeem'))}, ${values(txn('T3', 'A2'))};
      INSERT INTO class_b_redemption (${REDEMPTION_COLUMNS.join(', ')}) VALUES ${values(redemption('T2'))};
      INSERT INTO class_b_redemption_piece (${PIECE_COLUMNS.join(', ')})
        VALUES ${values(piece('T2', 0))}, ${values(piece('T2', 1))};`);
  });
  const seeded = { accounts: 3, transactions: 3, redemptions: 1, pieces: 2 };

  it('refuses a multi-row INSERT of transactions with one unknown account, writing none', async () => {
    await refused(
      db.query(
        `INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')})
         VALUES ${values(txn('T4', 'A2'))}, ${values(txn('T5', 'nobody'))}, ${values(txn('T6', 'A3'))}`,
      ),
      'class_b_transaction_account_fkey',
      'nobody',
    );
    expect(await counts()).toEqual(seeded);
  });

  it('refuses a COPY of transactions with one unknown account, writing none', async () => {
    await refused(
      db.copyIn('class_b_transaction', TXN_COLUMNS, [txn('T4', 'A2'), txn('T5', 'A3'), txn('T6', 'ghost')]),
      'class_b_transaction_account_fkey',
      'ghost',
    );
    expect(await counts()).toEqual(seeded);
  });

  it('refuses a redemption of an unknown transaction, by INSERT and by COPY, writing none', async () => {
    await db.query(
      `INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')}) VALUES ${values(txn('T4', 'A1', 'redeem'))}`,
    );
    await refused(
      db.query(
        `INSERT INTO class_b_redemption (${REDEMPTION_COLUMNS.join(', ')})
         VALUES ${values(redemption('T4'))}, ${values(redemption('T9'))}`,
      ),
      'class_b_redemption_txn_id_fkey',
      'T9',
    );
    await refused(
      db.copyIn('class_b_redemption', REDEMPTION_COLUMNS, [redemption('T4'), redemption('T8')]),
      'class_b_redemption_txn_id_fkey',
      'T8',
    );
    expect(await counts()).toEqual({ ...seeded, transactions: 4 });
  });

  it('refuses a piece of an unknown redemption, by INSERT and by COPY, writing none', async () => {
    await refused(
      db.query(
        `INSERT INTO class_b_redemption_piece (${PIECE_COLUMNS.join(', ')})
         VALUES ${values(piece('T2', 2))}, ${values(piece('T1', 0))}`,
      ),
      'class_b_redemption_piece_txn_id_fkey',
      'T1',
    );
    await refused(
      db.copyIn('class_b_redemption_piece', PIECE_COLUMNS, [piece('T2', 2), piece('T3', 0)]),
      'class_b_redemption_piece_txn_id_fkey',
      'T3',
    );
    expect(await counts()).toEqual(seeded);
  });

  it("refuses an UPDATE of a child's key to a missing parent; to an existing one it passes", async () => {
    await refused(
      db.query("UPDATE class_b_transaction SET account = CASE txn_id WHEN 'T3' THEN 'nobody' ELSE 'A3' END"),
      'class_b_transaction_account_fkey',
      'nobody',
    );
    // (a redemption without pieces: its own key is not held by a piece)
    await db.query('DELETE FROM class_b_redemption_piece');
    await refused(
      db.query("UPDATE class_b_redemption SET txn_id = 'T7'"),
      'class_b_redemption_txn_id_fkey',
      'T7',
    );
    await db.copyIn('class_b_redemption_piece', PIECE_COLUMNS, [piece('T2', 0), piece('T2', 1)]);
    await refused(
      db.query("UPDATE class_b_redemption_piece SET txn_id = 'T3' WHERE piece = 1"),
      'class_b_redemption_piece_txn_id_fkey',
      'T3',
    );
    await db.query("UPDATE class_b_transaction SET account = 'A3' WHERE txn_id = 'T3'");
    const moved = await db.query<{ account: string }>(
      "SELECT account FROM class_b_transaction WHERE txn_id = 'T3'",
    );
    expect(moved).toEqual([{ account: 'A3' }]);
  });

  it('refuses to delete or re-key an account or a transaction still referenced', async () => {
    await refused(
      db.query("DELETE FROM class_b_account WHERE account IN ('A2', 'A3')"),
      'class_b_transaction_account_fkey',
      'A2',
    );
    await refused(
      db.query("UPDATE class_b_account SET account = 'A1-renamed' WHERE account = 'A1'"),
      'class_b_transaction_account_fkey',
      'A1',
    );
    await refused(
      db.query("DELETE FROM class_b_transaction WHERE account = 'A1'"),
      'class_b_redemption_txn_id_fkey',
      'T2',
    );
    await refused(
      db.query("UPDATE class_b_redemption SET txn_id = 'T1' WHERE txn_id = 'T2'"),
      'class_b_redemption_piece_txn_id_fkey',
      'T2',
    );
    expect(await counts()).toEqual(seeded);
    // what nothing references may go, and a parent's other columns may change
    await db.query("DELETE FROM class_b_account WHERE account = 'A3'");
    await db.query("DELETE FROM class_b_transaction WHERE txn_id = 'T1'");
    await db.query("UPDATE class_b_account SET dealer_of_record = 'D' WHERE account = 'A1'");
    // the exhibit import's re-keying of portfolios (registryStore): every row, no key changed
    await db.query("UPDATE class_b_transaction SET portfolio_id = 'P2'");
    await db.query("UPDATE class_b_redemption SET portfolio_id = 'P2'");
    await db.query("UPDATE class_b_redemption_piece SET issuing_portfolio_id = 'P2'");
    expect(await counts()).toEqual({ ...seeded, accounts: 2, transactions: 2 });
  });

  it('deletes a redemption with its pieces; then its transaction may go', async () => {
    await db.query("DELETE FROM class_b_redemption WHERE txn_id = 'T2'");
    expect(await counts()).toEqual({ ...seeded, redemptions: 0, pieces: 0 });
    await db.query("DELETE FROM class_b_transaction WHERE txn_id = 'T2'");
    expect(await count('class_b_transaction')).toBe(2);
  });

  it('refuses TRUNCATE of a referenced parent alone; parent and children together pass', async () => {
    await refused(db.query('TRUNCATE class_b_account'), 'class_b_transaction_account_fkey');
    await refused(db.query('TRUNCATE class_b_redemption'), 'class_b_redemption_piece_txn_id_fkey');
    expect(await counts()).toEqual(seeded);
    await db.query(
      'TRUNCATE class_b_account, class_b_transaction, class_b_redemption, class_b_redemption_piece',
    );
    expect(await counts()).toEqual({ accounts: 0, transactions: 0, redemptions: 0, pieces: 0 });
  });

  it('migration 29 runs again as a no-op, and refuses a store holding an orphan', async () => {
    await db.transaction((tx) => tx.exec(CLASS_B_REFERENCES_MIGRATION.sql));
    await refused(
      db.query(
        `INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')}) VALUES ${values(txn('T4', 'nobody'))}`,
      ),
      'class_b_transaction_account_fkey',
      'nobody',
    );
    // an orphan written with the checks switched off (as the table's owner can)
    await db.exec(`ALTER TABLE class_b_redemption_piece DISABLE TRIGGER USER;
      INSERT INTO class_b_redemption_piece (${PIECE_COLUMNS.join(', ')}) VALUES ${values(piece('T3', 0))};
      ALTER TABLE class_b_redemption_piece ENABLE TRIGGER USER;`);
    await expect(db.transaction((tx) => tx.exec(CLASS_B_REFERENCES_MIGRATION.sql))).rejects.toMatchObject({
      code: '23503',
      message: expect.stringContaining(
        'class_b_redemption_piece holds a row of no class_b_redemption row: txn_id T3',
      ),
    });
    await db.query("DELETE FROM class_b_redemption_piece WHERE txn_id = 'T3'");
  });

  it.runIf(dialect === 'postgres')(
    'a parent deleted while another transaction writes its child waits for it, then is refused (READ COMMITTED)',
    async () => {
      const other = await tdb.open();
      try {
        const settled = (p: Promise<unknown>) => {
          const state = { done: false };
          p.then(
            () => {
              state.done = true;
            },
            () => {
              state.done = true;
            },
          );
          return state;
        };
        const pause = () => new Promise((r) => setTimeout(r, 300));
        // the child first: the parent's DELETE waits for the child's transaction, then sees its row
        let commit = () => {};
        let written = () => {};
        const childWritten = new Promise<void>((r) => {
          written = r;
        });
        const child = db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')}) VALUES ${values(txn('T4', 'A3'))}`,
          );
          written();
          await new Promise<void>((r) => {
            commit = r;
          });
        });
        await childWritten;
        const deletion = other.query("DELETE FROM class_b_account WHERE account = 'A3'");
        const deletionState = settled(deletion);
        await pause();
        expect(deletionState.done, 'the DELETE did not wait for the child').toBe(false);
        commit();
        await child;
        await refused(deletion, 'class_b_transaction_account_fkey', 'A3');
        // the parent first: the child's INSERT waits for the DELETE's transaction, then finds no parent
        await db.query("DELETE FROM class_b_transaction WHERE txn_id = 'T4'");
        let deleted = () => {};
        const parentDeleted = new Promise<void>((r) => {
          deleted = r;
        });
        const parent = other.transaction(async (tx) => {
          await tx.query("DELETE FROM class_b_account WHERE account = 'A3'");
          deleted();
          await new Promise<void>((r) => {
            commit = r;
          });
        });
        await parentDeleted;
        const insert = db.query(
          `INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')}) VALUES ${values(txn('T5', 'A3'))}`,
        );
        const insertState = settled(insert);
        await pause();
        expect(insertState.done, 'the INSERT did not wait for the DELETE').toBe(false);
        commit();
        await parent;
        await refused(insert, 'class_b_transaction_account_fkey', 'A3');
        expect(await counts()).toEqual({ ...seeded, accounts: 2 });
      } finally {
        await other.close();
      }
    },
  );

  it('rolls back the whole transaction a refused statement is part of', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO class_b_transaction (${TXN_COLUMNS.join(', ')}) VALUES ${values(txn('T4', 'A2'))}`,
        );
        await tx.copyIn('class_b_transaction', TXN_COLUMNS, [txn('T5', 'nobody')]);
      }),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await counts()).toEqual(seeded);
  });
});
