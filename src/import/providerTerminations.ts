/**
 * `plan12b providers terminate` and `providers assign` (Plan §10): the end of a Service
 * Agreement, recorded through the state-change door — under the writer lock, in one transaction,
 * with one audit record naming the actor. A termination never changes a closed month.
 */
import { providerTerminationContentHash } from '../audit/commandRecords.js';
import { monthOf } from '../calendar/isoDate.js';
import { requireDateOfNyseCalendar } from '../calendar/nyseCalendar.js';
import { didYouMean } from '../closestName.js';
import { Plan12bError } from '../errors.js';
import {
  type AgreementTermination,
  terminationOnAssignment,
  terminationOnNotice,
} from '../service-fees/agreementTermination.js';
import {
  type RelatedAgreementNotice,
  relatedAgreementNotice,
} from '../service-fees/relatedAgreementNotice.js';
import { withTermination } from '../service-fees/serviceAgreement.js';
import { ServiceAgreementRefusal } from '../service-fees/serviceAgreementRefusal.js';
import { currentActor } from '../store/actor.js';
import type { ClosedPeriods } from '../store/closedPeriodsRepository.js';
import type { Database, Queryable } from '../store/database.js';
import { loadRegistry } from '../store/registryStore.js';
import {
  insertAgreementEvent,
  loadServiceAgreement,
  loadServiceAgreements,
  type ProviderRecord,
  providerRecord,
} from '../store/serviceProvidersRepository.js';
import { nameField } from './feedFields.js';
import { runStateChange } from './stateChange.js';

export interface TerminationResult {
  readonly provider: ProviderRecord;
  /** false when the same termination was already recorded (nothing written). */
  readonly changed: boolean;
  /** what the user should know of the termination recorded (a default date taken) */
  readonly warnings: readonly string[];
}

/**
 * A termination effective in a closed month, or before one, would change that month's sealed
 * service fees (the agreement would no longer be in force in it): refused (SPEC §12).
 */
function closedMonthRefusal(
  providerId: string,
  t: AgreementTermination,
  closed: ClosedPeriods,
): Plan12bError | null {
  // The first closed month from the effective date on: the earliest whose fees would change.
  const month = [...closed.months].filter((m) => m >= monthOf(t.effectiveDate)).sort()[0];
  if (month === undefined) return null;
  return new Plan12bError(
    'REFUSED',
    `service agreement with ${providerId}: a termination effective ${t.effectiveDate} would change the service fees of closed month ${month}`,
    `a closed month is never edited; nothing was written (${closed.latest} is the last closed month)`,
  );
}

async function recordTermination(
  db: Database,
  action: 'providers.terminate' | 'providers.assign',
  providerId: string,
  make: (tx: Queryable) => Promise<AgreementTermination> | AgreementTermination,
): Promise<TerminationResult> {
  const source = `plan12b ${action.replace('.', ' ')}`;
  return runStateChange(db, action, async (tx, closed) => {
    const agreement = await loadServiceAgreement(tx, providerId);
    if (!agreement)
      throw new Plan12bError(
        'NOT_FOUND',
        `no service provider ${JSON.stringify(providerId)} is recorded`,
        `${didYouMean(
          (await loadServiceAgreements(tx)).map((a) => ({ name: a.providerId })),
          providerId,
        )}check the id with \`plan12b providers list\`, or import it with \`plan12b providers import FILE.csv\``,
      );
    let termination: AgreementTermination;
    let changed: boolean;
    try {
      termination = await make(tx);
      changed = withTermination(agreement, termination).changed;
    } catch (e) {
      // A lifecycle step the Plan does not allow (notice over 60 days, before the agreement …).
      if (e instanceof ServiceAgreementRefusal) throw new Plan12bError('REFUSED', e.message, e.hint);
      throw e;
    }
    if (changed) {
      const refusal = closedMonthRefusal(providerId, termination, closed);
      if (refusal) throw refusal;
      await insertAgreementEvent(tx, providerId, termination, termination.effectiveDate, {
        source,
        actor: currentActor(),
      });
    }
    const provider = (await providerRecord(tx, providerId))!;
    const stated = {
      provider: providerId,
      cause: termination.cause,
      noticeDate: termination.noticeDate,
      effectiveDate: termination.effectiveDate,
      assignedTo: termination.assignedTo,
    };
    return {
      result: { provider, changed, warnings: [] },
      audit: changed
        ? {
            subject: providerId,
            // what `audit verify` finds the stored termination by (src/audit/commandRecords.ts)
            contentHash: providerTerminationContentHash(stated),
            detail: `${termination.cause === 'assignment' ? `assigned${termination.assignedTo ? ` to ${termination.assignedTo}` : ''}` : `written notice of ${termination.noticeDate}`}; terminated effective ${termination.effectiveDate}`,
          }
        : null,
    };
  });
}

