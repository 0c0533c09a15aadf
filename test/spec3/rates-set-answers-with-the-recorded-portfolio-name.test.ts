import { describe, expect, it } from 'vitest';
import { cli, GROWTH, ok, PLAN_TEXT, workArea } from '../calc6/support/zenith.js';

/**
 * SPEC §2 (names match case-insensitively with whitespace collapsed; any name resolves) and §1
 * (the documents' own words as names in data and UI): `rates set` takes any spelling of a name the
 * portfolio ever had, and records the rate under the name the portfolio bore on the rate's date.
 * Its answer — JSON and text — names what was recorded (the name `rates list` shows), never the
 * user's spelling. The percentages come back as recorded too (".7" is "0.70").
 */
describe('rates set names the portfolio as recorded', () => {
  it('a lower-case, spaced spelling answers with the documents spelling, as rates list shows it', async () => {
    const area = workArea('rates-set-recorded-name');
    await ok(area.db, ['exhibit', 'import', area.file('plan.txt', PLAN_TEXT)]);
    const typed = '  zenith   GROWTH fund ';
    const set = (await ok(area.db, [
      'rates',
      'set',
      '--portfolio',
      typed,
      '--class',
      'c',
      '--from',
      '2023-06-01',
      '--distribution-fee',
      '.7',
      '--json',
    ])) as { portfolio: string; class: string; distributionFeePct: string; recorded: boolean };
    expect(set).toMatchObject({
      portfolio: GROWTH,
      class: 'C',
      effectiveDate: '2023-06-01',
      distributionFeePct: '0.70',
      serviceFeePct: null,
      recorded: true,
    });
    const list = (await ok(area.db, ['rates', 'list', '--json'])) as { rates: { portfolio: string }[] };
    expect(list.rates.map((r) => r.portfolio)).toEqual([GROWTH]);
    // the same rate again: unchanged, and named the same way
    const again = (await ok(area.db, [
      'rates',
      'set',
      '--portfolio',
      'ZENITH GROWTH FUND',
      '--class',
      'C',
      '--from',
      '2023-06-01',
      '--distribution-fee',
      '0.70',
      '--json',
    ])) as { portfolio: string; recorded: boolean };
    expect(again).toMatchObject({ portfolio: GROWTH, recorded: false });
    // the text line names the recorded portfolio as well
    const text = await cli(area.db, [
      '--actor',
      'spec3',
      'rates',
      'set',
      '--portfolio',
      'zenith growth fund',
      '--class',
      'C',
      '--from',
      '2023-07-03',
      '--distribution-fee',
      '0.65',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout.trim()).toBe(`recorded: ${GROWTH} class C from 2023-07-03`);
  });
});
