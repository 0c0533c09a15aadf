/**
 * DOMAIN.md §1.2 item 4(iii): "the plan may be terminated at any time by vote of a majority of the
 * disinterested directors or by vote of a majority of the outstanding voting securities of the
 * fund (class)"; the seed plan (002) says the same, Section 9: "This Plan may be terminated, with
 * respect to the Shares of each Portfolio, at any time by vote of a majority of the Dis-interested
 * Trustees, or by vote of a majority of the outstanding voting securities …", and Section 10(a)
 * for related agreements. Unlike approval (Section 6: the Board and, separately, the
 * Dis-interested Trustees, in person, at a meeting called for the purpose), a termination needs
 * neither the whole Board's majority nor an in-person meeting. So a recorded termination vote
 * carries when more than half of the Dis-interested Trustees in office voted for it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Approval, approvalRef } from '../../src/governance/approval.js';
import type { BoardVote } from '../../src/governance/boardVote.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { APPROVALS_HEADER } from '../governance/support/storeWithPlan.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

const vote = (over: Partial<BoardVote>): BoardVote => ({
  kind: 'board-vote',
  trusteesInOffice: 9,
  trusteesFor: 4,
  trusteesAgainst: 5,
  disinterestedInOffice: 6,
  disinterestedFor: 4,
  disinterestedAgainst: 2,
  inPerson: false,
  calledForThePurpose: false,
  ...over,
});
const PLAN = 'plan|aim funds group|a+c+r|2002-06-03';
const AGREEMENT = 'agreement||b|2003-08-18';
const approval = (subject: Approval['subject'], v: BoardVote, instrumentKey = PLAN): Approval => ({
  kind: 'approval',
  id: 'x',
  meetingDate: '2005-07-14',
  body: 'board',
  subject,
  documentId: null,
  instrumentKey,
  approvedName: 'Sixth A&R Master Distribution Plan',
  portfolioId: 'aim-value-fund',
  portfolioName: 'AIM Value Fund',
  class: 'C',
  vote: v,
});

describe('DOMAIN.md §1.2 4(iii) / Plan §9: termination by a majority of the Dis-interested Trustees', () => {
  it('4 of 6 Dis-interested Trustees for, 4 of 9 trustees, not in person: the termination carries', () => {
    // 4 × 2 = 8 > 6: a majority of the Dis-interested Trustees; the Board's 4 of 9 is not needed
    expect(approvalRef(approval('termination', vote({}))).outcome).toMatch(/^approved/);
  });
  it('3 of 6 Dis-interested Trustees for is not a majority, even with 6 of 9 trustees for', () => {
    // 3 × 2 = 6, not more than 6
    const v = vote({ trusteesFor: 6, trusteesAgainst: 3, disinterestedFor: 3, disinterestedAgainst: 3 });
    expect(approvalRef(approval('termination', v)).outcome).toMatch(
      /^not approved.*not a majority of the Dis-interested/,
    );
  });
  it('the same counts approving the Plan itself do not carry (Section 6 needs both majorities, in person)', () => {
    expect(approvalRef(approval('instrument', vote({}))).outcome).toMatch(/^not approved/);
  });
  it('the Class B Agreement: "by vote of the Board" (FIFTEENTH(A)) carries as well as the Dis-interested majority', () => {
    // 6 of 9 trustees for (6 × 2 = 12 > 9), 3 of 6 Dis-interested: the Board voted → carried
    const board = vote({ trusteesFor: 6, trusteesAgainst: 3, disinterestedFor: 3, disinterestedAgainst: 3 });
    expect(approvalRef(approval('termination', board, AGREEMENT)).outcome).toMatch(
      /^approved.*FIFTEENTH\(A\)/,
    );
    // 4 of 9 trustees, 4 of 6 Dis-interested: Plan §10(a) / Rule 12b-1(b)(3)(iv) → carried
    expect(approvalRef(approval('termination', vote({}), AGREEMENT)).outcome).toMatch(/^approved/);
    // 4 of 9 trustees, 3 of 6 Dis-interested: neither
    const neither = vote({ disinterestedFor: 3, disinterestedAgainst: 3, trusteesAgainst: 5 });
    expect(approvalRef(approval('termination', neither, AGREEMENT)).outcome).toMatch(/^not approved/);
  });
});

describe.skipIf(!seedsAvailable)(
  'approvals import and list: a termination vote of the Dis-interested Trustees',
  () => {
    let store: TestDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-domain2-termination-'));
    const plan = seedFiles().find((f) => f.includes('002_'))!;
    const hash = documentId(readFileSync(plan));
    const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
    beforeAll(async () => {
      store = await freshDatabase('pglite');
      expect((await cli('exhibit', 'import', plan)).code).toBe(0);
    });
    afterAll(() => store.drop());

    it('is recorded as carried, and the Board not reaching its majority is no reason against it', async () => {
      const file = join(dir, 'approvals.csv');
      writeFileSync(
        file,
        `${[
          APPROVALS_HEADER,
          // trustees 4 for, 5 against; Dis-interested 4 for, 2 against (of 6); by telephone
          `2005-07-14,board,termination,${hash},,AIM Value Fund,C,4,5,0,4,2,0,no,no,,,`,
        ].join('\n')}\n`,
      );
      const imported = await cli('approvals', 'import', file, '--json');
      expect(imported.code).toBe(0);
      expect(imported.json()).toMatchObject({ inserted: 1, approved: 1, notApproved: 0 });
      const listed = await cli('approvals', 'list', '--json');
      const rows = listed.json<
        { subject: string; carried: boolean; outcome: string }[] | { approvals: unknown }
      >();
      const list = (
        Array.isArray(rows)
          ? rows
          : (rows as { approvals: { carried: boolean; outcome: string }[] }).approvals
      ) as {
        carried: boolean;
        outcome: string;
      }[];
      expect(list).toHaveLength(1);
      expect(list[0]!.carried).toBe(true);
      expect(list[0]!.outcome).toMatch(/4 of 6 Dis-interested Trustees/);
      expect(list[0]!.outcome).not.toMatch(/not a majority of the trustees|not cast in person/);
    });

    it('shareholder votes in fractional shares are counted exactly at the 50% and 67% edges (DOMAIN §2.1)', async () => {
      const file = join(dir, 'votes.csv');
      const row = (date: string, outstanding: string, present: string, forShares: string) =>
        `${date},shareholders,termination,${hash},,AIM Value Fund,C,,,,,,,,,${outstanding},${present},${forShares}`;
      writeFileSync(
        file,
        `${[
          APPROVALS_HEADER,
          // exactly half present, all for: neither (A) (present not > 500) nor (B) (500 not > 500)
          row('2005-08-01', '1000', '500', '500'),
          // 500.0001 present (> 500); 67% × 500.0001 = 335.000067 ≤ 335.0001 → (A)
          row('2005-08-02', '1000', '500.0001', '335.0001'),
          // 700 present; 67% × 700 = 469 exactly → (A); 468.9999 → not
          row('2005-08-03', '1000', '700', '469'),
          row('2005-08-04', '1000', '700', '468.9999'),
          // nobody present
          row('2005-08-05', '1000', '0', '0'),
        ].join('\n')}\n`,
      );
      const imported = await cli('approvals', 'import', file, '--json');
      expect(imported.code).toBe(0);
      expect(imported.json()).toMatchObject({ inserted: 5, approved: 2, notApproved: 3 });
      const listed = await cli('approvals', 'list', '--json');
      const body = listed.json<unknown>();
      const list = (Array.isArray(body) ? body : (body as { approvals: unknown[] }).approvals) as {
        meetingDate: string;
        carried: boolean;
      }[];
      const votes = list.filter((a) => a.meetingDate >= '2005-08-01').map((a) => [a.meetingDate, a.carried]);
      expect(votes).toEqual([
        ['2005-08-01', false],
        ['2005-08-02', true],
        ['2005-08-03', true],
        ['2005-08-04', false],
        ['2005-08-05', false],
      ]);
    });
  },
);
