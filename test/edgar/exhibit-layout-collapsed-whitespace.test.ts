import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { seedsAvailable } from '../support/seeds.js';
import { amendmentWith, rows, seedTexts } from './exhibitFixtures.js';

/** A whole file whose runs of spaces within lines became one space (column positions lost). */
const collapse = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .join('\n');

describe('whitespace collapsed to single spaces', () => {
  it('reads rows like "AIM Charter Fund 0.25% 0.25% 0.50%" and captions sharing a line with the group heading', () => {
    const body = `<TABLE>
<CAPTION>
                                                   MINIMUM
                                                    ASSET
          AIM EQUITY FUNDS                          BASED            MAXIMUM             MAXIMUM
          ----------------                          SALES            SERVICE            AGGREGATE
                                                   CHARGE              FEE                 FEE
          PORTFOLIO - CLASS R SHARES               ------              ---                 ---
<S>                                                <C>               <C>                <C>
          AIM Charter Fund                          0.25%             0.25%              0.50%
          AIM Opportunities II Fund                 0.25%             0.25%              0.50%"
</TABLE>`;
    const doc = parseExhibit(collapse(amendmentWith(body, { classes: '(CLASS R SHARES)' })), 'collapsed.txt');
    expect(rows(doc)).toEqual([
      'AIM EQUITY FUNDS | AIM Charter Fund | R | 0.25 minimum | 0.25 | 0.50',
      'AIM EQUITY FUNDS | AIM Opportunities II Fund | R | 0.25 minimum | 0.25 | 0.50',
    ]);
    expect(doc.effectiveDate).toBe('2005-07-01');
  });

  it.skipIf(!seedsAvailable)('reads every seed collapsed to the same schedules as filed', () => {
    for (const { file, text } of seedTexts().values()) {
      expect(parseExhibit(collapse(text), file).schedules, file).toEqual(parseExhibit(text, file).schedules);
    }
  });
});
