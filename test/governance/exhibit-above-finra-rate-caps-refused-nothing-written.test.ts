import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExhibitParseError } from '../../src/edgar/exhibitDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

// FINRA Rule 2341(d)(2), (d)(5) (SPEC §10; DOMAIN §3.4, CONFIRMED): an asset-based sales charge
// above 0.75% a year or a service fee above 0.25% a year may not be paid. An amendment whose
// Schedule A states such a rate was imported and accrued (0.80% of $36,500,000.00 = $800.00 a
// day). As docs/FORMATS.md says ("Rates a 12b-1 plan cannot set … are refused at their line") and
// as the HTML cell reader already did, the text reader refuses it at its line (65), and nothing is
// written. A schedule exactly at 0.75% / 0.25% is within the caps and imported.
const amendment = (
  valueAbsc: string,
  value2Service: string,
) => `                                AMENDMENT NO. 1
                         TO THE SIXTH AMENDED AND RESTATED
                            MASTER DISTRIBUTION PLAN
                                       OF
                                 AIM FUNDS GROUP
              (CLASS A SHARES, CLASS C SHARES AND CLASS R SHARES)

      The Sixth Amended and Restated Master Distribution Plan of AIM Funds
Group (the "Plan"), dated as of June 3, 2002, pursuant to Rule 12b-1, is hereby
amended, effective April 1, 2005, as follows:

      NOW THEREFORE, Schedule A to the Plan is hereby deleted in its entirety
and replaced with the following:

                                   "SCHEDULE A

<TABLE>
<CAPTION>
                                            MAXIMUM
                                             ASSET
                                             BASED        MAXIMUM       MAXIMUM
                                             SALES        SERVICE      AGGREGATE
CLASS C SHARES                              CHARGE          FEE           FEE
--------------                              -------       -------      ---------
<S>                                         <C>           <C>          <C>
AIM Balanced Fund                            0.75%         0.25%         1.00%
AIM Value Fund                               ${valueAbsc}%         0.25%         1.05%
AIM Value II Fund                            0.75%         ${value2Service}%         1.05%
</TABLE>"

                                        AIM FUNDS GROUP

                                        By: /s/ Robert H. Graham
                                            President
`;

describe('an exhibit stating a rate above FINRA Rule 2341 caps is refused', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-finra-rates-'));
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
  beforeAll(async () => {
    store = await freshDatabase('pglite');
  });
  afterAll(() => store.drop());

  it('the reader refuses 0.80% ABSC at line 27 and 0.30% service at line 28', () => {
    const refusal = (text: string) => {
      try {
        parseExhibit(text, 'over.txt');
      } catch (e) {
        if (e instanceof ExhibitParseError) return e.message;
        throw e;
      }
      return 'read';
    };
    expect(refusal(amendment('0.80', '0.25'))).toMatch(
      /^over\.txt:27: .*AIM Value Fund: asset-based sales charge 0\.80% is above the 0\.75% FINRA Rule 2341 allows/,
    );
    expect(refusal(amendment('0.75', '0.30'))).toMatch(
      /^over\.txt:28: .*AIM Value II Fund: service fee 0\.30% is above the 0\.25% FINRA Rule 2341 allows/,
    );
    // one hundredth of a percent above: 0.76%
    expect(refusal(amendment('0.76', '0.25'))).toMatch(/^over\.txt:27: .*0\.76% is above the 0\.75%/);
  });

  it('0.80% ABSC: `exhibit import` exits 65 naming line 27, nothing imported', async () => {
    const file = join(dir, 'over.txt');
    writeFileSync(file, amendment('0.80', '0.30'));
    const r = await cli('exhibit', 'import', file, '--json');
    expect(r.code).toBe(65);
    expect(r.json<{ error: { message: string } }>().error.message).toMatch(
      /over\.txt:27: .*0\.80% is above the 0\.75%/,
    );
    const listed = await cli('exhibit', 'list', '--json');
    expect(listed.json<{ count: number }>().count).toBe(0);
  });

  it('exactly 0.75% and 0.25% are within the caps: imported', async () => {
    const file = join(dir, 'at-caps.txt');
    writeFileSync(file, amendment('0.75', '0.25'));
    const r = await cli('exhibit', 'import', file);
    expect(r.code).toBe(0);
    const listed = await cli('exhibit', 'list', '--json');
    expect(listed.json<{ count: number }>().count).toBe(1);
  });
});
