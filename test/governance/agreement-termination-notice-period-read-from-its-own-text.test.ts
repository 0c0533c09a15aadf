import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import { terminationOf } from '../../src/feeds/terminationsFeed.js';
import { terminationNoticeWarning, terminationProblem } from '../../src/governance/termination.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';
import { AGREEMENT } from './support/testAgreement.js';

/**
 * Agreement FIFTEENTH(A) (seed 003, line 379): terminated "by the Distributor, on sixty (60) days'
 * written notice to the other party"; Plan §10(a) (seed 002, line 187): a related agreement may be
 * terminated "on not more than sixty (60) days' written notice" (Rule 12b-1(b)(3)(iii)). The notice
 * period is the agreement's own term, read from its text, not a constant: another agreement may
 * say thirty days, or "not more than" sixty.
 *
 * By hand, a notice of 2012-01-16 (2012 a leap year):
 * - thirty (30) days: January 17–31 = 15 days, February 1–15 → 30: ends from 2012-02-15 at the
 *   earliest; 2012-02-14 (29 days) refused; 2012-03-16 (60 days) gives more notice than owed:
 *   accepted (calc11: the days are the least notice the other party is owed);
 * - not more than sixty (60) days: bounds what the agreement may require, so 2012-01-17 (1 day),
 *   2012-02-15 (30), 2012-03-16 (60) and 2012-03-17 (61) are all accepted;
 * - without a notice date, a termination from 2012-03-16 on thirty days' notice needs a notice
 *   given by 2012-03-16 − 30 days = 2012-02-15.
 */
const base = {
  instrument: 'agreement',
  portfolioId: 'p',
  portfolioName: 'AIM Basic Value Fund',
  class: 'B',
  reason: null,
  votedBy: 'trustees',
  noticeDate: '2012-01-16',
} as const;

const thirty = { days: 30, atMost: false, line: 12, text: "on thirty (30) days' written notice" };
const notMoreThanSixty = {
  days: 60,
  atMost: true,
  line: 187,
  text: "on not more than sixty (60) days' written notice",
};

describe('an agreement’s notice period is read from its own text (FIFTEENTH(A); Plan §10(a))', () => {
  it.skipIf(!seedsAvailable)(
    'the seeds state it: sixty days exactly (003), not more than sixty (002)',
    () => {
      const parse = (name: string) => {
        const file = join(seedsDir, name);
        return parseExhibit(readFileSync(file, 'utf8'), file);
      };
      expect(parse('003_1b015b91f472160a.txt').terminationNotice).toEqual({
        days: 60,
        atMost: false,
        line: 379,
        text: "on sixty (60) days' written notice",
      });
      expect(parse('002_1ece2ff6353a3318.txt').terminationNotice).toMatchObject({
        days: 60,
        atMost: true,
        line: 187,
      });
    },
  );

  it('thirty days: the 30th day and later accepted, the 29th refused naming the 30th and the text', () => {
    expect(terminationProblem({ ...base, effectiveDate: '2012-02-15' }, thirty)).toBeNull();
    expect(terminationProblem({ ...base, effectiveDate: '2012-03-16' }, thirty)).toBeNull();
    const p = terminationProblem({ ...base, effectiveDate: '2012-02-14' }, thirty);
    expect(p?.field).toBe('date');
    expect(p?.reason).toMatch(/only 29 days after the written notice of 2012-01-16.*2012-02-15/);
    expect(p?.reason).toContain("on thirty (30) days' written notice");
  });

  it('not more than sixty days: any day after the notice is accepted', () => {
    for (const effectiveDate of ['2012-01-17', '2012-02-15', '2012-03-16', '2012-03-17'])
      expect(terminationProblem({ ...base, effectiveDate }, notMoreThanSixty)).toBeNull();
  });

  it('without a notice date the warning counts back the agreement’s own days', () => {
    const w = terminationNoticeWarning({ ...base, noticeDate: null, effectiveDate: '2012-03-16' }, thirty);
    expect(w).toContain('needs a notice given by 2012-02-15');
    expect(w).toContain("on thirty (30) days' written notice");
  });

  it('an agreement whose text states none keeps the sixty days of FIFTEENTH(A), as before', () => {
    expect(terminationProblem({ ...base, effectiveDate: '2012-03-16' })).toBeNull();
    expect(terminationProblem({ ...base, effectiveDate: '2012-03-15' })?.reason).toMatch(/only 59 days/);
  });

  it('a termination of an Agreement whose text says thirty days is checked against thirty', () => {
    const input = {
      instrument: 'agreement',
      portfolio: 'Test Value Fund',
      class: 'B',
      by: 'distributor',
      noticeDate: '2012-01-16',
      reason: null,
    } as const;
    const thirtyDays = buildRegistry([
      { ...AGREEMENT, doc: { ...AGREEMENT.doc, terminationNotice: thirty } },
    ]);
    // 30 days after the notice: recorded; 29: refused (the text's thirty, not FIFTEENTH(A)'s sixty)
    expect(terminationOf({ ...input, date: '2012-02-15' }, thirtyDays)).toMatchObject({
      kind: 'termination',
    });
    expect(terminationOf({ ...input, date: '2012-02-14' }, thirtyDays)).toMatchObject({
      field: 'date',
      reason: expect.stringMatching(/only 29 days after the written notice of 2012-01-16/),
    });
    // an Agreement stored by an older build (no terminationNotice in its parse): sixty days, as before
    const older = buildRegistry([AGREEMENT]);
    expect(terminationOf({ ...input, date: '2012-03-16' }, older)).toMatchObject({ kind: 'termination' });
    expect(terminationOf({ ...input, date: '2012-02-15' }, older)).toMatchObject({ field: 'date' });
  });
});
