import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/registry.js';
import { approvedAndContinued } from './support/continued.js';
import {
  AMENDMENT_1,
  AMENDMENT_2,
  approval,
  BOARD_CARRIES,
  governance,
  PLAN,
  shareholderVote,
} from './support/testPlan.js';

// Plan §6: an amendment "shall become effective immediately upon the receipt" of the Board's
// approval. Amendment No. 2 (effective 2005-03-01) adds Test Income Fund and keeps Test Growth
// Fund's rates; Amendment No. 1 before it is fully approved (Board and Class A shareholders).
describe('a pending amendment governs only after its approval (enforcement on)', () => {
  const docs = [PLAN, AMENDMENT_1, AMENDMENT_2];
  const amendment1Approved = (ids: { growth: string }) => [
    approval('2004-12-10', 'amendment', AMENDMENT_1, BOARD_CARRIES),
    // 1,000,000 outstanding, 800,000 present, 700,000 for: 700,000 × 2 > 1,000,000 → (B)
    approval('2004-12-20', 'amendment', AMENDMENT_1, shareholderVote(1_000_000n, 800_000n, 700_000n), {
      portfolioId: ids.growth,
      portfolioName: 'Test Growth Fund',
      class: 'A',
    }),
  ];
  const ids = (() => {
    const r = buildRegistry(docs);
    return {
      growth: r.identities.resolve('Test Growth Fund')!,
      income: r.identities.resolve('Test Income Fund')!,
    };
  })();
  const base = [...approvedAndContinued(2005), ...amendment1Approved(ids)];
  const today = '2005-12-31';

  it('without the Board approval Amendment No. 2 is pending: Test Income Fund is not covered, and the answer says why', () => {
    const r = buildRegistry(docs, [], governance(base, { today }));
    expect(r.governingOn(ids.income, 'A', '2005-03-15')).toBeUndefined();
    const growth = r.governingOn(ids.growth, 'A', '2005-03-15')!;
    expect(growth.fileName).toBe('amendment-1.txt');
    const answer = r.scheduleAsOf('2005-03-15', { portfolio: 'Test Income Fund' });
    expect(answer.entries).toEqual([]);
    expect(answer.pending).toHaveLength(1);
    expect(answer.pending[0]!.reason).toMatch(/amendment-2\.txt\) is pending: no approval by the Board/);
  });

  it('approved on 2005-03-15, after its effective date 2005-03-01, it governs from 2005-03-15 and says why', () => {
    const r = buildRegistry(
      docs,
      [],
      governance([...base, approval('2005-03-15', 'amendment', AMENDMENT_2, BOARD_CARRIES)], { today }),
    );
    expect(r.governingOn(ids.income, 'A', '2005-03-14')).toBeUndefined();
    const income = r.governingOn(ids.income, 'A', '2005-03-15')!;
    expect(income.fileName).toBe('amendment-2.txt');
    expect(income.approvalNote).toMatch(
      /governs from 2005-03-15, .* later than its effective date 2005-03-01/,
    );
    expect(income.approvals.map((a) => a.meetingDate)).toEqual(['2005-03-15']);
    // Test Growth Fund stays under Amendment No. 1 until Amendment No. 2 governs.
    expect(r.governingOn(ids.growth, 'A', '2005-03-14')!.fileName).toBe('amendment-1.txt');
    expect(r.governingOn(ids.growth, 'A', '2005-03-15')!.fileName).toBe('amendment-2.txt');
    // The schedule answer names the approvals behind each entry.
    const entry = r.scheduleAsOf('2005-03-15', { portfolio: 'Test Growth Fund' }).entries[0]!;
    expect(entry.approvals.map((a) => [a.meetingDate, a.body])).toEqual([['2005-03-15', 'board']]);
    // On 2005-03-10 it was still pending (approved later).
    expect(r.scheduleAsOf('2005-03-10').pending.map((p) => p.governsFrom)).toEqual([
      '2005-03-15',
      '2005-03-15',
    ]);
  });

  it('approved on 2005-02-20, before its effective date, it governs from 2005-03-01', () => {
    const r = buildRegistry(
      docs,
      [],
      governance([...base, approval('2005-02-20', 'amendment', AMENDMENT_2, BOARD_CARRIES)], { today }),
    );
    const income = r.governingOn(ids.income, 'A', '2005-03-01')!;
    expect(income.from).toBe('2005-03-01');
    expect(income.approvalNote).toMatch(
      /governs from its effective date 2005-03-01: approved on or before it/,
    );
  });

  it('with enforcement off (the default) it governs from its effective date, and the note says it would be pending', () => {
    const r = buildRegistry(docs, [], governance(base, { enforce: false, today }));
    const income = r.governingOn(ids.income, 'A', '2005-03-01')!;
    expect(income.fileName).toBe('amendment-2.txt');
    expect(income.approvalNote).toMatch(/not enforced .* no approval by the Board/);
    expect(r.pending).toEqual([]);
  });

  it('with no approvals recorded and enforcement off, the registry is as without governance', () => {
    const plain = buildRegistry(docs);
    const r = buildRegistry(docs, [], governance([], { enforce: false }));
    expect(r.governing(ids.growth, 'A')).toEqual(plain.governing(ids.growth, 'A'));
    expect(r.governing(ids.income, 'A')).toEqual(plain.governing(ids.income, 'A'));
  });
});
