import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminationNoticeWarning, terminationProblem } from '../../src/governance/termination.js';
import { type CliStore, classBAgreementSeeds, cliStore } from '../calc7/support.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Agreement FIFTEENTH(A): "This Agreement may be terminated with respect to the Shares of any
 * Portfolio, at any time, without the payment of any penalty, by vote of the Board of Trustees or
 * Board of Directors of the Fund or by vote of a majority of the outstanding Shares of such
 * Portfolio, or by the Distributor, on sixty (60) days' written notice to the other party".
 *
 * Decided here: the sixty days are the Agreement's own term, for each of the three who may
 * terminate ("to the other party"), so a termination recorded with a notice date takes effect on
 * the 60th day after it — counted as a Service Agreement's are (Plan §10(a), `providers
 * terminate`): calendar days from the notice (day 0), the termination date being the first day the
 * Agreement is no longer in force. A date before the 60th day gives less notice than the Agreement
 * requires and is refused; the refusal names the date the notice allows. A date after the 60th day
 * gives more notice than the Agreement requires and is accepted (calc11: sixty days' notice is the
 * least the other party is owed, Plan §10(a)'s "not more than sixty (60) days" bounds what the
 * Agreement may require, not how early a party may give it). A termination recorded
 * without its notice date cannot be checked: it is recorded, with a warning that says so and which
 * notice the date needs (never silent, as `providers terminate` says when it takes the 60th day).
 *
 * By hand: a notice of 2012-01-16 (2012 a leap year): January 17–31 = 15 days, February 29 → 44,
 * March 16 → 60: the Agreement ends from 2012-03-16. 2012-03-15 is 59 days (refused), 2012-03-17 61
 * (accepted, calc11). In 2011: January 15 + February 28 = 43, March 17 → 60: from 2011-03-17. Without a
 * notice, a termination from 2012-03-16 needs a notice given by 2012-01-16.
 */

const base = {
  instrument: 'agreement',
  portfolioId: 'p',
  portfolioName: 'AIM Basic Value Fund',
  class: 'B',
  reason: null,
} as const;

describe('FIFTEENTH(A): the Agreement ends on sixty days’ written notice', () => {
  it('the 60th day after the notice is accepted, for every party that may terminate', () => {
    for (const votedBy of ['trustees', 'shareholders', 'distributor'] as const) {
      expect(
        terminationProblem({ ...base, votedBy, noticeDate: '2012-01-16', effectiveDate: '2012-03-16' }),
      ).toBeNull();
      expect(
        terminationProblem({ ...base, votedBy, noticeDate: '2011-01-16', effectiveDate: '2011-03-17' }),
      ).toBeNull();
    }
  });

  it('59 days’ notice is less than the Agreement requires: refused, naming the 60th day', () => {
    for (const votedBy of ['trustees', 'shareholders', 'distributor'] as const) {
      const p = terminationProblem({
        ...base,
        votedBy,
        noticeDate: '2012-01-16',
        effectiveDate: '2012-03-15',
      });
      expect(p?.field).toBe('date');
      expect(p?.reason).toMatch(/only 59 days after the written notice of 2012-01-16/);
      expect(p?.reason).toMatch(/sixty \(60\) days' written notice/);
      expect(p?.reason).toMatch(/2012-03-16/);
    }
    // a notice in 2011: 2011-03-16 is 59 days
    expect(
      terminationProblem({
        ...base,
        votedBy: 'trustees',
        noticeDate: '2011-01-16',
        effectiveDate: '2011-03-16',
      })?.reason,
    ).toMatch(/only 59 days after .* 2011-03-17/);
  });

  it('more than sixty days of notice meets FIFTEENTH(A): 61 and 90 days are accepted, for every party (calc11)', () => {
    // calc11: "on sixty (60) days' written notice" is the least notice the other party is owed;
    // a longer notice gives it more, so it ends the Agreement on the date it names. By hand: a
    // notice of 2012-01-16 to 2012-03-17 is 15 + 29 + 17 = 61 days; to 2012-04-15 is
    // 15 + 29 + 31 + 15 = 90 days.
    for (const votedBy of ['trustees', 'shareholders', 'distributor'] as const)
      for (const effectiveDate of ['2012-03-17', '2012-04-15'])
        expect(terminationProblem({ ...base, votedBy, noticeDate: '2012-01-16', effectiveDate })).toBeNull();
    // the notice is still after nothing it ends: a date before the notice stays refused
    expect(
      terminationProblem({
        ...base,
        votedBy: 'trustees',
        noticeDate: '2012-01-16',
        effectiveDate: '2012-01-15',
      })?.field,
    ).toBe('notice_date');
  });

  it('no notice date: recorded with a warning naming the notice the date needs; a Plan termination needs none', () => {
    expect(
      terminationNoticeWarning({
        ...base,
        votedBy: 'trustees',
        noticeDate: null,
        effectiveDate: '2012-03-16',
      }),
    ).toMatch(
      /no written notice date.* FIFTEENTH\(A\) .* sixty \(60\) days' written notice .* by 2012-01-16/,
    );
    expect(
      terminationNoticeWarning({
        ...base,
        votedBy: 'trustees',
        noticeDate: '2012-01-16',
        effectiveDate: '2012-03-16',
      }),
    ).toBeNull();
    expect(
      terminationNoticeWarning({
        ...base,
        instrument: 'plan',
        votedBy: 'trustees',
        noticeDate: null,
        effectiveDate: '2012-03-16',
      }),
    ).toBeNull();
  });
});

let store: CliStore;

describe.skipIf(!seedsAvailable)('FIFTEENTH(A) through the CLI and the terminations feed', () => {
  beforeAll(async () => {
    store = await cliStore('calc10-fifteenth-a');
    await store.ok('exhibit', 'import', ...classBAgreementSeeds());
  });
  afterAll(() => store?.remove());

  it('terminate with 59 days’ notice: exit 65, nothing recorded; with 60: recorded', async () => {
    const args = (date: string) => [
      'terminate',
      '--portfolio',
      'AIM Basic Value Fund',
      '--class',
      'B',
      '--instrument',
      'agreement',
      '--by',
      'distributor',
      '--notice-date',
      '2012-01-16',
      '--date',
      date,
    ];
    const short = await store.run(...args('2012-03-15'));
    expect(short.code).toBe(65);
    expect(short.stderr).toMatch(/only 59 days after the written notice of 2012-01-16/);
    const none = await store.json<{ terminations: unknown[] }>('terminations', 'list');
    expect(none.terminations).toEqual([]);
    const ok = await store.json<{ recorded: boolean; warnings?: string[] }>(...args('2012-03-16'));
    expect(ok.recorded).toBe(true);
    expect(ok.warnings ?? []).toEqual([]);
  });

  it('the feed refuses the short row with its line and field and writes nothing; a row without notice is warned', async () => {
    const header = 'instrument,portfolio,class,date,by,notice_date,reason';
    const bad = await store.run(
      'terminations',
      'import',
      store.file('short.csv', [
        header,
        'agreement,AIM Charter Fund,B,2012-03-16,trustees,,',
        'agreement,AIM Constellation Fund,B,2011-03-16,shareholders,2011-01-16,',
      ]),
      '--json',
    );
    expect(bad.code).toBe(65);
    const doc = bad.json<{ error: { problems: { line: number; field: string; reason: string }[] } }>().error;
    expect(doc.problems.map((p) => [p.line, p.field])).toEqual([[3, 'date']]);
    expect(doc.problems[0]!.reason).toMatch(/only 59 days .* 2011-03-17/);
    const listed = await store.json<{ terminations: unknown[] }>('terminations', 'list');
    expect(listed.terminations).toHaveLength(1); // the one recorded above
    const warned = await store.json<{ inserted: number; warnings: string[] }>(
      'terminations',
      'import',
      store.file('no-notice.csv', [header, 'agreement,AIM Charter Fund,B,2012-03-16,trustees,,']),
    );
    expect(warned.inserted).toBe(1);
    expect(warned.warnings.join('\n')).toMatch(
      /line 2: AIM Charter Fund class B: .* no written notice date.* by 2012-01-16/,
    );
  });
});
