import type { Problem } from '../errors.js';
import { formatRatePct } from '../money/rate.js';
import { recordedTermination } from './agreementTermination.js';
import {
  createServiceAgreement,
  type ServiceAgreement,
  terminationEffectiveDate,
} from './serviceAgreement.js';
import { PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT } from './serviceFeeRate.js';

/**
 * Service Agreements as stated by a list of providers (SPEC §5; Plan §4(b)–(g), §10), against
 * those recorded. A recorded agreement is never changed by a list: a statement of a recorded
 * provider must say what is recorded (an empty terminated_on claims nothing); it ends only by
 * `plan12b providers terminate` or `assign`. Pure.
 */
export interface ServiceAgreementStatement {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly agreement_date: string;
  readonly own_rate_pct: bigint | null;
  readonly terminated_on: string | null;
}
type Stated = { readonly line: number; readonly row: ServiceAgreementStatement };

/**
 * Provider ids are compared exactly, but two that differ only in case name one payee twice to
 * anyone who reads them without case: the statement files `statement-YYYY-MM-ID.csv` of both are
 * one file on a file system that ignores case (macOS, Windows), and a feed row's id is a typo
 * away from the other provider's. So a new id may not equal another ignoring case (SPEC §5).
 */
const caseFolded = (id: string) => id.toLowerCase();
const differsOnlyInCase = (id: string, other: string) =>
  `provider id ${id} differs only in case from ${other}`;
const ONE_ID_HINT =
  'one provider has one id (its statements are filed as statement-YYYY-MM-ID.csv, which a file system that ignores case cannot tell apart): use the same id, or one that differs in more than case';

/** The rules of a statement and across statements: one per provider (ids equal ignoring case are one); an agreement cannot end before it began. */
export function serviceAgreementStatementProblems(rows: readonly Stated[], file: string): Problem[] {
  const seen = new Map<string, number>();
  const folded = new Map<string, { id: string; line: number }>();
  const problems: Problem[] = [];
  for (const { line, row } of rows) {
    const broken = (field: string, value: string, reason: string) =>
      problems.push({ file, line, field, value, reason });
    const first = seen.get(row.id);
    const alike = folded.get(caseFolded(row.id));
    if (first === undefined) seen.set(row.id, line);
    else broken('id', row.id, `provider ${row.id} appears twice (first on line ${first})`);
    if (alike === undefined) folded.set(caseFolded(row.id), { id: row.id, line });
    else if (alike.id !== row.id)
      broken('id', row.id, `${differsOnlyInCase(row.id, alike.id)} on line ${alike.line}; ${ONE_ID_HINT}`);
    if (row.own_rate_pct === 0n)
      broken('own_rate_pct', '0', 'zero; leave it empty when the agreement states no rate of its own');
    const end = row.terminated_on;
    if (end !== null && end < row.agreement_date)
      broken(
        'terminated_on',
        end,
        `terminated on ${end}, which precedes the agreement date ${row.agreement_date}`,
      );
  }
  return problems;
}

/** What in a statement differs from the recorded agreement, or null when it says the same. */
function differenceFromRecorded(
  row: ServiceAgreementStatement,
  recorded: ServiceAgreement,
): Omit<Problem, 'file' | 'line'> | null {
  const rate = (r: bigint | null) => (r === null ? '(none)' : formatRatePct(r));
  const fields: [string, string, string][] = [
    ['name', row.name, recorded.providerName],
    ['kind', row.kind, recorded.providerKind],
    ['agreement_date', row.agreement_date, recorded.agreementDate],
    ['own_rate_pct', rate(row.own_rate_pct), rate(recorded.ownRateMicroPct)],
  ];
  for (const [field, given, was] of fields)
    if (given !== was)
      return {
        code: 'CONFLICT',
        field,
        value: given,
        reason: `provider ${row.id} is recorded with ${field} ${was}, this row says ${given}; a recorded agreement is never changed — a new agreement needs a new provider id`,
      };
  const end = terminationEffectiveDate(recorded);
  if (row.terminated_on !== null && row.terminated_on !== end)
    return {
      code: 'CONFLICT',
      field: 'terminated_on',
      value: row.terminated_on,
      reason:
        end === null
          ? `provider ${row.id} is recorded as in force, this row says terminated on ${row.terminated_on}; record the end with \`plan12b providers terminate\` (written notice) or \`plan12b providers assign\` (assignment)`
          : `provider ${row.id} is recorded as terminated effective ${end}, this row says ${row.terminated_on}; an agreement ends once`,
    };
  return null;
}

/**
 * The new agreements of a list, the statements of recorded ones that differ (conflicts), and a
 * warning for each own rate above the Plan §4(a) maximum (0.25% applies).
 */
export function planServiceAgreements(
  file: string,
  rows: readonly Stated[],
  recorded: ReadonlyMap<string, ServiceAgreement>,
): {
  added: { line: number; agreement: ServiceAgreement }[];
  unchanged: number;
  problems: Problem[];
  warnings: string[];
} {
  // Statements that break a rule are reported by the rules; the rest are planned.
  const broken = new Set(serviceAgreementStatementProblems(rows, file).map((p) => p.line));
  const added: { line: number; agreement: ServiceAgreement }[] = [];
  const problems: Problem[] = [];
  const warnings: string[] = [];
  let unchanged = 0;
  const recordedFolded = new Map([...recorded.keys()].map((id) => [caseFolded(id), id]));
  for (const { line, row } of rows) {
    if (row.own_rate_pct !== null && row.own_rate_pct > PLAN_MAXIMUM_SERVICE_FEE_MICRO_PCT)
      warnings.push(
        `${file}:${line}: provider ${row.id}'s own rate ${formatRatePct(row.own_rate_pct)}% is above the Plan §4(a) maximum of 0.25%; 0.25% applies`,
      );
    const was = recorded.get(row.id);
    if (was) {
      const diff = differenceFromRecorded(row, was);
      if (diff) problems.push({ file, line, ...diff });
      else unchanged++;
      continue;
    }
    if (broken.has(line)) continue;
    const alike = recordedFolded.get(caseFolded(row.id));
    if (alike !== undefined) {
      const reason = `${differsOnlyInCase(row.id, alike)}, a recorded provider; ${ONE_ID_HINT}`;
      problems.push({ file, line, field: 'id', value: row.id, reason });
      continue;
    }
    const agreement = createServiceAgreement({
      providerId: row.id,
      providerName: row.name,
      providerKind: row.kind,
      agreementDate: row.agreement_date,
      ownRateMicroPct: row.own_rate_pct,
      terminations: row.terminated_on === null ? [] : [recordedTermination(row.id, row.terminated_on)],
    });
    added.push({ line, agreement });
  }
  return { added, unchanged, problems, warnings };
}
