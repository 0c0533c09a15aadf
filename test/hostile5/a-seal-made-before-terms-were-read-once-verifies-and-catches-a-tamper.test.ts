import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditRecord, auditRecordHash } from '../../src/audit/auditChain.js';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { sealedResultsHash, streamedMonthInputsDigestsByKind } from '../../src/audit/closeSeal.js';
import { loadSealedMonths, monthInputChunks } from '../../src/store/closeRepository.js';
import { type Database, openDatabase, type Queryable } from '../../src/store/database.js';
import { businessDays, type CliStore, classBAgreementSeeds, cliStore } from '../calc7/support.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12: `audit verify` checks a closed month's seal as it was made. Since session 53 a close
 * reads each distributor term once as it reads in the month (`distributorTerms`); a seal made
 * before read every record, so a term recorded again (ended after the month: append-only) was
 * digested twice. `termsAsSealed` (src/audit/monthInputsDigest.ts) checks such a seal against the
 * records read as it read them — untested until now (hostile5).
 *
 * AIM Constellation Fund B: AIM's term from 2003-08-18 recorded open, then recorded again ended
 * 2026-12-31, both before May 2005 is closed. In May both records read as one open term: the
 * close of today seals one row; a close before session 53 sealed two. The old seal is made here
 * by hand: the month's `distributorTerms` kind replaced by the every-record digest, its results
 * hash recomputed, and the close's audit record and every record after it hashed again (what a
 * store sealed by the older build holds). Then: verify passes; a term changed by SQL fails it.
 */
const CO = 'AIM Constellation Fund';
const AIM = 'AIM Distributors Inc.';
const MAY = '2005-05';
let store: CliStore;
let db: Database;

const terms = (q: Queryable, termsAsRecorded: boolean) =>
  streamedMonthInputsDigestsByKind(
    monthInputChunks(q, MAY, '2005-05-01', '2005-05-31', {
      asSealed: true,
      governing: true,
      records: true,
      termsAsRecorded,
      onlyKind: 'distributorTerms',
    }),
  ).then((k) => k[0]![1]);

const findings = async (q: Queryable) =>
  verifyAuditEvidence(await loadAuditEvidence(q)).findings.map((f) => `${f.kind}: ${f.reason}`);
