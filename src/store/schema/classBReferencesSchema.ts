import type { Migration } from '../migrations.js';

/**
 * The Class B ledger's references checked once per statement, not row by row (issue 14: "the
 * transactions stay the record, primary key only, plus what the queries need"). A foreign key is
 * checked by PostgreSQL for each row written (a probe of the parent's key and a row lock): ~10 s
 * of CPU per million transactions COPYed, a quarter of the month's largest statement. Migration 29
 * replaces the three foreign keys of the Class B ledger with statement-level triggers whose checks
 * are anti-joins of the statement's rows (its transition tables) against the parent's primary key:
 *
 * | reference (constraint name in the errors)  | child → parent                                        | parent deleted          |
 * | ------------------------------------------ | ----------------------------------------------------- | ----------------------- |
 * | `class_b_transaction_account_fkey`         | `class_b_transaction.account → class_b_account`       | refused while referenced |
 * | `class_b_redemption_txn_id_fkey`           | `class_b_redemption.txn_id → class_b_transaction`     | refused while referenced |
 * | `class_b_redemption_piece_txn_id_fkey`     | `class_b_redemption_piece.txn_id → class_b_redemption` | its pieces deleted (the cascade `replaceRedemptions` relies on) |
 *
 * Whoever writes (plan12b, or SQL typed on the server), a statement that leaves a child row
 * without its parent fails with SQLSTATE 23503 (foreign_key_violation), naming the constraint and
 * one offending key, and writes nothing; a parent's key may change only when no row references
 * it; TRUNCATE of a parent alone is refused while a child row remains (truncating both in one
 * statement works, as with a foreign key).
 *
 * Concurrent writers (plan12b has one at a time, its writer lock; SQL typed on the server may
 * race): the child check locks no parent row (a set-based FOR KEY SHARE of the parents matched,
 * as a foreign key locks them row by row, made the check 40–60% dearer: docs/PERFORMANCE.md).
 * Instead the parent side (DELETE, key UPDATE, cascade, TRUNCATE: rare) locks the child table
 * SHARE ROW EXCLUSIVE before it checks, which waits for every transaction that has written the
 * child table and holds off new writers until it ends (readers go on; a running autovacuum of the
 * child gives way). Under READ COMMITTED (each statement of a trigger takes a new snapshot) a
 * parent deleted while a child is being written waits for the child's transaction, then sees the
 * child and is refused (or cascades to it); a child written while its parent is being deleted
 * waits (its INSERT's lock on the table), then finds no parent and is refused. Under REPEATABLE
 * READ a writer that waited checks against its older snapshot and can miss the other's commit (a
 * foreign key uses a newer snapshot there); SERIALIZABLE should refuse one of the two (not
 * tested). Hand-written concurrent writes must run at READ COMMITTED or SERIALIZABLE.
 *
 * The data is checked before the foreign keys go (they held it, but a store whose triggers were
 * ever disabled must not be blessed), and every step may run again (IF EXISTS, OR REPLACE). The
 * tables are named in the trigger's schema (TG_TABLE_SCHEMA), not through the search path: a
 * session on the server with another search path checks the same tables.
 */
interface Reference {
  readonly name: string;
  readonly child: string;
  readonly column: string;
  readonly parent: string;
  readonly parentColumn: string;
  readonly onDelete: 'refuse' | 'cascade';
}

export const CLASS_B_REFERENCES: readonly Reference[] = [
  {
    name: 'class_b_transaction_account_fkey',
    child: 'class_b_transaction',
    column: 'account',
    parent: 'class_b_account',
    parentColumn: 'account',
    onDelete: 'refuse',
  },
  {
    name: 'class_b_redemption_txn_id_fkey',
    child: 'class_b_redemption',
    column: 'txn_id',
    parent: 'class_b_transaction',
    parentColumn: 'txn_id',
    onDelete: 'refuse',
  },
  {
    name: 'class_b_redemption_piece_txn_id_fkey',
    child: 'class_b_redemption_piece',
    column: 'txn_id',
    parent: 'class_b_redemption',
    parentColumn: 'txn_id',
    onDelete: 'cascade',
  },
];

