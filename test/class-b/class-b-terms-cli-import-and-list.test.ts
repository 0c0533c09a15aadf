import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { openDatabase } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

const HEADER =
  'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';

// The commands as a user runs them (the built CLI, `npm run build` first).
describe('plan12b class-b-terms import and list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-cli-terms-'));
  const db = join(dir, 'db');
  const file = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
    return path;
  };
  beforeAll(async () => {
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    await freshDatabase('pglite', dir);
    const d = await openDatabase(db);
    await importExhibits(
      d,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    await importAccounts(d, 'accounts.csv', Buffer.from('account,omnibus,dealer_of_record\nC1,no,D\n'));
    // The transfer agent confirmed the conversion due at the end of March 2008 (8 years, the default).
    await importTransactions(
      d,
      'txns.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          '2000-03-15,C1-1,C1,Summit Core Bond Fund,B,purchase,10.0000,10.0000,,',
          '2008-03-31,C1-2,C1,Summit Core Bond Fund,B,convert,10.0000,,,',
        ].join('\n'),
      ),
    );
    await d.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses terms under which recorded activity no longer applies: exit 68, file, line and field', async () => {
    const path = file('ten-years.csv', ['conversion-period,all,,,,10,,']);
    const r = await runCliInProcess(['--db', db, 'class-b-terms', 'import', path]);
    expect(r.code).toBe(68);
    expect(r.stderr).toContain(`${path}:2: conversion_years: with these terms, account C1's recorded C1-2`);
    expect(r.stderr).toContain('nothing was written');
    expect(
      (await runCliInProcess(['--db', db, 'class-b-terms', 'list', '--json'])).json<{ rules: unknown[] }>()
        .rules,
    ).toEqual([]);
  });

  it('imports, prints what changed, is idempotent, and lists the rules as JSON', async () => {
    const path = file('terms.csv', [
      'cdsc-schedule,Summit Core Bond Fund,,,"4,3,2,1",,,',
      'redemption-fee,Harbor Energy Fund,,,,,2,30',
    ]);
    const first = await runCliInProcess(['--db', db, 'class-b-terms', 'import', path, '--json']);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({
      inserted: 2,
      unchanged: 0,
      accountsReplayed: 1,
      redemptionsChanged: 0,
    });
    const again = await runCliInProcess(['--db', db, 'class-b-terms', 'import', path]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 new, 0 restated, 2 unchanged; 0 accounts replayed');
    const list = await runCliInProcess(['--db', db, 'class-b-terms', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(list.json()).toEqual({
      rules: [
        {
          rule: 'cdsc-schedule',
          portfolio: 'Summit Core Bond Fund',
          portfolioId: 'summit-core-bond-fund',
          doiFrom: null,
          doiTo: null,
          cdscSchedulePct: ['4.00', '3.00', '2.00', '1.00'],
          conversionYears: null,
          redemptionFeePct: null,
          redemptionFeeDays: null,
        },
        {
          rule: 'redemption-fee',
          portfolio: 'Summit Energy Fund',
          portfolioId: 'harbor-energy-fund',
          doiFrom: null,
          doiTo: null,
          cdscSchedulePct: null,
          conversionYears: null,
          redemptionFeePct: '2.00',
          redemptionFeeDays: 30,
        },
      ],
      defaults: {
        cdscSchedulePct: ['5.00', '4.00', '3.00', '3.00', '2.00', '1.00'],
        conversionYears: 8,
        redemptionFeePct: null,
      },
    });
    const text = await runCliInProcess(['--db', db, 'class-b-terms', 'list']);
    expect(text.stdout).toContain('4.00 3.00 2.00 1.00');
    expect(text.stdout).toContain('defaults: CDSC 5.00 4.00 3.00 3.00 2.00 1.00 %, conversion after 8 years');
  });
});
