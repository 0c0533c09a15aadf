import { describe, expect, it } from 'vitest';
import { createServiceAgreement } from '../../src/service-fees/serviceAgreement.js';
import {
  planServiceAgreements,
  type ServiceAgreementStatement,
  serviceAgreementStatementProblems,
} from '../../src/service-fees/serviceAgreementRecords.js';

// SPEC §5: statements and payments are filed per provider id (`statement-2008-02-DLR-1.csv`);
// "dlr-1" beside "DLR-1" would be one file on a file system that ignores case (macOS, Windows),
// one provider's statement overwritten by another's. A new id equal to another ignoring case is
// refused, naming both; an id recorded exactly as before is still the same provider.
const row = (id: string, name = 'Dealer'): ServiceAgreementStatement => ({
  id,
  name,
  kind: 'dealer',
  agreement_date: '2007-01-01',
  own_rate_pct: null,
  terminated_on: null,
});

describe('provider ids that differ only in case', () => {
  it('two in one file: the second is refused, naming the first’s line', () => {
    const rows = [
      { line: 2, row: row('NEW-A') },
      { line: 3, row: row('new-a', 'Other') },
      { line: 4, row: row('NEW-B') },
    ];
    const problems = serviceAgreementStatementProblems(rows, 'p.csv');
    expect(problems.map((p) => [p.line, p.field, p.value])).toEqual([[3, 'id', 'new-a']]);
    expect(problems[0]!.reason).toMatch(/new-a differs only in case from NEW-A on line 2/);
  });

  it('one against a recorded provider is refused; the recorded id itself is unchanged', () => {
    const recorded = new Map([
      [
        'DLR-1',
        createServiceAgreement({
          providerId: 'DLR-1',
          providerName: 'Dealer',
          providerKind: 'dealer',
          agreementDate: '2007-01-01',
        }),
      ],
    ]);
    const plan = planServiceAgreements(
      'p.csv',
      [
        { line: 2, row: row('dlr-1') },
        { line: 3, row: row('DLR-1') },
        { line: 4, row: row('DLR-2') },
      ],
      recorded,
    );
    expect(plan.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'id', 'dlr-1']]);
    expect(plan.problems[0]!.reason).toMatch(/dlr-1 differs only in case from DLR-1, a recorded provider/);
    expect(plan.unchanged).toBe(1);
    expect(plan.added.map((a) => a.agreement.providerId)).toEqual(['DLR-2']);
  });
});
