import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * A store imported by a build that did not read Plan §7's "shall continue in effect until June 30,
 * 2003" (seed 002, line 164) nor Plan §10(a)'s "on not more than sixty (60) days' written notice"
 * (line 187) keeps its parse as imported: a month close records a hash of it (SPEC §12), so it is
 * never patched. Importing the same file again changes nothing, and now says so: what the reader
 * reads that the stored parse lacks, what the registry takes instead (the Rule's year, sixty days)
 * and what to do (the continuance.plan-first-deadline setting).
 */
const seed002 = () => seedExhibitFiles().filter((f) => f.fileName.includes('002_'));

describe.skipIf(!seedsAvailable)('an exhibit imported again names the clauses its stored parse lacks', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(db, seed002());
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the same bytes again, as imported by this build: unchanged, nothing to say of the clauses', async () => {
    const again = await importExhibits(db, seed002());
    expect(again.imported).toEqual([]);
    expect(again.unchanged).toHaveLength(1);
    expect(again.warnings.filter((w) => w.includes('stored parse'))).toEqual([]);
  });

  it('a parse stored by an older build: unchanged, and the warning names both clauses and the setting', async () => {
    // what an older build stored: the parse without the two clauses (test-only SQL)
    await db.query(`UPDATE exhibit_document SET parsed = parsed - 'continuance' - 'terminationNotice'`);
    const again = await importExhibits(db, seed002());
    expect(again.imported).toEqual([]);
    expect(again.unchanged).toHaveLength(1);
    const [w, ...more] = again.warnings.filter((x) => x.includes('stored parse'));
    expect(more).toEqual([]);
    expect(w).toContain('continue in effect until June 30, 2003');
    expect(w).toContain('line 164');
    expect(w).toContain("on not more than sixty (60) days' written notice");
    expect(w).toContain('line 187');
    expect(w).toContain('continuance.plan-first-deadline');
    // nothing was written: the stored parse still lacks them
    const [row] = await db.query<{ has: boolean }>(
      `SELECT (parsed ? 'continuance') OR (parsed ? 'terminationNotice') AS has FROM exhibit_document`,
    );
    expect(row!.has).toBe(false);
  });

  it('the same text with other line ends reads as that document, not a new one beside it', async () => {
    // hostile6: a file whose bytes differ only where the reader reads nothing is the stored
    // document; the older parse lacks the two clauses the reader reads now, and that alone must
    // not make the CRLF copy a second document of the same Plan
    const [file] = seed002();
    const crlf = {
      fileName: 'plan-crlf.txt',
      bytes: Buffer.from(file!.bytes.toString('latin1').replaceAll('\n', '\r\n'), 'latin1'),
    };
    const again = await importExhibits(db, [crlf]);
    expect(again.imported).toEqual([]);
    expect(again.unchanged.map((u) => u.file)).toEqual(['plan-crlf.txt']);
    expect(again.warnings.some((w) => w.includes('reads as the same document'))).toBe(true);
    expect(again.warnings.some((w) => w.includes('stored parse') && w.includes('line 164'))).toBe(true);
    const [n] = await db.query<{ n: string }>('SELECT count(*) AS n FROM exhibit_document');
    expect(Number(n!.n)).toBe(1);
  });
});
