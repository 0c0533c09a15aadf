import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/governance/approval.js';
import { disinterestedTrusteesMajority } from '../../src/governance/boardVote.js';
import { continuanceByEvidence } from '../../src/governance/continuance.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { continuanceLines } from '../../src/reports/boardReportGovernance.js';
import {
  AGREEMENT,
  agreementApproval,
  BOARD_CARRIES,
  ONLY_DISINTERESTED,
  SHAREHOLDERS_CARRY,
  SHAREHOLDERS_FAIL,
} from './support/testAgreement.js';
import { boardVote, governance } from './support/testPlan.js';

/** The lines as before each named the source of its deadline (that is tested on its own). */
const withoutSource = <L extends { source: string }>(lines: readonly L[]) =>
  lines.map(({ source: _source, ...line }) => line);

// Agreement FOURTEENTH: continued "from year to year thereafter, provided, that such continuance is
// specifically approved with respect to the Shares of each Portfolio at least annually (a)(i) by the
// Board … or (ii) by the vote of a majority of the outstanding Shares of such Portfolio, and (b) by
// vote of a majority of the [Dis-interested Trustees] cast in person at a meeting called for such
// purpose". Per Portfolio: one Portfolio's Agreement lapses while the other's continues.
// FIFTEENTH(B): the lapse (a termination "for any reason") leaves the 12b-1 Share and the Earned
// CDSC running: the fees stay 0.75% / 0.25%; only the flags and messages change.
const base = buildRegistry([AGREEMENT]);
const value = { id: base.identities.resolve('Test Value Fund')!, name: 'Test Value Fund' };
const energy = { id: base.identities.resolve('Test Energy Fund')!, name: 'Test Energy Fund' };

/** The Agreement approved 2003-08-01 and continued for every portfolio on 2004-06-10, plus `more`. */
function registryWith(more: readonly Approval[], today = '2006-01-01') {
  return buildRegistry(
    [AGREEMENT],
    [],
    governance(
      [
        agreementApproval('2003-08-01', BOARD_CARRIES, null, 'instrument'),
        agreementApproval('2004-06-10', BOARD_CARRIES),
        ...more,
      ],
      { today },
    ),
  );
}
const portfolioOf = (r: ReturnType<typeof registryWith>, name: string, asOf: string) =>
  r.continuance(asOf)[0]!.portfolios!.find((p) => p.portfolio === name)!;

describe('the Board continues one Portfolio only (FOURTEENTH (a)(i) and (b))', () => {
  const r = registryWith([agreementApproval('2005-06-09', BOARD_CARRIES, value)]);

  it('on 2005-08-01 Test Value Fund runs to 2006-06-30; Test Energy Fund lapsed, ending 2005-07-01', () => {
    const [c] = r.continuance('2005-08-01');
    expect(c!.portfolios!.map((p) => [p.portfolio, p.status, p.nextDeadline, p.endsOn])).toEqual([
      ['Test Energy Fund', 'lapsed', null, '2005-07-01'],
      ['Test Value Fund', 'in force', '2006-06-30', null],
    ]);
    // the Agreement is still in force (for one of its two Portfolios)
    expect(c).toMatchObject({
      status: 'in force',
      nextDeadline: '2006-06-30',
      endsOn: null,
      lapsedPortfolios: 1,
    });
    expect(
      portfolioOf(r, 'Test Value Fund', '2005-08-01').periods.map((p) => [
        p.deadline,
        p.metBy?.meetingDate ?? null,
      ]),
    ).toEqual([
      ['2004-06-30', '2004-06-10'],
      ['2005-06-30', '2005-06-09'],
      ['2006-06-30', null],
    ]);
  });

  it('on 2005-06-30 (the deadline itself) both are in force, next deadline 2005-06-30', () => {
    const [c] = r.continuance('2005-06-30');
    expect(c!.portfolios!.map((p) => [p.status, p.nextDeadline])).toEqual([
      ['in force', '2005-06-30'],
      ['in force', '2005-06-30'],
    ]);
    expect(c!.lapsedPortfolios).toBe(0);
  });

  it('the fees stay 0.75% / 0.25% for both after the lapse (FIFTEENTH(B)); only Test Energy Fund is warned of', () => {
    for (const p of [value, energy])
      for (const d of ['2005-06-30', '2005-07-01', '2005-12-31']) {
        const g = r.governingOn(p.id, 'B', d)!;
        expect([g.distributionFeePct, g.serviceFeePct, g.stopped]).toEqual(['0.75', '0.25', null]);
      }
    expect(r.scheduleAsOf('2005-06-30').warnings).toEqual([]);
    const w = r.scheduleAsOf('2005-07-01').warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(
      /^Test Energy Fund class B: .* lapsed for Test Energy Fund: .*2005-06-30.*FIFTEENTH\(B\)\): the fees continue/,
    );
  });

  it('the board report names each group: the lapsed one and the continued one', () => {
    const lines = continuanceLines(r.continuance('2005-09-30')[0]!, '2005-09-30');
    expect(withoutSource(lines)).toEqual([
      {
        instrument: `${AGREEMENT.doc.instrument.title}: Test Energy Fund`,
        deadline: '2005-06-30',
        status: 'lapsed; ended 2005-07-01',
      },
      {
        instrument: `${AGREEMENT.doc.instrument.title}: Test Value Fund`,
        deadline: '2006-06-30',
        status: 'due',
      },
    ]);
    // alike, one line for the Agreement
    expect(withoutSource(continuanceLines(r.continuance('2005-06-01')[0]!, '2005-06-01'))).toEqual([
      { instrument: AGREEMENT.doc.instrument.title, deadline: '2005-06-30', status: 'due' },
    ]);
  });
});