/** The trigger's arguments: constraint name, child table and column, parent table and column. */
const args = (r: Reference) =>
  [r.name, r.child, r.column, r.parent, r.parentColumn].map((a) => `'${a}'`).join(', ');

/** Child rows no parent row has, of every reference: the check before the foreign keys go. */
const orphansCheck = (r: Reference) => `
      SELECT c.${r.column} INTO k FROM ${r.child} c
       WHERE NOT EXISTS (SELECT 1 FROM ${r.parent} p WHERE p.${r.parentColumn} = c.${r.column}) LIMIT 1;
      IF FOUND THEN
        RAISE EXCEPTION '${r.child} holds a row of no ${r.parent} row: ${r.column} %', k
          USING ERRCODE = 'foreign_key_violation';
      END IF;`;

const triggers = (r: Reference) => `
    DROP TRIGGER IF EXISTS ${r.name}_insert ON ${r.child};
    CREATE TRIGGER ${r.name}_insert AFTER INSERT ON ${r.child}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION plan12b_reference_child_check(${args(r)});
    DROP TRIGGER IF EXISTS ${r.name}_update ON ${r.child};
    CREATE TRIGGER ${r.name}_update AFTER UPDATE ON ${r.child}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION plan12b_reference_child_check(${args(r)});
    DROP TRIGGER IF EXISTS ${r.name}_parent_delete ON ${r.parent};
    CREATE TRIGGER ${r.name}_parent_delete AFTER DELETE ON ${r.parent}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
      EXECUTE FUNCTION ${r.onDelete === 'cascade' ? 'plan12b_reference_parent_cascade' : 'plan12b_reference_parent_check'}(${args(r)});
    DROP TRIGGER IF EXISTS ${r.name}_parent_update ON ${r.parent};
    CREATE TRIGGER ${r.name}_parent_update AFTER UPDATE ON ${r.parent}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION plan12b_reference_parent_check(${args(r)});
    DROP TRIGGER IF EXISTS ${r.name}_parent_truncate ON ${r.parent};
    CREATE TRIGGER ${r.name}_parent_truncate AFTER TRUNCATE ON ${r.parent}
      FOR EACH STATEMENT EXECUTE FUNCTION plan12b_reference_parent_truncate(${args(r)});`;

