import { describe, expect, it } from 'vitest';
import { type RestatementMarks, restatementMarkFindings } from '../../src/audit/restatementMarks.js';

/**
 * The rule `audit verify` checks a restatement's marks by (src/audit/restatementMarks.ts), worked
 * by hand on one history of audit records: #3 closes 2007-01, #4 restates a January day (import 2),
 * #5 withdraws an exhibit that governed January, #6 closes 2007-02, #7 restates a February day
 * (import 3), #8 restates a March day (import 4, March open). So: #4 and #5 touch 2007-01 and are
 * reported by the first close after them, 2007-02; #7 touches 2007-02 (closed at #6) and is not
 * reported yet; #8 touches no closed month.
 */
const closes = [
  { month: '2007-01', auditSeq: 3 },
  { month: '2007-02', auditSeq: 6 },
];
const marks = (
  over: Partial<RestatementMarks> & Pick<RestatementMarks, 'feed' | 'id' | 'auditSeq'>,
): RestatementMarks => ({
  what: 'aim-value-fund class C',
  date: null,
  closedMonth: null,
  adjustedIn: null,
  recordedBy: 'import 2',
  ...over,
});
const asPlan12bMarkedThem: RestatementMarks[] = [
  marks({
    feed: 'net-assets',
    id: 1,
    auditSeq: 4,
    date: '2007-01-03',
    closedMonth: '2007-01',
    adjustedIn: '2007-02',
  }),
  marks({
    feed: 'exhibit-withdrawal',
    id: 1,
    auditSeq: 5,
    what: 'document abababababababab',
    recordedBy: 'exhibit.withdraw',
    closedMonth: '2007-01',
    adjustedIn: '2007-02',
  }),
  marks({
    feed: 'provider-assets',
    id: 1,
    auditSeq: 7,
    date: '2007-02-14',
    closedMonth: '2007-02',
    recordedBy: 'import 3',
  }),
  marks({ feed: 'net-assets', id: 2, auditSeq: 8, date: '2007-03-01', recordedBy: 'import 4' }),
];
const reasons = (rs: RestatementMarks[]) =>
  restatementMarkFindings(rs, closes).map((f) => `${f.kind}: ${f.reason}`);
const changed = (i: number, over: Partial<RestatementMarks>) =>
  asPlan12bMarkedThem.map((r, j) => (j === i ? { ...r, ...over } : r));

describe('restatement marks against the order of imports and closes', () => {
  it('as plan12b marks them: no finding', () => {
    expect(reasons(asPlan12bMarkedThem)).toEqual([]);
  });

  it('an adjustment moved, removed or invented: named with what recorded the restatement', () => {
    expect(reasons(changed(0, { adjustedIn: '2006-12' }))).toEqual([
      'record: net-assets restatement 1 (aim-value-fund class C 2007-01-03, import 2, audit record 4) is marked as adjusted in 2006-12, but the first close after it was 2007-02',
    ]);
    expect(reasons(changed(1, { adjustedIn: null }))).toEqual([
      'record: exhibit-withdrawal restatement 1 (document abababababababab, exhibit.withdraw, audit record 5) is marked as not yet adjusted, but the first close after it was 2007-02',
    ]);
    expect(reasons(changed(2, { adjustedIn: '2007-02' }))).toEqual([
      'record: provider-assets restatement 1 (aim-value-fund class C 2007-02-14, import 3, audit record 7) is marked as adjusted in 2007-02, but no month was closed after it',
    ]);
  });

  it('the closed month it touches, cleared or made up', () => {
    expect(reasons(changed(3, { closedMonth: '2007-03' }))).toEqual([
      'record: net-assets restatement 2 (aim-value-fund class C 2007-03-01, import 4, audit record 8) is marked as touching closed month 2007-03, but 2007-03 was not closed before it',
    ]);
    // a withdrawal naming a month closed only after it
    expect(reasons(changed(1, { closedMonth: '2007-02', adjustedIn: null }))).toEqual([
      'record: exhibit-withdrawal restatement 1 (document abababababababab, exhibit.withdraw, audit record 5) is marked as touching closed month 2007-02, but 2007-02 was not closed before it',
    ]);
  });

  it('a store with a close sealed before schema 14 (no audit record named): not checked', () => {
    expect(
      restatementMarkFindings(changed(0, { adjustedIn: '2006-12' }), [
        ...closes,
        { month: '2006-12', auditSeq: null },
      ]),
    ).toEqual([]);
  });
});