describe('the shareholders of a Portfolio continue it, with the Dis-interested Trustees (FOURTEENTH (a)(ii) and (b))', () => {
  it('Test Energy Fund Class B votes 2005-06-01 (402 of 600 present, 1,000 outstanding); the Dis-interested Trustees 4 of 6 on 2005-06-09 though the Board fails 4 of 9', () => {
    const r = registryWith([
      agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, energy),
      agreementApproval('2005-06-09', ONLY_DISINTERESTED, energy),
    ]);
    const p = portfolioOf(r, 'Test Energy Fund', '2005-08-01');
    expect([p.status, p.nextDeadline]).toEqual(['in force', '2006-06-30']);
    expect(p.periods[1]).toMatchObject({
      deadline: '2005-06-30',
      metBy: { body: 'shareholders', meetingDate: '2005-06-01' },
      disinterestedTrustees: { body: 'board', meetingDate: '2005-06-09' },
    });
    // Test Value Fund had no vote of its own: it lapsed
    expect(portfolioOf(r, 'Test Value Fund', '2005-08-01').endsOn).toBe('2005-07-01');
  });

  it('the Dis-interested Trustees may vote for every portfolio at once (portfolio empty)', () => {
    const r = registryWith([
      agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, energy),
      agreementApproval('2005-06-09', ONLY_DISINTERESTED),
    ]);
    expect(portfolioOf(r, 'Test Energy Fund', '2005-08-01').status).toBe('in force');
    // the vote of Test Energy Fund’s shareholders does not continue Test Value Fund
    expect(portfolioOf(r, 'Test Value Fund', '2005-08-01').status).toBe('lapsed');
  });

  it('both votes on the deadline day meet it; both the day after do not', () => {
    const onIt = registryWith([
      agreementApproval('2005-06-30', SHAREHOLDERS_CARRY, energy),
      agreementApproval('2005-06-30', ONLY_DISINTERESTED, energy),
    ]);
    expect(portfolioOf(onIt, 'Test Energy Fund', '2005-08-01').nextDeadline).toBe('2006-06-30');
    const after = registryWith([
      agreementApproval('2005-07-01', SHAREHOLDERS_CARRY, energy),
      agreementApproval('2005-07-01', ONLY_DISINTERESTED, energy),
    ]);
    expect(portfolioOf(after, 'Test Energy Fund', '2005-08-01').endsOn).toBe('2005-07-01');
  });

  const lapsesWith: [string, Approval[]][] = [
    [
      'the shareholders alone (no Dis-interested Trustees’ vote)',
      [agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, energy)],
    ],
    [
      'the Dis-interested Trustees alone, the Board failing',
      [agreementApproval('2005-06-09', ONLY_DISINTERESTED, energy)],
    ],
    [
      'a shareholder vote that did not carry (401 of 600 present)',
      [
        agreementApproval('2005-06-01', SHAREHOLDERS_FAIL, energy),
        agreementApproval('2005-06-09', ONLY_DISINTERESTED, energy),
      ],
    ],
    [
      'the Dis-interested Trustees 3 of 6 (no majority) though the Board carries 6 of 9 trustees',
      [
        agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, energy),
        agreementApproval('2005-06-09', boardVote([6, 3, 0], [3, 3, 0]), energy),
      ],
    ],
    [
      'the Dis-interested Trustees not in person',
      [
        agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, energy),
        agreementApproval('2005-06-09', boardVote([4, 5, 0], [4, 2, 0], false), energy),
      ],
    ],
    [
      'the two votes in different years: shareholders 2004-06-20, Dis-interested Trustees 2004-07-05',
      [
        agreementApproval('2004-06-20', SHAREHOLDERS_CARRY, energy),
        agreementApproval('2004-07-05', ONLY_DISINTERESTED, energy),
      ],
    ],
    [
      'another Portfolio’s shareholders',
      [
        agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, value),
        agreementApproval('2005-06-09', ONLY_DISINTERESTED),
      ],
    ],
  ];
  it.each(lapsesWith)('Test Energy Fund lapses (ends 2005-07-01) with %s', (_why, votes) => {
    expect(portfolioOf(registryWith(votes), 'Test Energy Fund', '2005-08-01')).toMatchObject({
      status: 'lapsed',
      endsOn: '2005-07-01',
    });
  });
});

