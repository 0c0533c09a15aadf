import { describe, expect, it } from 'vitest';
import { type VersionForClass, versionApproval } from '../../src/governance/amendmentApproval.js';
import type { Approval } from '../../src/governance/approval.js';

/**
 * An amendment approved after its effective date governs from its approval. The reason cites the
 * clause of its own instrument: a Plan's amendment takes effect upon approval under Plan §§5–6, an
 * Agreement's under Agreement FOURTEENTH ("shall become effective … upon its approval by the Board
 * … and by vote of a majority of the [Dis-interested Trustees]") — not the Plan's sections.
 */
const vote = {
  kind: 'board-vote',
  trusteesInOffice: 9,
  trusteesFor: 8,
  trusteesAgainst: 1,
  disinterestedInOffice: 7,
  disinterestedFor: 6,
  disinterestedAgainst: 1,
  inPerson: true,
  calledForThePurpose: true,
} as const;

function approvedLate(instrumentKey: string): string {
  const version: VersionForClass = {
    documentId: 'doc-1',
    fileName: 'amendment-2.txt',
    instrumentKey,
    isInstrument: false,
    effectiveDate: '2003-10-29',
  };
  const approval: Approval = {
    kind: 'approval',
    id: 'a1',
    meetingDate: '2003-12-15',
    body: 'board',
    subject: 'amendment',
    documentId: 'doc-1',
    instrumentKey,
    approvedName: 'doc-1',
    portfolioId: null,
    portfolioName: null,
    class: null,
    vote,
  };
  const v = versionApproval(version, null, [approval], 'p1', 'B', 'AIM Value Fund');
  if (v.status !== 'governs') throw new Error(`expected governs, got ${v.reason}`);
  expect(v.from).toBe('2003-12-15');
  return v.why;
}

describe('an amendment approved after its effective date', () => {
  it('an Agreement’s cites Agreement FOURTEENTH', () => {
    expect(approvedLate('agreement||b|2003-08-18')).toMatch(
      /takes effect upon approval \(Agreement FOURTEENTH\)$/,
    );
  });
  it('a Plan’s cites Plan §§5–6', () => {
    expect(approvedLate('plan||b|2003-08-18')).toMatch(/takes effect upon approval \(Plan §§5–6\)$/);
  });
});
