import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { monthInputsDigest } from '../../src/audit/closeSeal.js';
import { changedInputKinds } from '../../src/audit/inputDigestKinds.js';
import { sealedMonthInputsDigestNow } from '../../src/audit/monthInputsDigest.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import { loadSealedMonths, monthInputs } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { DEMO_FIRST_MONTH, demoJanuaryClosedStore } from '../support/demoOpen.js';

/**
 * SPEC §12: a closed month is locked, and `audit verify` finds what governed it changed outside
 * plan12b. The inputs digest a close sealed (v2) covered the feeds, the Board's rates, service
 * agreement events and terminations, but not the exhibits (their schedules), the approvals, the
 * service agreements, the accounts' omnibus flags, a reinvestment's stated attribution, the Class
 * B activity before the books' first month, nor the settings: an UPDATE of any of them by SQL left
 * `audit verify` saying "intact". Digest v3 covers each, and names the kinds that changed.
 *
 * The demo complex, January to May 2025 closed. Each change by SQL is made in a transaction that
 * is rolled back, the month's inputs digest recomputed inside it: the kinds named are the ones the
 * change touches, worked out from what each row governs (below). Then, through the CLI, a changed
 * approval date and a changed setting each exit 69 naming what changed, and what plan12b records
 * after the closes (a later approval, a new agreement) leaves the seal verified.
 */

const CLOSED = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'] as const;
/** amendment No. 1 of the Class A Plan: effective 2025-04-01, so it governs April and May only */
const AMENDMENT_1 = "file_name = 'demo-04-class-a-amendment-1.txt'";

class Rollback extends Error {}