class Rollback extends Error {}
/** `change`, then verify's findings, rolled back. */
async function findingsAfter(change: (tx: Queryable) => Promise<unknown>): Promise<string[]> {
  let out: string[] = [];
  await db
    .transaction(async (tx) => {
      await change(tx);
      out = await findings(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return out;
}

/** The month's seal rewritten with `inputsDigest`, as a close of the older build sealed it. */
async function resealAsOlderBuild(q: Queryable, inputsDigest: string): Promise<void> {
  const [sealed] = await loadSealedMonths(q, MAY);
  const resultsHash = sealedResultsHash({ parts: sealed!.parts, chain: sealed!.chain!, inputsDigest });
  const records = await q.query<Record<string, string>>(
    'SELECT seq, at, actor, action, subject, content_hash, detail, prev_hash, hash FROM audit_log ORDER BY seq',
  );
  await q.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await q.query('ALTER TABLE closed_month DISABLE TRIGGER USER');
  let prev: string | null = null;
  for (const r of records) {
    const seq = Number(r.seq);
    if (seq < sealed!.auditSeq! && prev === null) continue;
    const base: Omit<AuditRecord, 'hash'> = {
      seq,
      at: new Date(r.at!).toISOString(),
      actor: r.actor!,
      action: r.action!,
      subject: r.subject!,
      contentHash: seq === sealed!.auditSeq ? resultsHash : r.content_hash!,
      detail: r.detail!,
      prevHash: prev ?? r.prev_hash!,
    };
    prev = auditRecordHash(base);
    await q.query('UPDATE audit_log SET content_hash = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
      base.contentHash,
      base.prevHash,
      prev,
      seq,
    ]);
    await q.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [seq, prev]);
  }
  await q.query('UPDATE closed_month SET inputs_digest = $1, results_hash = $2 WHERE month = $3', [
    inputsDigest,
    resultsHash,
    MAY,
  ]);
  await q.query('ALTER TABLE closed_month ENABLE TRIGGER USER');
  await q.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

describe.skipIf(!seedsAvailable)('a seal made before distributor terms were read once', () => {
  beforeAll(async () => {
    store = await cliStore('hostile5-terms-as-sealed');
    const s = store;
    await s.ok('exhibit', 'import', ...classBAgreementSeeds());
    await s.ok('accounts', 'import', s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N6,no,D']));
    await s.ok(
      'distributors',
      'import',
      s.file('distributors.csv', [
        'portfolio,distributor,start,end',
        `all,${AIM},2003-08-18,`,
        `${CO},${AIM},2003-08-18,`,
      ]),
    );
    await s.ok(
      'distributors',
      'import',
      s.file('distributors-2.csv', ['portfolio,distributor,start,end', `${CO},${AIM},2003-08-18,2026-12-31`]),
    );
    await s.ok(
      'transactions',
      'import',
      s.file('transactions.csv', [
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        `2004-05-03,N6P,N6,${CO},B,purchase,600,10.00,,`,
      ]),
    );
    await s.ok(
      'net-assets',
      'import',
      s.file('na.csv', [
        'date,portfolio,class,net_assets',
        ...businessDays('2005-05-01', '2005-06-30').map((d) => `${d},${CO},B,3650000.00`),
      ]),
    );
    await s.ok('close', '--month', MAY);
    db = await openDatabase(join(s.dir, 'db'));
  });
  afterAll(async () => {
    await db?.close();
    store?.remove();
  });

  it('the two readings differ here (one term read once; its two records read each)', async () => {
    const [sealed] = await loadSealedMonths(db, MAY);
    const once = await terms(db, false);
    const each = await terms(db, true);
    expect(once).not.toBe(each);
    expect(sealed!.inputsDigest).toContain(`,distributorTerms=${once},`);
    expect(await findings(db)).toEqual([]);
  });

  it('sealed by the older build: verifies clean; a term changed by SQL: May’s terms named', async () => {
    const [sealed] = await loadSealedMonths(db, MAY);
    const once = await terms(db, false);
    const each = await terms(db, true);
    await db.transaction(async (tx) => {
      await resealAsOlderBuild(
        tx,
        sealed!.inputsDigest!.replace(`distributorTerms=${once}`, `distributorTerms=${each}`),
      );
    });
    const [older] = await loadSealedMonths(db, MAY);
    expect(older!.inputsDigest).toContain(`,distributorTerms=${each},`);
    expect(await findings(db)).toEqual([]);
    const named = (month: string) =>
      `inputs: closed month ${month}: what governed it differs from what was sealed, and no restatement records the change: distributor terms and rights assignments`;
    // by SQL, past the table's append-only trigger
    const bySql = (statement: string) => async (tx: Queryable) => {
      await tx.query('ALTER TABLE class_b_distributor_term DISABLE TRIGGER USER');
      await tx.query(statement);
      await tx.query('ALTER TABLE class_b_distributor_term ENABLE TRIGGER USER');
    };
    // the second record removed: read once, May reads as before — but not as the older seal read it
    expect(
      await findingsAfter(bySql(`DELETE FROM class_b_distributor_term WHERE end_date = '2026-12-31'`)),
    ).toEqual([named(MAY)]);
    // the second record's start moved into May: both readings change
    expect(
      await findingsAfter(
        bySql(`UPDATE class_b_distributor_term SET start_date = '2005-05-02' WHERE end_date = '2026-12-31'`),
      ),
    ).toEqual([named(MAY)]);
    // a record inserted (its import one made after the close): AIM's term in May ended 2005-05-20
    expect(
      await findingsAfter(
        bySql(`INSERT INTO class_b_distributor_term (import_id, distributor, portfolio_id, portfolio_name, start_date, end_date)
                 SELECT max(import_id), distributor, portfolio_id, portfolio_name, start_date, '2005-05-20'
                   FROM class_b_distributor_term WHERE end_date = '2026-12-31'
                  GROUP BY distributor, portfolio_id, portfolio_name, start_date`),
      ),
    ).toEqual([named(MAY)]);
  });

  it('sealed by the older build, the term recorded once more after the close (ended later still): verifies clean', async () => {
    await db.close(); // the command opens the folder itself
    await store.ok(
      'distributors',
      'import',
      store.file('distributors-3.csv', [
        'portfolio,distributor,start,end',
        `${CO},${AIM},2003-08-18,2027-12-31`,
      ]),
    );
    db = await openDatabase(join(store.dir, 'db'));
    const [[n]] = (await db.textRows('SELECT count(*) FROM class_b_distributor_term')) as [[string]];
    expect(n).toBe('4');
    expect(await findings(db)).toEqual([]);
    // a record forged under that later import, reading otherwise in May (ended 2005-05-20): found
    expect(
      await findingsAfter(async (tx) => {
        await tx.query('ALTER TABLE class_b_distributor_term DISABLE TRIGGER USER');
        await tx.query(`INSERT INTO class_b_distributor_term (import_id, distributor, portfolio_id, portfolio_name, start_date, end_date)
                          SELECT import_id, distributor, portfolio_id, portfolio_name, start_date, '2005-05-20'
                            FROM class_b_distributor_term WHERE end_date = '2027-12-31'`);
      }),
    ).toEqual([
      'inputs: closed month 2005-05: what governed it differs from what was sealed, and no restatement records the change: distributor terms and rights assignments',
    ]);
  });
});
