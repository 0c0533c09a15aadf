/**
 * How a Service Agreement ends (Plan §10): on written notice of not more than sixty days (§10(a)),
 * automatically on its assignment (§10(b)), or as recorded in the providers file. The effective
 * date is the first day the agreement is no longer in force: no service fee accrues on or after it.
 */
import { addDays, isIsoDate } from '../calendar/isoDate.js';
import { PLAN_10A_NOTICE, type RelatedAgreementNotice } from './relatedAgreementNotice.js';
import { ServiceAgreementRefusal } from './serviceAgreementRefusal.js';

export type TerminationCause = 'notice' | 'assignment' | 'recorded';

export interface AgreementTermination {
  readonly kind: 'agreementTermination';
  readonly cause: TerminationCause;
  /** First day the agreement is no longer in force. */
  readonly effectiveDate: string;
  /** Plan §10(a): the date of the written notice; null for the other causes. */
  readonly noticeDate: string | null;
  /** Plan §10(b): to whom the agreement was assigned, when known. */
  readonly assignedTo: string | null;
}

function requireDate(providerId: string, value: string, what: string): void {
  if (!isIsoDate(value))
    throw new ServiceAgreementRefusal(
      providerId,
      `${what} ${JSON.stringify(value)} is not a date`,
      'write dates as YYYY-MM-DD',
    );
}

/**
 * Plan §10(a): termination on written notice, effective on the date given (default: the notice
 * date + the Plan's days, relatedAgreementNotice.ts; sixty where no Plan's text states them),
 * never before the notice nor more than those days after it.
 * @example terminationOnNotice('d1', '2007-01-10').effectiveDate === '2007-03-11'
 */
export function terminationOnNotice(
  providerId: string,
  noticeDate: string,
  effectiveDate?: string,
  notice: RelatedAgreementNotice = PLAN_10A_NOTICE,
): AgreementTermination {
  requireDate(providerId, noticeDate, 'notice date');
  const latest = addDays(noticeDate, notice.days);
  const effective = effectiveDate ?? latest;
  requireDate(providerId, effective, 'effective date');
  if (effective < noticeDate)
    throw new ServiceAgreementRefusal(
      providerId,
      `termination effective ${effective} precedes the written notice of ${noticeDate}`,
      'a termination on notice takes effect on or after the notice date; give --effective on or after it',
    );
  if (effective > latest)
    throw new ServiceAgreementRefusal(
      providerId,
      `termination effective ${effective} is more than ${notice.days} days after the written notice of ${noticeDate} (Plan §10(a): the agreement may be terminated "${notice.text}"${notice.source === null ? '' : `, ${notice.source}`})`,
      `give --effective on or before ${latest} (day ${notice.days} after the notice), or omit it to take ${latest}; to end it later, it needs a later written notice: give that notice's date (--notice-date)`,
    );
  return Object.freeze({
    kind: 'agreementTermination',
    cause: 'notice',
    effectiveDate: effective,
    noticeDate,
    assignedTo: null,
  });
}

/**
 * Plan §10(b): the agreement terminates automatically on its assignment, effective that day.
 * @example terminationOnAssignment('d1', '2007-05-01', 'Acme').effectiveDate === '2007-05-01'
 */
export function terminationOnAssignment(
  providerId: string,
  assignmentDate: string,
  assignedTo: string | null,
): AgreementTermination {
  requireDate(providerId, assignmentDate, 'assignment date');
  return Object.freeze({
    kind: 'agreementTermination',
    cause: 'assignment',
    effectiveDate: assignmentDate,
    noticeDate: null,
    assignedTo,
  });
}

/** A termination the providers file records (its `terminated_on` column), effective that day. */
export function recordedTermination(providerId: string, effectiveDate: string): AgreementTermination {
  requireDate(providerId, effectiveDate, 'terminated_on');
  return Object.freeze({
    kind: 'agreementTermination',
    cause: 'recorded',
    effectiveDate,
    noticeDate: null,
    assignedTo: null,
  });
}

export function sameTermination(a: AgreementTermination, b: AgreementTermination): boolean {
  return (
    a.cause === b.cause &&
    a.effectiveDate === b.effectiveDate &&
    a.noticeDate === b.noticeDate &&
    a.assignedTo === b.assignedTo
  );
}
