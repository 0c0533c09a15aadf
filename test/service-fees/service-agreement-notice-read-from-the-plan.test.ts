import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/registry.js';
import { terminationOnNotice } from '../../src/service-fees/agreementTermination.js';
import { relatedAgreementNotice } from '../../src/service-fees/relatedAgreementNotice.js';
import { PLAN } from '../governance/support/testPlan.js';

/**
 * Plan §10(a) (seed 002, line 187): an agreement related to the Plan "may be terminated … on not
 * more than sixty (60) days' written notice" (Rule 12b-1(b)(3)(iii)). A Service Agreement (Plan
 * §4(b)–(g)) is such an agreement: `providers terminate --notice-date` takes its notice period
 * from the Plan's text, as the Agreement's own is taken from its text (terminationsFeed.ts).
 *
 * By hand, a notice of 2007-01-05 (2007 not a leap year):
 * - a Plan whose §10(a) says "not more than thirty (30) days": January 6–31 = 26 days, February
 *   1–4 = 4 → day 30 is 2007-02-04, the default and the latest; 2007-02-05 (day 31) refused;
 * - a Plan whose §10(a) says "not more than sixty (60) days": 26 + 28 (February) = 54, March 1–6
 *   = 6 → day 60 is 2007-03-06; day 61, 2007-03-07, refused;
 * - a Plan stored by an older build (no notice in its parse): sixty days, as before.
 */
const notMoreThan = (days: number, word: string) => ({
  days,
  atMost: true,
  line: 187,
  text: `on not more than ${word} (${days}) days' written notice`,
});
const planSaying = (days: number, word: string) =>
  buildRegistry([{ ...PLAN, doc: { ...PLAN.doc, terminationNotice: notMoreThan(days, word) } }]);

describe('Plan §10(a): a Service Agreement is terminated on the notice the Plan states', () => {
  it('the Plan says thirty days: day 30 (2007-02-04) is the default and the latest; day 31 refused', () => {
    const notice = relatedAgreementNotice(planSaying(30, 'thirty').instruments, '2007-01-05');
    expect([notice.days, notice.source]).toEqual([30, 'plan.txt line 187']);
    expect(terminationOnNotice('DLR-1', '2007-01-05', undefined, notice).effectiveDate).toBe('2007-02-04');
    expect(terminationOnNotice('DLR-1', '2007-01-05', '2007-02-04', notice).effectiveDate).toBe('2007-02-04');
    let refusal: { message: string; hint: string } | null = null;
    try {
      terminationOnNotice('DLR-1', '2007-01-05', '2007-02-05', notice);
    } catch (e) {
      refusal = e as { message: string; hint: string };
    }
    expect(refusal?.message).toContain('more than 30 days after the written notice of 2007-01-05');
    expect(refusal?.message).toContain("on not more than thirty (30) days' written notice");
    expect(refusal?.message).toContain('plan.txt line 187');
    // what to do: the latest day the notice allows, or a later notice
    expect(refusal?.hint).toContain('on or before 2007-02-04');
  });

  it('the Plan says not more than sixty: day 60 (2007-03-06) accepted, day 61 refused', () => {
    const notice = relatedAgreementNotice(planSaying(60, 'sixty').instruments, '2007-01-05');
    expect(terminationOnNotice('DLR-1', '2007-01-05', undefined, notice).effectiveDate).toBe('2007-03-06');
    expect(() => terminationOnNotice('DLR-1', '2007-01-05', '2007-03-07', notice)).toThrow(
      /more than 60 days after the written notice of 2007-01-05/,
    );
  });

  it('a Plan adopted after the notice does not govern it; with none stating a notice, sixty days', () => {
    // the test Plan is dated 2002-06-03: a notice of 2001-12-03 is before it
    const before = relatedAgreementNotice(planSaying(30, 'thirty').instruments, '2001-12-03');
    expect([before.days, before.source]).toEqual([60, null]);
    // an older parse of the Plan (no terminationNotice): sixty days, as before
    const older = relatedAgreementNotice(buildRegistry([PLAN]).instruments, '2007-01-05');
    expect([older.days, older.source]).toEqual([60, null]);
    expect(terminationOnNotice('DLR-1', '2007-01-05', undefined, older).effectiveDate).toBe('2007-03-06');
  });
});
