import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { statedAgainOtherwise } from '../../src/import/statedAgainOtherwise.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { corpusAvailable, corpusDir } from '../edgar/corpusDocuments.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

// SPEC §12: the same file twice changes nothing; §2.1: what the user states is recorded as such;
// §2: import order never changes the result. The corpus draft 04 (blank "Dated: , 2002") imported
// with --effective-date 2002-03-01 and then again with 2002-04-01 kept the first date and said
// only "unchanged": the other order kept the other date, and the user was never told.

describe('a fact stated otherwise on a second import of the same bytes', () => {
  it('is named with what stands and what is not recorded', () => {
    expect(
      statedAgainOtherwise('d.txt', { effectiveDate: '2002-03-01' }, { effectiveDate: '2002-04-01' }),
    ).toBe(
      'd.txt: already imported with --effective-date 2002-03-01 stated; the --effective-date 2002-04-01 stated now is not recorded (the same document twice changes nothing; it stays as first imported)',
    );
    expect(statedAgainOtherwise('d.txt', { class: 'A' }, { class: 'A', effectiveDate: '2009-08-15' })).toBe(
      'd.txt: already imported with no --effective-date stated; the --effective-date 2009-08-15 stated now is not recorded (the same document twice changes nothing; it stays as first imported)',
    );
    // stated the same way: nothing to say
    expect(
      statedAgainOtherwise('d.txt', { effectiveDate: '2002-03-01' }, { effectiveDate: '2002-03-01' }),
    ).toBeNull();
    expect(statedAgainOtherwise('d.txt', { effectiveDate: '2002-03-01' }, undefined)).toBeNull();
  });

  describe.skipIf(!corpusAvailable)('through the import, on the corpus draft', () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('keeps the first date, and warns of the second instead of a silent "unchanged"', async () => {
      const fileName = join(corpusDir, '04_aim-growth-series-MDA-classAC-amend1-draft-2002.txt');
      const files = [{ fileName, bytes: readFileSync(fileName) }];
      const first = await importExhibits(db, files, undefined, { effectiveDate: '2002-03-01' });
      expect(first.imported).toHaveLength(1);
      const same = await importExhibits(db, files, undefined, { effectiveDate: '2002-03-01' });
      expect(same.unchanged).toHaveLength(1);
      expect(same.warnings).toEqual([]);
      const other = await importExhibits(db, files, undefined, { effectiveDate: '2002-04-01' });
      expect(other.imported).toEqual([]);
      expect(other.unchanged).toHaveLength(1);
      expect(other.warnings).toEqual([
        `${fileName}: already imported with --effective-date 2002-03-01 stated; the --effective-date 2002-04-01 stated now is not recorded (the same document twice changes nothing; it stays as first imported)`,
      ]);
      expect((await listDocuments(db)).map((d) => d.effectiveDate)).toEqual(['2002-03-01']);
    });

    it('the same bytes under another file name: unchanged, and said so, naming the first file', async () => {
      const fileName = join(corpusDir, '04_aim-growth-series-MDA-classAC-amend1-draft-2002.txt');
      const copy = { fileName: '/tmp/copy-of-amendment.txt', bytes: readFileSync(fileName) };
      const again = await importExhibits(db, [copy], undefined, { effectiveDate: '2002-03-01' });
      expect(again.imported).toEqual([]);
      expect(again.unchanged).toHaveLength(1);
      expect(again.warnings).toHaveLength(1);
      expect(again.warnings[0]).toMatch(
        /^\/tmp\/copy-of-amendment\.txt: the same document as .*04_aim-growth-series-MDA-classAC-amend1-draft-2002\.txt, imported .*; nothing changed \(it keeps that name\)$/,
      );
      expect((await listDocuments(db)).map((d) => d.fileName)).toEqual([basename(fileName)]);
    });
  });
});
