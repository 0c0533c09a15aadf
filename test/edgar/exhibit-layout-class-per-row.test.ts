import { describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

const body = `                                                  MAXIMUM
                                                   ASSET
                                                   BASED        MAXIMUM     MAXIMUM
                                                   SALES        SERVICE     AGGREGATE
PORTFOLIO                                          CHARGE         FEE          FEE
---------                                          -------      -------     ---------
AIM Advantage Health Sciences Fund                  0.75%        0.25%        1.00%
   (Class B Shares)
AIM Advantage Health Sciences Fund                  0.75%        0.25%        1.00%
   (Class C Shares)
AIM Moderately Conservative
   Allocation Fund                                  0.50%        0.25%        0.75%
   (Class C Shares)"`;

describe('a "(Class B Shares)" line under each portfolio row gives the class per row', () => {
  it('reads the class of each row from the line under it (and a name wrapped onto an indented line)', () => {
    const doc = parseExhibit(
      amendmentWith(body, { classes: '(CLASS B SHARES AND CLASS C SHARES)' }),
      'per-row.txt',
    );
    expect(doc.instrument.classes).toEqual(['B', 'C']);
    expect(rows(doc)).toEqual([
      '- | AIM Advantage Health Sciences Fund | B | 0.75 maximum | 0.25 | 1.00',
      '- | AIM Advantage Health Sciences Fund | C | 0.75 maximum | 0.25 | 1.00',
      '- | AIM Moderately Conservative Allocation Fund | C | 0.50 maximum | 0.25 | 0.75',
    ]);
  });

  it('a row of a multi-class plan with no class line under it is an error naming its line', () => {
    const text = amendmentWith(body.replace('   (Class B Shares)\n', ''), {
      classes: '(CLASS B SHARES AND CLASS C SHARES)',
    });
    const line = text.split('\n').findIndex((l) => l.startsWith('AIM Advantage')) + 1;
    const err = (() => {
      try {
        parseExhibit(text, 'no-class.txt');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ExhibitParseError);
    expect((err as ExhibitParseError).line).toBe(line);
    expect((err as ExhibitParseError).reason).toMatch(/class .* is not stated/);
  });
});