export const CLASS_B_REFERENCES_MIGRATION: Migration = {
  version: 29,
  name: 'class B ledger: references checked per statement (anti-joins), not per row (foreign keys)',
  sql: `
    DO $$
    DECLARE k text;
    BEGIN${CLASS_B_REFERENCES.map(orphansCheck).join('')}
    END $$;
    ${CLASS_B_REFERENCES.map((r) => `ALTER TABLE ${r.child} DROP CONSTRAINT IF EXISTS ${r.name};`).join('\n    ')}

    -- The statement's child rows (new_rows; of an UPDATE only the keys its rows did not already
    -- hold) whose parent key is absent: one anti-join against the parent's primary key, no row
    -- lock (the parent side locks the child table instead, below). Dynamic SQL: planned for this
    -- statement's rows (a plan cached for one row would probe the parent row by row for a million).
    CREATE OR REPLACE FUNCTION plan12b_reference_child_check() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      conname text := TG_ARGV[0]; child text := TG_ARGV[1]; col text := TG_ARGV[2];
      parent text := TG_ARGV[3]; pcol text := TG_ARGV[4];
      wanted text; k text;
    BEGIN
      wanted := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT n.%I AS k FROM new_rows n', col)
        ELSE format('SELECT n.%I AS k FROM new_rows n EXCEPT SELECT o.%I FROM old_rows o', col, col)
      END;
      EXECUTE format(
        'SELECT w.k::text FROM (%s) w
          WHERE w.k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %I.%I p WHERE p.%I = w.k) LIMIT 1',
        wanted, TG_TABLE_SCHEMA, parent, pcol) INTO k;
      IF k IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', child, conname
          USING ERRCODE = 'foreign_key_violation', CONSTRAINT = conname, TABLE = child, COLUMN = col,
                DETAIL = format('Key (%s)=(%s) is not present in table "%s".', col, k, parent);
      END IF;
      RETURN NULL;
    END $fn$;

    -- The statement's removed parent keys (deleted, or changed by an UPDATE) still referenced by
    -- a child row: refused (a foreign key's NO ACTION, checked at the statement's end). The child
    -- table is locked first against other writers (SHARE ROW EXCLUSIVE: readers go on), so the
    -- check sees every child committed before it, and none can be written until this one ends.
    CREATE OR REPLACE FUNCTION plan12b_reference_parent_check() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      conname text := TG_ARGV[0]; child text := TG_ARGV[1]; col text := TG_ARGV[2];
      parent text := TG_ARGV[3]; pcol text := TG_ARGV[4];
      removed text; k text; any_removed boolean;
    BEGIN
      removed := CASE TG_OP
        WHEN 'DELETE' THEN format('SELECT o.%I AS k FROM old_rows o', pcol)
        ELSE format('SELECT o.%I AS k FROM old_rows o EXCEPT SELECT n.%I FROM new_rows n', pcol, pcol)
      END;
      EXECUTE format('SELECT EXISTS (%s)', removed) INTO any_removed;
      IF NOT any_removed THEN
        RETURN NULL; -- an UPDATE of other columns
      END IF;
      EXECUTE format('LOCK TABLE %I.%I IN SHARE ROW EXCLUSIVE MODE', TG_TABLE_SCHEMA, child);
      EXECUTE format(
        'SELECT r.k::text FROM (%s) r
          WHERE NOT EXISTS (SELECT 1 FROM %I.%I p WHERE p.%I = r.k)
            AND EXISTS (SELECT 1 FROM %I.%I c WHERE c.%I = r.k) LIMIT 1',
        removed, TG_TABLE_SCHEMA, parent, pcol, TG_TABLE_SCHEMA, child, col) INTO k;
      IF k IS NOT NULL THEN
        RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%" on table "%"',
            parent, conname, child
          USING ERRCODE = 'foreign_key_violation', CONSTRAINT = conname, TABLE = parent, COLUMN = pcol,
                DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".', pcol, k, child);
      END IF;
      RETURN NULL;
    END $fn$;

    -- ON DELETE CASCADE: the child rows of the statement's deleted parents go with them (the
    -- child table locked first, as above, so that none is written meanwhile).
    CREATE OR REPLACE FUNCTION plan12b_reference_parent_cascade() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      child text := TG_ARGV[1]; col text := TG_ARGV[2]; pcol text := TG_ARGV[4];
    BEGIN
      EXECUTE format('LOCK TABLE %I.%I IN SHARE ROW EXCLUSIVE MODE', TG_TABLE_SCHEMA, child);
      EXECUTE format('DELETE FROM %I.%I c USING old_rows o WHERE c.%I = o.%I',
        TG_TABLE_SCHEMA, child, col, pcol);
      RETURN NULL;
    END $fn$;

    -- TRUNCATE of a parent: refused while a child row remains (after every table the statement
    -- names is truncated, so TRUNCATE of parent and child together passes).
    CREATE OR REPLACE FUNCTION plan12b_reference_parent_truncate() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
    DECLARE
      conname text := TG_ARGV[0]; child text := TG_ARGV[1]; parent text := TG_ARGV[3];
      referenced boolean;
    BEGIN
      EXECUTE format('LOCK TABLE %I.%I IN SHARE ROW EXCLUSIVE MODE', TG_TABLE_SCHEMA, child);
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I)', TG_TABLE_SCHEMA, child) INTO referenced;
      IF referenced THEN
        RAISE EXCEPTION 'cannot truncate table "%": table "%" references it (constraint "%")',
            parent, child, conname
          USING ERRCODE = 'foreign_key_violation', CONSTRAINT = conname, TABLE = parent,
                HINT = format('Truncate table "%s" at the same time.', child);
      END IF;
      RETURN NULL;
    END $fn$;
    ${CLASS_B_REFERENCES.map(triggers).join('\n')}
  `,
};
