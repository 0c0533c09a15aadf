import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { hasControlCharacter, unprintableReason } from '../../src/import/statedText.js';
import { checkPrintableActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { failureOf } from '../service-fees/support/failure.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * U+FFFE and U+FFFF are noncharacters, and half a surrogate pair is no character: XML 1.0 cannot
 * hold them, so a provider named "Bad\uffffName" made `providers list --xlsx` (and every other
 * workbook naming it) a file Excel reports as corrupt — its sharedStrings.xml not well-formed.
 * Refused at every door that takes a name, as a control character is (65 in a feed, 64 stated).
 */

describe('what is no character', () => {
  it.each(['Bad\uffffName', 'Bad\ufffeName', 'Fund \ufdd0', 'Fund \ud800', 'Fund \udc00 B'])(
    '%j is refused, the character written out',
    (text) => {
      expect(hasControlCharacter(text)).toBe(true);
      expect(unprintableReason(text)).toMatch(
        /contains U\+(FFFF|FFFE|FDD0|D800|DC00), which is no character/,
      );
      expect(unprintableReason(text)).not.toMatch(/[\uffff\ufffe\ufdd0]/);
      expect(() => checkPrintableActor(text)).toThrow(/is not a name/);
    },
  );

  it.each(['Café Fund', 'Fund 😀', 'Private \ue000 Use', "O'Neil Fund"])('%j is a name', (text) => {
    expect(hasControlCharacter(text)).toBe(false);
    expect(unprintableReason(text)).toBeNull();
  });

  it('an exhibit whose portfolio name holds U+FFFF is refused on its line', () => {
    const plan = readFileSync(new URL('./support/demo-class-a-plan.txt', import.meta.url), 'utf8');
    expect(() => parseExhibit(plan, 'plan.txt')).not.toThrow();
    const bad = plan.replace('Summit Small Cap Fund', 'Summit Small\uffff Cap Fund');
    let refusal: unknown;
    try {
      parseExhibit(bad, 'plan.txt');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ExhibitParseError);
    expect(String((refusal as Error).message)).toMatch(/holds U\+FFFF/);
    expect((refusal as ExhibitParseError).line).toBe(
      bad.split('\n').findIndex((l) => l.includes('\uffff')) + 1,
    );
  });
});

describe.each(dialects)('providers import of a name holding a noncharacter on %s', (dialect) => {
  let tdb: TestDatabase | undefined;
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('is refused with 65 on its line and field; nothing is written', async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    const before = (await loadAuditLog(db)).length;
    const file = Buffer.from(
      [
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Fine Securities,dealer,2026-01-02,,',
        'DLR-2,Bad\uffffName,dealer,2026-01-02,,',
        'DLR-3,Broken \ufffe Securities,dealer,2026-01-02,,',
      ].join('\n'),
      'utf8',
    );
    const f = await failureOf(importProviders(db, 'providers.csv', file));
    expect([f.code, f.exit]).toEqual(['BAD_INPUT', 65]);
    expect(f.problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [3, 'name', 'Bad\uffffName'],
      [4, 'name', 'Broken \ufffe Securities'],
    ]);
    expect(f.problems[0]!.reason).toMatch(/contains U\+FFFF, which is no character/);
    expect((await loadAuditLog(db)).length).toBe(before);
  });
});
