import { describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { approvedByTheBoard, impossibleBoardVote } from '../../src/governance/boardVote.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { APPROVALS_HEADER, csv, sharedStoreWith } from './support/storeWithPlan.js';
import { boardVote, PLAN } from './support/testPlan.js';

// Plan §6: the Dis-interested Trustees are among the trustees. With 6 trustees in office all voting
// for (none absent), 2 Dis-interested Trustees cannot be absent: 4 for + 2 absent is impossible.
describe('a board vote with more Dis-interested Trustees absent than trustees absent', () => {
  it('is impossible, and so never carries', () => {
    const v = boardVote([6, 0, 0], [4, 0, 2]);
    expect(impossibleBoardVote(v)).toBe('more Dis-interested Trustees absent than trustees absent');
    expect(approvedByTheBoard(v).approved).toBe(false);
    // 2 trustees absent, both Dis-interested: possible; 6 of 8 and 4 of 6 → carried
    expect(impossibleBoardVote(boardVote([6, 0, 2], [4, 0, 2]))).toBeNull();
    expect(approvedByTheBoard(boardVote([6, 0, 2], [4, 0, 2])).approved).toBe(true);
  });

  describe('in the approvals feed', () => {
    const db = sharedStoreWith([PLAN]);

    it('is refused naming line 2, field disinterested_absent; nothing is written', async () => {
      const before = await storeSnapshot(db());
      const e = await importApprovals(
        db(),
        'votes.csv',
        csv([APPROVALS_HEADER, `2003-06-10,board,continuance,plan.txt,,,,6,0,0,4,0,2,yes,yes,,,`]),
      ).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ProblemsError);
      expect((e as ProblemsError).problems.map((p) => [p.file, p.line, p.field])).toEqual([
        ['votes.csv', 2, 'disinterested_absent'],
      ]);
      expect(await storeSnapshot(db())).toEqual(before);
    });
  });
});
