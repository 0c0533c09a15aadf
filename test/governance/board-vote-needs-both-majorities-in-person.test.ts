import { describe, expect, it } from 'vitest';
import { approvedByTheBoard, type BoardVote } from '../../src/governance/boardVote.js';

// A board of 9 trustees, 6 of them Dis-interested Trustees (Plan §6; Rule 12b-1(b)(2)).
const base: BoardVote = {
  kind: 'board-vote',
  trusteesInOffice: 9,
  trusteesFor: 9,
  trusteesAgainst: 0,
  disinterestedInOffice: 6,
  disinterestedFor: 6,
  disinterestedAgainst: 0,
  inPerson: true,
  calledForThePurpose: true,
};

describe('board approval: a majority of the trustees and of the Dis-interested Trustees, in person', () => {
  it('5 of 9 trustees for, 4 of 6 Dis-interested for → approved', () => {
    expect(
      approvedByTheBoard({
        ...base,
        trusteesFor: 5,
        trusteesAgainst: 4,
        disinterestedFor: 4,
        disinterestedAgainst: 2,
      }),
    ).toEqual({ approved: true });
  });

  it('6 of 9 trustees for but only 3 of 6 Dis-interested (half is not a majority) → fails only the Dis-interested majority', () => {
    const out = approvedByTheBoard({
      ...base,
      trusteesFor: 6,
      trusteesAgainst: 3,
      disinterestedFor: 3,
      disinterestedAgainst: 3,
    });
    expect(out).toEqual({
      approved: false,
      reasons: ['3 of 6 Dis-interested Trustees for is not a majority of the Dis-interested Trustees'],
    });
  });

  it('a majority of the trustees in office, not of those present: 4 for, 1 against, 4 absent → fails', () => {
    const out = approvedByTheBoard({
      ...base,
      trusteesFor: 4,
      trusteesAgainst: 1,
      disinterestedFor: 4,
      disinterestedAgainst: 0,
    });
    expect(out.approved).toBe(false);
    expect(out.approved === false && out.reasons[0]).toBe(
      '4 of 9 trustees for is not a majority of the trustees',
    );
  });

  it('votes not cast in person at a meeting called for the purpose do not approve', () => {
    const out = approvedByTheBoard({ ...base, inPerson: false, calledForThePurpose: false });
    expect(out).toEqual({
      approved: false,
      reasons: [
        'the votes were not cast in person',
        'the meeting was not called for the purpose of voting on it',
      ],
    });
  });

  it('impossible counts are refused', () => {
    expect(approvedByTheBoard({ ...base, trusteesFor: 8, trusteesAgainst: 2 })).toEqual({
      approved: false,
      reasons: ['more trustees voted than are in office'],
    });
  });
});