describe('every record that governs a closed month', () => {
  let tdb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    // a copy of the run's demo complex with January closed (test/support/demoOpen.ts), recorded once per run
    await demoJanuaryClosedStore(tdb.target);
    db = await tdb.open();
    for (const month of CLOSED)
      if (month !== DEMO_FIRST_MONTH) await closeMonth(db, month, MONTH_CLOSE_STEPS);
  });

  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** The kinds whose digest the change makes differ from the one sealed, for the month. */
  async function changedBy(month: string, ...sql: string[]): Promise<string[] | null> {
    let changed: string[] | null = null;
    await db
      .transaction(async (tx) => {
        await tx.query('SET LOCAL session_replication_role = replica'); // triggers off, as an attacker would
        for (const s of sql) await tx.query(s);
        const [sealed] = await loadSealedMonths(tx, month);
        expect(sealed?.inputsDigest).toMatch(/^v[34]:/); // v4 since the ledger state is sealed
        const now = await sealedMonthInputsDigestNow(tx, month, sealed!.inputsDigest);
        changed = changedInputKinds(sealed!.inputsDigest!, now);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    return changed;
  }

  it('nothing changed: no kind differs', async () => {
    for (const month of CLOSED) expect(await changedBy(month, 'SELECT 1')).toEqual([]);
  });

  it('a schedule rate of the exhibit that governed: the exhibit and what governed', async () => {
    const raise = `UPDATE exhibit_document SET parsed = jsonb_set(parsed, '{schedules,0,entries,0,assetBasedSalesChargePct}', '"0.05"') WHERE ${AMENDMENT_1}`;
    expect(await changedBy('2025-04', raise)).toEqual(['exhibits', 'governing']);
    // March was governed by the Plan itself: the amendment is not among its inputs
    expect(await changedBy('2025-03', raise)).toEqual([]);
    // a field that governs nothing is still the exhibit as imported
    expect(
      await changedBy(
        '2025-05',
        `UPDATE exhibit_document SET parsed = jsonb_set(parsed, '{title}', '"x"') WHERE ${AMENDMENT_1}`,
      ),
    ).toEqual(['exhibits']);
    // withdrawn by SQL (no restatement recorded): the exhibit gone, and what it governed with it
    expect(
      await changedBy(
        '2025-04',
        `INSERT INTO exhibit_withdrawal (document_id, reason, withdrawn_by) SELECT id, 'sql', 'mallory' FROM exhibit_document WHERE ${AMENDMENT_1}`,
      ),
    ).toEqual(['exhibits', 'governing']);
  });

  it('an approval: its date, its votes, one deleted, one inserted', async () => {
    expect(
      await changedBy(
        '2025-01',
        "UPDATE approval SET meeting_date = '2025-03-14' WHERE meeting_date = '2025-03-13'",
      ),
    ).toEqual(['approvals']);
    expect(
      await changedBy(
        '2025-02',
        "UPDATE approval SET trustees_for = trustees_for - 1, trustees_against = trustees_against + 1 WHERE meeting_date = '2025-12-11'",
      ),
    ).toEqual(['approvals']);
    expect(await changedBy('2025-03', "DELETE FROM approval WHERE meeting_date = '2025-06-12'")).toEqual([
      'approvals',
    ]);
    // a copy under another id, of an import the close saw, recorded "tomorrow"
    expect(
      await changedBy(
        '2025-05',
        `INSERT INTO approval SELECT md5(id), meeting_date, body, subject, document_id, instrument_key, approved_name,
           portfolio_id, portfolio_name, class, trustees_for, trustees_against, trustees_absent, disinterested_for,
           disinterested_against, disinterested_absent, in_person, called_for_purpose, shares_outstanding,
           shares_present, shares_for, approved, outcome, import_id, now() + interval '1 day', recorded_by
         FROM approval WHERE meeting_date = '2025-03-13'`,
      ),
    ).toEqual(['approvals']);
  });

  it('a Transfer, a distributor term, a CDSC schedule', async () => {
    // TR-2025-01 is effective 2025-03-10: it governs March on, not February
    const percent = "UPDATE transfer SET twelve_b1_portion_pct = 50 WHERE id = 'TR-2025-01'";
    expect(await changedBy('2025-03', percent)).toEqual(['transfers']);
    expect(await changedBy('2025-02', percent)).toEqual([]);
    expect(
      await changedBy(
        '2025-01',
        "UPDATE class_b_distributor_term SET rights_assigned_to = 'Mallory' WHERE id = 1",
      ),
    ).toEqual(['distributorTerms']);
    expect(
      await changedBy(
        '2025-02',
        "INSERT INTO class_b_terms_rule (id, rule, cdsc_schedule_pct, import_id) VALUES (99, 'cdsc-schedule', '5,4,3,2,1,0', 1)",
      ),
    ).toEqual(['classBTermsRules']);
  });

  it('a service agreement, an omnibus flag, a reinvestment’s attribution, the activity before the books', async () => {
    expect(
      await changedBy(
        '2025-01',
        'UPDATE service_provider SET own_rate_pct = 0.10 WHERE id = (SELECT min(id) FROM service_provider)',
      ),
    ).toEqual(['serviceProviders']);
    expect(
      await changedBy(
        '2025-01',
        `UPDATE class_b_account SET omnibus = false WHERE account = (SELECT min(a.account) FROM class_b_account a
           WHERE a.omnibus AND EXISTS (SELECT 1 FROM class_b_transaction t WHERE t.account = a.account AND t.date <= '2025-01-31'))`,
      ),
    ).toEqual(['classBAccounts']);
    expect(
      await changedBy(
        '2025-04',
        `UPDATE class_b_transaction SET attributed_distributor = 'Mallory' WHERE txn_id =
           (SELECT min(txn_id) FROM class_b_transaction WHERE type = 'reinvest' AND date BETWEEN '2025-04-01' AND '2025-04-30')`,
      ),
    ).toEqual(['classBTransactions']);
    // January starts the books: the activity before it is sealed with it (and only with it)
    const before = `UPDATE class_b_transaction SET shares = shares + 1 WHERE txn_id =
      (SELECT min(txn_id) FROM class_b_transaction WHERE type = 'purchase' AND date < '2024-06-01')`;
    expect(await changedBy('2025-01', before)).toEqual(['classBTransactionsBefore']);
    expect(await changedBy('2025-02', before)).toEqual([]);
  });

  it('a month sealed with an older digest is checked the old way (v2: one digest; v1: the feeds only)', async () => {
    const range = ['2025-03', '2025-03-01', '2025-03-31'] as const;
    expect(await sealedMonthInputsDigestNow(db, '2025-03', 'v2:anything')).toBe(
      `v2:${monthInputsDigest(await monthInputs(db, ...range, { asSealed: true, governing: true }))}`,
    );
    expect(await sealedMonthInputsDigestNow(db, '2025-03', 'f00d')).toBe(
      monthInputsDigest(await monthInputs(db, ...range, { asSealed: true })),
    );
    // and an old digest names no kinds: the finding says what it said before
    expect(changedInputKinds('v2:a', 'v2:b')).toBeNull();
    expect(changedInputKinds('v3:a=1,b=2', 'v3:a=1,b=3')).toEqual(['b']);
  });

  it('a stored redemption of a closed month (what `redemptions` shows) is not the detail sealed', async () => {
    await db.query(`UPDATE class_b_redemption SET cdsc = cdsc + 1, gross = gross + 1 WHERE txn_id =
      (SELECT min(txn_id) FROM class_b_redemption WHERE date BETWEEN '2025-03-01' AND '2025-03-31')`);
    const findings = verifyAuditEvidence(await loadAuditEvidence(db)).findings;
    expect(findings.map((f) => [f.kind, f.reason.split(' (hash')[0]])).toEqual([
      [
        'seal',
        'closed month 2025-03: its Class B redemptions as stored now (17) are not the detail sealed in part class-b',
      ],
    ]);
    await db.query(`UPDATE class_b_redemption SET cdsc = cdsc - 1, gross = gross - 1 WHERE txn_id =
      (SELECT min(txn_id) FROM class_b_redemption WHERE date BETWEEN '2025-03-01' AND '2025-03-31')`);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('an exhibit dated before the closed months is refused where it would change what governed them', async () => {
    const exhibit = (file: string, effectiveDate: string) => {
      const { doc } = demoExhibits().find((e) => e.fileName === file)!;
      const text = renderExhibit({ ...doc, effectiveDate, datedDate: effectiveDate }, { marked: false });
      return { fileName: `${effectiveDate}-${file}`, bytes: Buffer.from(text) };
    };
    // Amendment No. 1 as if effective 2024-06-03: before January, the books' first month, yet in
    // force in it — its rename (Harbor Core Equity Fund → Summit Core Stock Fund) would rename a
    // portfolio on every closed day. Before, imported (exit 0), and `audit verify` then failed.
    const refused = await importExhibits(db, [exhibit('demo-04-class-a-amendment-1.txt', '2024-06-03')]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ProblemsError);
    expect((refused as ProblemsError).problems.map((p) => [p.code, p.reason])).toEqual([
      [
        'REFUSED',
        '2025-01 is closed: this document would change what governed Harbor Core Equity Fund on 2025-01-01 (named Harbor Core Equity Fund → named Summit Core Stock Fund)',
      ],
    ]);
    // the Class C Plan as if first adopted in 2010: superseded by the 2024 Plan before the closed
    // months, it changes nothing in them, and is recorded
    const older = await importExhibits(db, [exhibit('demo-02-class-c-plan.txt', '2010-01-04')]);
    expect(older.imported).toHaveLength(1);
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('withdrawing an exhibit whose rename governed a closed month is refused (it would re-key the month’s rows)', async () => {
    const id = (await db.query<{ id: string }>(`SELECT id FROM exhibit_document WHERE ${AMENDMENT_1}`))[0]!
      .id;
    // Amendment No. 1 renamed Harbor Core Equity Fund Summit Core Stock Fund from 2025-04-01; its
    // withdrawal was recorded, re-keyed April's and May's rows, and `audit verify` then failed
    const refused = await withdrawExhibit(db, id, 'the draft').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Plan12bError);
    expect((refused as Plan12bError).exitCode).toBe(68);
    expect((refused as Plan12bError).message).toBe(
      "2025-04 is closed: withdrawing demo-04-class-a-amendment-1.txt would rename Summit Core Stock Fund on 2025-04-01 (named Summit Core Stock Fund → named Harbor Core Equity Fund), re-keying the closed month's rows",
    );
    expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
  });

  it('through the CLI: exit 69 naming what changed; what plan12b records after the closes verifies', async () => {
    const verify = () => runCliInProcess(['--db', tdb.target, 'audit', 'verify']);
    const intact = async () =>
      expect((await verifyAuditEvidence(await loadAuditEvidence(db))).findings).toEqual([]);
    await intact();

    // recorded by plan12b after the closes: a continuance voted in 2026, a new agreement
    const dir = tdb.target.replace(/\/?$/, '-files');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const approvals = join(dir, 'approvals-2026.csv');
    writeFileSync(
      approvals,
      [
        'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for',
        '2026-01-15,board,continuance,1b00b051a3ed5df1a5ddef91d53507018f9152852684f80b28b6a4c348d2f8f4,,,,8,0,1,6,0,0,yes,yes,,,',
      ].join('\n'),
    );
    const providers = join(dir, 'providers-new.csv');
    writeFileSync(
      providers,
      [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-0999,Northgate Dealer,dealer,2025-09-01,,',
      ].join('\n'),
    );
    await db.close();
    for (const args of [
      ['approvals', 'import', approvals],
      ['providers', 'import', providers],
    ]) {
      const run = await runCliInProcess(['--db', tdb.target, '--actor', 'Clerk', ...args]);
      expect(run.code, run.stderr).toBe(0);
    }
    const ok = await verify();
    expect(ok.code, ok.stderr).toBe(0);

    // changed by SQL at once (one `audit verify` reports every finding): an approval's date — every
    // closed month names the approvals — and a setting, which the log's settings.set record says otherwise
    db = await tdb.open();
    const seq = (
      await db.query<{ seq: string }>(
        "SELECT max(seq)::text AS seq FROM audit_log WHERE action = 'settings.set'",
      )
    )[0]!.seq;
    await db.query("UPDATE approval SET meeting_date = '2025-03-14' WHERE meeting_date = '2025-03-13'");
    await db.query("UPDATE setting SET value = 'false' WHERE key = 'approvals.enforce'");
    await db.close();
    const run = await verify();
    expect(run.code).toBe(69);
    for (const month of CLOSED)
      expect(run.stderr).toContain(
        `inputs: closed month ${month}: what governed it differs from what was sealed, and no restatement records the change: approvals (board and shareholder votes)`,
      );
    expect(run.stderr).toContain(
      `record: setting approvals.enforce is "false", but the audit log's last settings.set for it (record ${seq}) set "true"`,
    );
    db = await tdb.open();
    await db.query("UPDATE approval SET meeting_date = '2025-03-13' WHERE meeting_date = '2025-03-14'");
    await db.query("UPDATE setting SET value = 'true' WHERE key = 'approvals.enforce'");
    await intact();
  });
});
