import { describe, expect, it } from 'vitest';
import { endedClasses } from '../../src/close/inputCompleteness.js';
import type { Termination } from '../../src/governance/termination.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { governance, PLAN } from '../governance/support/testPlan.js';

// SPEC §12: a close refuses a month in which a *covered* class's net-assets feed stops "with no
// termination". A class whose Plan was terminated (Plan §9) owes nothing from the termination
// date, so its feed stopping there is no missing input: the close must not ask the user to
// accept it as ended.
describe('a close and a class terminated under Plan §9', () => {
  const growth = buildRegistry([PLAN]).identities.resolve('Test Growth Fund')!;
  const termination: Termination = {
    kind: 'termination',
    id: 't-plan-2005-07-15',
    instrument: 'plan',
    portfolioId: growth,
    portfolioName: 'Test Growth Fund',
    class: 'A',
    effectiveDate: '2005-07-15',
    votedBy: 'trustees',
    noticeDate: null,
    reason: null,
  };
  // Net assets stop on Thursday 2005-07-14, the day before the termination: the first business
  // day without them, Friday 2005-07-15, is the termination date.
  const last = [{ portfolioId: growth, class: 'A', lastDate: '2005-07-14' }];

  it('takes the terminated class as ended without --accept-ended', () => {
    const registry = buildRegistry(
      [PLAN],
      [],
      governance([], { enforce: false, terminations: [termination] }),
    );
    expect(endedClasses('2005-07', registry, last, [], [])).toEqual([]);
  });

  it('still refuses the same stopped feed when nothing terminated the class', () => {
    const registry = buildRegistry([PLAN], [], governance([], { enforce: false }));
    expect(() => endedClasses('2005-07', registry, last, [], [])).toThrow(
      /Test Growth Fund:A \(net assets stop on 2005-07-14\)/,
    );
  });
});