/**
 * Plan §10(a): termination on written notice, effective on `effectiveDate` — the date the notice
 * (or the agreement's own shorter notice) names; refused when later than the Plan's days after the
 * notice ("on not more than sixty (60) days' written notice", read from the Plan's text in the
 * registry: service-fees/relatedAgreementNotice.ts; sixty where no Plan states it). Not given, the
 * latest the Plan allows is taken (the notice date + those days), with a warning: "not more than"
 * bounds the notice, it does not name the date.
 */
export async function terminateOnNotice(
  db: Database,
  opts: { providerId: string; noticeDate: string; effectiveDate?: string },
): Promise<TerminationResult> {
  requireDateOfNyseCalendar(opts.noticeDate);
  if (opts.effectiveDate !== undefined) requireDateOfNyseCalendar(opts.effectiveDate);
  let notice: RelatedAgreementNotice | null = null;
  const result = await recordTermination(db, 'providers.terminate', opts.providerId, async (tx) => {
    notice = relatedAgreementNotice((await loadRegistry(tx)).instruments, opts.noticeDate);
    return terminationOnNotice(opts.providerId, opts.noticeDate, opts.effectiveDate, notice);
  });
  if (opts.effectiveDate !== undefined || !result.changed || notice === null) return result;
  const n: RelatedAgreementNotice = notice;
  return {
    ...result,
    warnings: [
      `no effective date given: the termination takes effect ${result.provider.terminationEffective}, ${n.days} days after the notice of ${opts.noticeDate}, the latest Plan §10(a) allows ("${n.text}"${n.source === null ? '' : `, ${n.source}`}); where the notice names an earlier date (or the agreement a shorter notice), service fees are due only until then: record that termination with its effective date instead (--effective DATE)`,
    ],
  };
}

/** Plan §10(b): the agreement terminates automatically on its assignment, effective that date. */
export async function terminateOnAssignment(
  db: Database,
  opts: { providerId: string; date: string; assignedTo?: string },
): Promise<TerminationResult> {
  requireDateOfNyseCalendar(opts.date);
  if (opts.assignedTo !== undefined && opts.assignedTo.trim() === '')
    throw new Plan12bError(
      'USAGE',
      "the assignee's name is empty",
      'give the name the agreement was assigned to, or leave it out; nothing was written',
    );
  const assignee = opts.assignedTo === undefined ? null : nameField('assignee').safeParse(opts.assignedTo);
  // a name the user states on the command line (or the request), as a stated reason: its fault is
  // the command's (64, HTTP 400; src/import/statedText.ts), not an input file's
  if (assignee && !assignee.success)
    throw new Plan12bError(
      'USAGE',
      `the assignee ${assignee.error.issues[0]!.message}`,
      "give the assignee's name in printable characters; nothing was written",
    );
  return recordTermination(db, 'providers.assign', opts.providerId, () =>
    terminationOnAssignment(opts.providerId, opts.date, opts.assignedTo ?? null),
  );
}
