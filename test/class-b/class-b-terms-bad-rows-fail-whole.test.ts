import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { BadInputError } from '../../src/errors.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const HEADER =
  'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

async function written(db: Database) {
  const out: Record<string, string> = {};
  for (const t of ['class_b_terms_rule', 'feed_import', 'audit_log'])
    out[t] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
  return out;
}

async function problemsOf(db: Database, rows: string[]): Promise<string[]> {
  const err = await importClassBTerms(db, 'terms.csv', csv(rows)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BadInputError);
  return (err as BadInputError).problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.reason}`);
}

describe.each(dialects)('class B terms: bad rows fail the whole file on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('every bad row is reported with file, line and field, and nothing is written', async () => {
    const before = await written(db);
    const problems = await problemsOf(db, [
      'cdsc-schedule,Summit Capital Growth Fund,2006-01-01,,"4,3,2,1",,,',
      'cdsc-schedule,No Such Fund,,,"5,4",,,',
      'cdsc-schedule,all,,,"5,4,abc",,,',
      'cdsc-schedule,all,2001-01-01,,"101,4",,,',
      'cdsc-schedule,Summit Small Cap Fund,2006-13-01,,"4,3",,,',
      'cdsc-schedule,Summit Small Cap Fund,2006-06-01,2006-01-01,"4,3",,,',
      'cdsc-schedule,Summit Core Bond Fund,,,,,,',
      'conversion-period,all,,,,0,,',
      'conversion-period,Summit Core Bond Fund,,,,8.5,,',
      'redemption-fee,all,,,,,2,30',
      'redemption-fee,Summit Core Bond Fund,,,,,150,',
      'redemption-fee,Summit Real Estate Fund,,,,,2,-5',
      'redemption-fee,Summit Real Estate Fund,2006-01-01,,,8,2,',
      'front-load,all,,,,,,',
      'cdsc-schedule,,,,"5",,,',
    ]);
    expect(problems.map((p) => p.split(': ').slice(0, 2).join(': '))).toEqual([
      'terms.csv:3: portfolio',
      'terms.csv:4: cdsc_schedule_pct',
      'terms.csv:5: cdsc_schedule_pct',
      'terms.csv:6: doi_from',
      'terms.csv:7: doi_to',
      'terms.csv:8: cdsc_schedule_pct',
      'terms.csv:9: conversion_years',
      'terms.csv:10: conversion_years',
      'terms.csv:11: portfolio',
      'terms.csv:12: redemption_fee_pct',
      'terms.csv:13: redemption_fee_days',
      'terms.csv:14: doi_from',
      'terms.csv:14: conversion_years',
      'terms.csv:15: rule',
      'terms.csv:16: portfolio',
    ]);
    expect(problems[0]).toContain('unknown portfolio "No Such Fund"');
    expect(problems[1]).toContain('year 3: "abc" is not a rate');
    expect(problems[2]).toContain('year 1: 101% is above 100%');
    expect(problems[9]).toContain('150% is above 100%');
    expect(problems[8]).toContain('a redemption fee is a portfolio-level rule');
    expect(await written(db)).toEqual(before);
  });

  it('two redemption fee rules for one portfolio, by any of its names, are refused', async () => {
    const problems = await problemsOf(db, [
      'redemption-fee,Harbor Energy Fund,,,,,2,30',
      'redemption-fee,summit   energy fund,,,,,1,',
    ]);
    expect(problems).toEqual([
      'terms.csv:3: portfolio: a second redemption fee rule for summit   energy fund (the first is on line 2); a portfolio has one redemption fee rule',
    ]);
  });

  it('overlapping DOI ranges for one portfolio are refused, in the file and against what is recorded', async () => {
    expect(
      await problemsOf(db, [
        'cdsc-schedule,Summit Dividend Value Fund,2006-01-01,2006-12-31,"4,3,2,1",,,',
        'cdsc-schedule,Summit Dividend Value Fund,2006-12-31,,"3,2,1",,,',
      ]),
    ).toEqual([
      'terms.csv:3: doi_from: the CDSC schedules of Summit Dividend Value Fund for DOIs 2006-01-01..2006-12-31 (line 2) and 2006-12-31..(open) (line 3) overlap; end the earlier range the day before the later one starts',
    ]);
    const ok = await importClassBTerms(
      db,
      'ok.csv',
      csv([
        'cdsc-schedule,Summit Dividend Value Fund,2006-01-01,2006-12-31,"4,3,2,1",,,',
        'cdsc-schedule,Summit Dividend Value Fund,2007-01-01,,"3,2,1",,,',
        // another scope: a rule for all portfolios may cover the same DOIs (the portfolio's own wins)
        'cdsc-schedule,all,2000-01-01,,"5,4,3,2,1",,,',
      ]),
    );
    expect(ok).toMatchObject({ inserted: 3, accountsReplayed: 0 });
    const before = await written(db);
    expect(
      await problemsOf(db, ['cdsc-schedule,Summit Dividend Value Fund,2005-01-01,2006-06-30,"2",,,']),
    ).toEqual([
      'terms.csv:2: doi_to: the CDSC schedules of Summit Dividend Value Fund for DOIs 2005-01-01..2006-06-30 (line 2) and 2006-01-01..2006-12-31 (recorded) overlap; end the earlier range the day before the later one starts',
    ]);
    expect(await written(db)).toEqual(before);
  });

  it('a file that is not the terms CSV fails on its header', async () => {
    const err = await importClassBTerms(
      db,
      'terms.csv',
      Buffer.from('rule,portfolio,cdsc_schedule_pct\ncdsc-schedule,all,5\n'),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as Error).message).toContain('terms.csv:1: doi_from: header lacks column doi_from');
  });
});
