import { describe, expect, it } from 'vitest';
import { type TerminationInput, terminationOf } from '../../src/feeds/terminationsFeed.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// Agreement FIFTEENTH(A): "This Agreement may be terminated with respect to the Shares of any
// Portfolio" — the Class B Master Distribution Agreement (seed 003) covers Class B shares only.
// `terminate --instrument agreement` for AIM Balanced Fund Class R (a class only the AIM Funds
// Group Plan, seed 002, covers) was recorded as a termination of an agreement that does not exist
// for that class; it is refused, naming the class. A Plan termination of the same class, and the
// Agreement's termination for a Class B portfolio it lists (AIM Basic Value Fund), are recorded.
describe.skipIf(!seedsAvailable)('an Agreement termination needs an agreement covering the class', () => {
  const docs = seedDocuments().filter((d) => d.fileName.startsWith('002_') || d.fileName.startsWith('003_'));
  const registry = buildRegistry(docs);
  const input = (t: Partial<TerminationInput>): TerminationInput => ({
    instrument: 'agreement',
    portfolio: 'AIM Balanced Fund',
    class: 'R',
    date: '2005-03-02',
    by: 'trustees',
    noticeDate: null,
    reason: null,
    ...t,
  });

  it('AIM Balanced Fund Class R: no Agreement covers it, refused on the class field', () => {
    expect(terminationOf(input({}), registry)).toEqual({
      field: 'class',
      value: 'R',
      reason: 'no Agreement covers Class R of AIM Balanced Fund: there is no agreement to terminate',
    });
  });

  it('every class of AIM Value Fund: the Agreement does not list it, refused on the portfolio field', () => {
    expect(terminationOf(input({ portfolio: 'AIM Value Fund', class: null }), registry)).toMatchObject({
      field: 'portfolio',
      reason: 'no Agreement covers any class of AIM Value Fund: there is no agreement to terminate',
    });
  });

  it('the Plan for AIM Balanced Fund Class R, and the Agreement for AIM Basic Value Fund Class B, are recorded', () => {
    expect(terminationOf(input({ instrument: 'plan' }), registry)).toMatchObject({
      kind: 'termination',
      instrument: 'plan',
      class: 'R',
    });
    expect(
      terminationOf(
        input({ portfolio: 'AIM Basic Value Fund', class: 'B', noticeDate: '2005-01-01' }),
        registry,
      ),
    ).toMatchObject({
      kind: 'termination',
      instrument: 'agreement',
      class: 'B',
      effectiveDate: '2005-03-02',
    });
  });
});
