import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/governance/approval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import {
  AMENDMENT_1,
  AMENDMENT_2,
  approval,
  boardVote,
  governance,
  PLAN,
  shareholderVote,
} from './support/testPlan.js';

const docs = [PLAN, AMENDMENT_1, AMENDMENT_2];
const growth = buildRegistry(docs).identities.resolve('Test Growth Fund')!;
const income = buildRegistry(docs).identities.resolve('Test Income Fund')!;

const day = fc.integer({ min: 0, max: 4 * 365 }).map((n) => {
  const d = new Date(Date.UTC(2002, 0, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
});
const anApproval: fc.Arbitrary<Approval> = fc
  .tuple(
    day,
    fc.constantFrom(PLAN, AMENDMENT_1, AMENDMENT_2, null),
    fc.boolean(),
    fc.integer({ min: 0, max: 9 }),
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 0, max: 1000 }),
  )
  .map(([date, doc, board, tFor, dFor, sharesFor]) =>
    board
      ? approval(
          date,
          doc === null ? 'continuance' : doc === PLAN ? 'instrument' : 'amendment',
          doc,
          boardVote([Math.max(tFor, dFor), 9 - Math.max(tFor, dFor), 0], [dFor, 6 - dFor, 0]),
        )
      : approval(date, 'amendment', doc ?? AMENDMENT_1, shareholderVote(1000n, 1000n, BigInt(sharesFor)), {
          portfolioId: growth,
          portfolioName: 'Test Growth Fund',
          class: 'A',
        }),
  );

const rates = (r: ReturnType<typeof buildRegistry>) =>
  [growth, income].map((pid) =>
    r.governing(pid, 'A').map((g) => [g.from, g.lastDay, g.distributionFeePct, g.serviceFeePct, g.fileName]),
  );

describe('approvals: properties', () => {
  it('with enforcement off, no set of approvals changes any rate or any governing document', () => {
    const plain = rates(buildRegistry(docs));
    fc.assert(
      fc.property(fc.array(anApproval, { maxLength: 12 }), (approvals) => {
        expect(
          rates(buildRegistry(docs, [], governance(approvals, { enforce: false, today: '2005-12-31' }))),
        ).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });

  it('with enforcement on, the order the approvals were recorded in never changes an answer', () => {
    fc.assert(
      fc.property(
        fc
          .array(anApproval, { maxLength: 12 })
          .chain((a) =>
            fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length })),
          ),
        ([approvals, shuffled]) => {
          const g = (list: Approval[]) => {
            const r = buildRegistry(docs, [], governance(list, { today: '2005-12-31' }));
            return [
              rates(r),
              r.pending.map((p) => p.reason),
              [growth, income].map((pid) => r.governing(pid, 'A').map((x) => x.approvals.map((a) => a.id))),
            ];
          };
          expect(g(shuffled)).toEqual(g(approvals));
        },
      ),
      { numRuns: 60 },
    );
  });
});
