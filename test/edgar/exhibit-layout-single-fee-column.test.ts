import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { amendmentWith, rows } from './exhibitFixtures.js';

describe('a single rate column', () => {
  it('"DISTRIBUTION FEE" → assetBasedSalesChargePct; service and aggregate null', () => {
    const body = `PORTFOLIO - CLASS B SHARES                  DISTRIBUTION FEE
--------------------------                  ----------------
AIM Charter Fund                                 0.75%
AIM Leisure Fund                                 0.75%"`;
    expect(rows(parseExhibit(amendmentWith(body), 'dist.txt'))).toEqual([
      '- | AIM Charter Fund | B | 0.75 null | null | null',
      '- | AIM Leisure Fund | B | 0.75 null | null | null',
    ]);
  });

  it('"SERVICE FEE" → serviceFeePct only', () => {
    const body = `PORTFOLIO - CLASS B SHARES                  SERVICE FEE
AIM Charter Fund                                 .25%"`;
    expect(rows(parseExhibit(amendmentWith(body), 'service.txt'))).toEqual([
      '- | AIM Charter Fund | B | null null | 0.25 | null',
    ]);
  });
});
