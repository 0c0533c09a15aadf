import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { mixedScriptReason, mixedScriptWord } from '../../src/mixedScriptWord.js';
import { failureOf } from '../service-fees/support/failure.js';
import { freshDatabase } from '../support/databases.js';

/**
 * "Summit \u0415nergy Fund" (Cyrillic Е, U+0415) prints as "Summit Energy Fund" and is another name:
 * an amendment listing it added a portfolio that looked like one already listed, and — its
 * Schedule A replacing the old one in its entirety — dropped the real one, with no warning.
 */

describe('a word of one script with a letter of another among them', () => {
  it.each([
    [
      'Summit \u0415nergy Fund',
      { word: '\u0415nergy', letter: '\u0415', letterScript: 'Cyrillic', wordScript: 'Latin' },
    ],
    ['\u0391lpha Fund', { word: '\u0391lpha', letter: '\u0391', letterScript: 'Greek', wordScript: 'Latin' }],
    // a Cyrillic word with a Latin "o" in it
    [
      '\u0424o\u043d\u0434',
      { word: '\u0424o\u043d\u0434', letter: 'o', letterScript: 'Latin', wordScript: 'Cyrillic' },
    ],
  ])('%j is found', (name, found) => {
    expect(mixedScriptWord(name)).toEqual(found);
    expect(mixedScriptReason(name)).toMatch(
      /the name looks like another and is not it; write the word in one script$/,
    );
  });

  it.each([
    'Summit Energy Fund',
    'AIM Real Estate Fund',
    'Fund \u03a9 Class',
    'Alpha-\u03b2 Fund',
    // a Greek letter that looks like no Latin one, a footnote mark set against the name
    'Growth Fund\u03c0',
    '\u0424\u043e\u043d\u0434 Summit',
    'Caf\u00e9 Fund',
    'Cafe\u0301 Fund',
    '\u65e5\u672c\u30d5\u30a1\u30f3\u30c9',
    '\u0635\u0646\u062f\u0648\u0642',
  ])('%j mixes nothing', (name) => {
    expect(mixedScriptWord(name)).toBeNull();
  });
});

describe('where a name comes in', () => {
  const plan = readFileSync(new URL('./support/demo-class-a-plan.txt', import.meta.url), 'utf8');

  it('an exhibit listing such a portfolio is refused on its line', () => {
    const bad = plan.replace('Summit Small Cap Fund', 'Summit Small \u0421ap Fund');
    let refusal: unknown;
    try {
      parseExhibit(bad, 'plan.txt');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ExhibitParseError);
    expect((refusal as ExhibitParseError).line).toBe(
      bad.split('\n').findIndex((l) => l.includes('\u0421ap')) + 1,
    );
    expect((refusal as Error).message).toMatch(
      /the Latin word "\u0421ap" with the Cyrillic letter "\u0421" \(U\+0421\)/,
    );
    expect(() => parseExhibit(plan, 'plan.txt')).not.toThrow();
  });

  it('a net-assets row naming such a portfolio is refused with 65 on its line and field', async () => {
    const tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    try {
      const f = await failureOf(
        importNetAssets(
          db,
          'na.csv',
          Buffer.from(
            'date,portfolio,class,net_assets\n2025-04-01,Summit \u0415nergy Fund,A,1000.00\n',
            'utf8',
          ),
        ),
      );
      expect([f.exit, f.problems.map((p) => [p.line, p.field])]).toEqual([65, [[2, 'portfolio']]]);
      expect(f.problems[0]!.reason).toMatch(/Cyrillic letter "\u0415" \(U\+0415\)/);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
});
