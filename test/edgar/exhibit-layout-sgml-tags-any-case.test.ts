import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

const table = (open: string, caption: string, s: string, c: string, close: string) => `${open}
${caption}
                                                                             MAXIMUM
                                                                              ASSET
          AIM EQUITY FUNDS                                                    BASED            MAXIMUM             MAXIMUM
          ----------------                                                    SALES            SERVICE            AGGREGATE
                                                                             CHARGE              FEE                 FEE
          PORTFOLIO - CLASS B SHARES                                         ------              ---                 ---
${s}                                                                          ${c}               ${c}                ${c}
          AIM Charter Fund                                                    0.75%             0.25%              1.00%
          AIM Constellation Fund                                              0.75%             0.25%              1.00%"
${close}`;

describe('SGML-like <TABLE>/<CAPTION>/<S>/<C> tags in any case', () => {
  for (const [label, tags] of [
    ['upper case', ['<TABLE>', '<CAPTION>', '<S>', '<C>', '</TABLE>']],
    ['lower case', ['<table>', '<caption>', '<s>', '<c>', '</table>']],
    ['mixed case', ['<Table>', '<Caption>', '<s>', '<C>', '</Table>']],
  ] as const) {
    it(`reads the table with ${label} tags`, () => {
      const [open, caption, s, c, close] = tags;
      const doc = parseExhibit(amendmentWith(table(open, caption, s, c, close)), 'tags.txt');
      expect(rows(doc)).toEqual([
        'AIM EQUITY FUNDS | AIM Charter Fund | B | 0.75 maximum | 0.25 | 1.00',
        'AIM EQUITY FUNDS | AIM Constellation Fund | B | 0.75 maximum | 0.25 | 1.00',
      ]);
      expect(doc.warnings).toEqual([]);
    });
  }
});
