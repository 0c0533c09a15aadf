import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributorNameSpellingProblems } from '../../src/class-b/distributorNameSpelling.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { ProblemsError } from '../../src/errors.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

/**
 * Distributor names are compared exactly (whose term holds a DOI decides who earns the CDSC, and
 * the holder of the earliest `all` term is the Distributor). A distributors file spelling a known
 * distributor otherwise only by case or spacing was recorded as a second distributor: "A I M
 * DISTRIBUTORS, INC." for a portfolio beside the `all` term of "A I M Distributors, Inc." made the
 * portfolio's later Class B shares an Other Distributor's. Such a name is refused on its line (65),
 * naming the spelling to use; nothing is written.
 */
const AIM = 'A I M Distributors, Inc.';
const row = (line: number, distributor: string, assigned_to: string | null = null) => ({
  line,
  row: { distributor, assigned_to },
});

describe('a distributor name differing from a known one only by case or spacing', () => {
  it('is a problem on its line and field, naming the recorded spelling or the line that first gave it', () => {
    const stored = [
      createDistributorTerm({
        portfolioId: null,
        distributor: AIM,
        start: '2000-01-01',
        end: null,
        rightsAssignedTo: null,
      }),
    ];
    const problems = distributorNameSpellingProblems(
      [
        row(2, 'A I M DISTRIBUTORS, INC.'),
        row(3, 'INVESCO Distributors, Inc.', 'A  I M Distributors,  Inc.'),
        row(4, 'invesco distributors, inc.'),
        row(5, AIM),
        row(6, 'Other Distributor LLC'),
      ],
      stored,
      'd.csv',
    );
    expect(problems.map((p) => [p.line, p.field, p.value, p.reason])).toEqual([
      [
        2,
        'distributor',
        'A I M DISTRIBUTORS, INC.',
        '"A I M DISTRIBUTORS, INC." differs from the distributor "A I M Distributors, Inc." (recorded) only by case or spacing; write it as "A I M Distributors, Inc." (two spellings would be two distributors)',
      ],
      [
        3,
        'assigned_to',
        'A  I M Distributors,  Inc.',
        '"A  I M Distributors,  Inc." differs from the distributor "A I M Distributors, Inc." (recorded) only by case or spacing; write it as "A I M Distributors, Inc." (two spellings would be two distributors)',
      ],
      [
        4,
        'distributor',
        'invesco distributors, inc.',
        '"invesco distributors, inc." differs from the distributor "INVESCO Distributors, Inc." (on line 3) only by case or spacing; write it as "INVESCO Distributors, Inc." (two spellings would be two distributors)',
      ],
    ]);
  });

  describe('through the distributors feed', () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
      await importDistributors(
        db,
        'first.csv',
        Buffer.from(`portfolio,distributor,start,end\nall,${JSON.stringify(AIM)},2000-01-01,\n`),
      );
    });
    afterAll(async () => {
      await db?.close();
      await tdb?.drop();
    });

    it('refuses the file (65), nothing written; the exact spelling imports', async () => {
      const before = await storeSnapshot(db);
      let refusal: unknown;
      try {
        await importDistributors(
          db,
          'second.csv',
          Buffer.from(
            'portfolio,distributor,start,end\nall,"a i m distributors, inc.",2000-01-01,2004-12-31\n',
          ),
        );
      } catch (e) {
        refusal = e;
      }
      expect(refusal).toBeInstanceOf(ProblemsError);
      const err = refusal as ProblemsError;
      expect(err.exitCode).toBe(65);
      expect(err.problems[0]).toMatchObject({
        file: 'second.csv',
        line: 2,
        field: 'distributor',
        value: 'a i m distributors, inc.',
      });
      expect(await storeSnapshot(db)).toEqual(before);
      await expect(
        importDistributors(
          db,
          'third.csv',
          Buffer.from(`portfolio,distributor,start,end\nall,${JSON.stringify(AIM)},2000-01-01,2004-12-31\n`),
        ),
      ).resolves.toMatchObject({ rows: 1 });
    });
  });
});