describe('an Agreement that lapsed for every Portfolio', () => {
  it('is lapsed, ending when its last Portfolio’s ended', () => {
    const r = registryWith([]);
    expect(r.continuance('2006-01-01')[0]).toMatchObject({
      status: 'lapsed',
      endsOn: '2005-07-01',
      missedDeadline: '2005-06-30',
      lapsedPortfolios: 2,
    });
    expect(withoutSource(continuanceLines(r.continuance('2006-01-01')[0]!, '2006-01-01'))).toEqual([
      {
        instrument: AGREEMENT.doc.instrument.title,
        deadline: '2005-06-30',
        status: 'lapsed; ended 2005-07-01',
      },
    ]);
  });
});

describe('a Portfolio for which the Agreement was terminated (FIFTEENTH(A)) is continued no more', () => {
  // the Board terminates Test Energy Fund’s Agreement from 2005-03-01; Test Value Fund continued 2005-06-09
  const r = buildRegistry(
    [AGREEMENT],
    [],
    governance(
      [
        agreementApproval('2003-08-01', BOARD_CARRIES, null, 'instrument'),
        agreementApproval('2004-06-10', BOARD_CARRIES),
        agreementApproval('2005-06-09', BOARD_CARRIES, value),
      ],
      {
        today: '2006-01-01',
        terminations: [
          {
            kind: 'termination',
            id: 'energy-agreement-terminated',
            instrument: 'agreement',
            portfolioId: energy.id,
            portfolioName: energy.name,
            class: 'B',
            effectiveDate: '2005-03-01',
            votedBy: 'trustees',
            noticeDate: null,
            reason: null,
          },
        ],
      },
    ),
  );

  it('is judged as of 2005-02-28 (in force then), and neither lapses nor counts on 2005-08-01', () => {
    const [c] = r.continuance('2005-08-01');
    expect(portfolioOf(r, 'Test Energy Fund', '2005-08-01')).toMatchObject({
      terminatedOn: '2005-03-01',
      lastDay: '2005-02-28',
      status: 'in force',
      endsOn: null,
    });
    expect(c).toMatchObject({ status: 'in force', lapsedPortfolios: 0, nextDeadline: '2006-06-30' });
    expect(withoutSource(continuanceLines(c!, '2005-08-01'))).toEqual([
      { instrument: AGREEMENT.doc.instrument.title, deadline: '2006-06-30', status: 'due' },
    ]);
    expect(r.scheduleAsOf('2005-07-01').warnings.filter((w) => /lapsed/.test(w))).toEqual([]);
  });
});

describe('the order the votes were recorded in', () => {
  it('never changes a Portfolio’s continuance', () => {
    const votes = [
      agreementApproval('2003-08-01', BOARD_CARRIES, null, 'instrument'),
      agreementApproval('2004-06-10', BOARD_CARRIES),
      agreementApproval('2005-06-01', SHAREHOLDERS_CARRY, energy),
      agreementApproval('2005-06-09', ONLY_DISINTERESTED, energy),
      agreementApproval('2005-06-09', ONLY_DISINTERESTED),
      agreementApproval('2005-06-20', SHAREHOLDERS_CARRY, energy),
      agreementApproval('2005-06-30', BOARD_CARRIES, value),
      agreementApproval('2006-06-01', SHAREHOLDERS_FAIL, value),
    ];
    const of = (list: readonly Approval[]) =>
      buildRegistry([AGREEMENT], [], governance(list, { today: '2006-01-01' })).continuance('2006-08-01');
    const expected = of(votes);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(votes, { minLength: votes.length, maxLength: votes.length }),
        (shuffled) => {
          expect(of(shuffled)).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('the rules underneath', () => {
  it('a majority of the Dis-interested Trustees: more than half of those in office, in person, at a meeting called for the purpose', () => {
    expect(disinterestedTrusteesMajority(boardVote([4, 5, 0], [4, 2, 0]))).toBe(true); // 8 > 6
    expect(disinterestedTrusteesMajority(boardVote([6, 3, 0], [3, 3, 0]))).toBe(false); // 6 = 6
    expect(disinterestedTrusteesMajority(boardVote([4, 5, 0], [4, 2, 0], false))).toBe(false);
    expect(
      disinterestedTrusteesMajority({ ...boardVote([4, 5, 0], [4, 2, 0]), calledForThePurpose: false }),
    ).toBe(false);
  });

  it('evidence of two votes meets a deadline only when both fall after the previous deadline and on or before it', () => {
    const s = continuanceByEvidence(
      '2004-06-30',
      [
        { on: '2004-06-10', earliest: '2004-06-10' },
        { on: '2005-06-09', earliest: '2004-06-29' }, // earliest before the 2004-06-30 window start
      ],
      '2005-08-01',
    );
    expect([s.status, s.endsOn]).toEqual(['lapsed', '2005-07-01']);
    const t = continuanceByEvidence(
      '2004-06-30',
      [{ on: '2005-06-09', earliest: '2004-07-01' }],
      '2005-08-01',
    );
    // the first deadline 2004-06-30 had nothing: lapsed the next day
    expect(t.endsOn).toBe('2004-07-01');
  });
});
