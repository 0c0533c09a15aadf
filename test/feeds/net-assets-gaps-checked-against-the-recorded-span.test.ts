/**
 * SPEC §4: every NYSE business day from a class's first row (recorded or new) to its last new row
 * must have a row. The import checks a file against each class's first and last recorded day (not
 * its whole history): a day missing after the recorded span, or before it when a file fills in
 * earlier history, is refused on the line after the gap; a re-sent or overlapping file is not.
 * January 2007: NYSE closed on Jan 1 and Jan 2 (President Ford's day of mourning) and Jan 15 (MLK).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { recordTermination } from '../../src/feeds/terminationsFeed.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { importContractSeeds } from './support/feedContracts.js';

const csv = (days: readonly string[], cls = 'C') =>
  Buffer.from(
    `date,portfolio,class,net_assets\n${days.map((d) => `${d},AIM Value Fund,${cls},1000000.00`).join('\n')}\n`,
  );

/** The problems an import fails with, as (line, field, value). */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BadInputError);
  return (e as BadInputError).problems.map((q) => ({ line: q.line, field: q.field, value: q.value }));
}

describe.each(dialects)('net-assets gaps against the recorded span (%s)', (dialect) => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase(dialect);
    db = await store.open();
    await importContractSeeds(db);
    // Recorded span of class C: Jan 8 .. Jan 12 (Mon–Fri).
    await importNetAssets(
      db,
      'week.csv',
      csv(['2007-01-08', '2007-01-09', '2007-01-10', '2007-01-11', '2007-01-12']),
    );
  });
  afterAll(async () => {
    await db?.close();
    await store?.drop();
  });

  it('refuses a later file that skips a business day after the span, on the line after the gap', async () => {
    // Jan 15 is MLK Day (closed); Jan 16 is the first business day after the span, and is missing.
    expect(await refusal(importNetAssets(db, 'late.csv', csv(['2007-01-17', '2007-01-18'])))).toEqual([
      { line: 2, field: 'date', value: '2007-01-16' },
    ]);
  });

  it('accepts the next days when they follow the span without a gap (the holiday needs no row)', async () => {
    const r = await importNetAssets(db, 'next.csv', csv(['2007-01-16', '2007-01-17']));
    expect(r.inserted).toBe(2);
  });

  it('refuses earlier history with a gap before the span: the first missing day is named', async () => {
    // Jan 3, 4 given; Jan 5 (a Friday) missing before the recorded Jan 8.
    expect(await refusal(importNetAssets(db, 'early.csv', csv(['2007-01-03', '2007-01-04'])))).toEqual([
      { line: 2, field: 'date', value: '2007-01-05' },
    ]);
  });

  it('accepts a re-sent file overlapping the span: nothing new, nothing refused', async () => {
    const r = await importNetAssets(
      db,
      'again.csv',
      csv(['2007-01-10', '2007-01-11', '2007-01-12', '2007-01-16']),
    );
    expect({ inserted: r.inserted, unchanged: r.unchanged }).toEqual({ inserted: 0, unchanged: 4 });
  });

  it('accepts earlier history that reaches the span, then a class with no rows starts anywhere', async () => {
    const r = await importNetAssets(db, 'fill.csv', csv(['2007-01-03', '2007-01-04', '2007-01-05']));
    expect(r.inserted).toBe(3);
    const a = await importNetAssets(db, 'class-a.csv', csv(['2007-01-24', '2007-01-25'], 'A'));
    expect(a.inserted).toBe(2);
  });

  it('accepts days missing after the class is terminated (SPEC §4: unless the class has ended), not before', async () => {
    // Plan §9: class R terminated from Mon 2007-01-22; its figures for Jan 16–19, then Jan 29 only.
    await recordTermination(db, {
      instrument: 'plan',
      portfolio: 'AIM Value Fund',
      class: 'R',
      date: '2007-01-22',
      by: 'trustees',
      noticeDate: null,
      reason: null,
    });
    // Jan 17 missing while the class is live: refused
    expect(await refusal(importNetAssets(db, 'r-gap.csv', csv(['2007-01-16', '2007-01-18'], 'R')))).toEqual([
      { line: 3, field: 'date', value: '2007-01-17' },
    ]);
    const r = await importNetAssets(
      db,
      'r.csv',
      csv(['2007-01-16', '2007-01-17', '2007-01-18', '2007-01-19', '2007-01-29'], 'R'),
    );
    expect(r.inserted).toBe(5);
  });
});
