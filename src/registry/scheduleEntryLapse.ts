import type { InstrumentContinuance } from '../governance/continuanceRoster.js';

/**
 * Plan §7, Agreement FOURTEENTH (SPEC §10: "plan12b shows deadlines and flags a lapse"): a schedule
 * entry whose instrument had lapsed by the date asked about, whatever `approvals.enforce` says. With
 * enforcement on, a lapsed Plan's entry is also stopped (no fee is due, `stopped`); with it off the
 * entry keeps its rates, but `schedule --as-of` must not show it as governing without a word. An
 * Agreement lapses per Portfolio, and its fees continue either way (FIFTEENTH(B)).
 */
export interface ScheduleEntryLapse {
  readonly instrument: string;
  readonly kind: 'plan' | 'agreement';
  /** the continuance deadline missed (an Agreement: the Portfolio's) */
  readonly missedDeadline: string;
  /** the first day the instrument (for an Agreement: for this Portfolio) was no longer in force */
  readonly endsOn: string;
  /** no fee is due from `endsOn`: a Plan with approvals.enforce on */
  readonly feesStop: boolean;
  /** the lapse in words, as the text, CSV and dashboard show it */
  readonly text: string;
}

/** The lapses continuance finds, by instrument (a Plan) and by instrument and Portfolio (an Agreement). */
export interface ScheduleLapses {
  /** the lapse of the entry's instrument, if it had lapsed by `date`; else null */
  of(instrumentKey: string, portfolioId: string, date: string): ScheduleEntryLapse | null;
}

function lapseText(l: Omit<ScheduleEntryLapse, 'text'>, portfolio: string | null): string {
  const fees = l.feesStop
    ? `no fee is due from ${l.endsOn}`
    : l.kind === 'agreement'
      ? 'its fees continue (FIFTEENTH(B))'
      : 'fees are not stopped (approvals.enforce is off)';
  return l.kind === 'plan'
    ? `${l.instrument} lapsed: continuance deadline ${l.missedDeadline} missed (Plan §7), ended ${l.endsOn}; ${fees}`
    : `${l.instrument} lapsed for ${portfolio}: continuance deadline ${l.missedDeadline} missed (FOURTEENTH), ended ${l.endsOn}; ${fees}`;
}

/**
 * The lapses of `continuance` (judged as the registry judges lapses: as of its today, so a deadline
 * still ahead is not missed; a deadline before the date asked about is judged alike on either day).
 */
export function scheduleLapses(
  continuance: readonly InstrumentContinuance[],
  enforce: boolean,
): ScheduleLapses {
  const byKey = new Map<string, ScheduleEntryLapse>();
  for (const c of continuance) {
    if (c.kind === 'plan') {
      if (c.status !== 'lapsed' || c.endsOn === null || c.missedDeadline === null) continue;
      const l = {
        instrument: c.instrument,
        kind: c.kind,
        missedDeadline: c.missedDeadline,
        endsOn: c.endsOn,
        feesStop: enforce,
      };
      byKey.set(c.instrumentKey, { ...l, text: lapseText(l, null) });
      continue;
    }
    // Agreement FOURTEENTH: per Portfolio
    for (const p of c.portfolios ?? []) {
      if (p.status !== 'lapsed' || p.endsOn === null) continue;
      const l = {
        instrument: c.instrument,
        kind: c.kind,
        missedDeadline: p.periods.at(-1)!.deadline,
        endsOn: p.endsOn,
        feesStop: false,
      };
      byKey.set(`${c.instrumentKey}|${p.portfolioId}`, { ...l, text: lapseText(l, p.portfolio) });
    }
  }
  return {
    of(instrumentKey, portfolioId, date) {
      const l = byKey.get(instrumentKey) ?? byKey.get(`${instrumentKey}|${portfolioId}`);
      return l !== undefined && l.endsOn <= date ? l : null;
    },
  };
}

/**
 * One warning per lapsed instrument (and, for an Agreement, per deadline missed) among the entries
 * answered, naming how many entries it gives: the schedule is read at a glance, the field says which.
 */
export function scheduleLapseWarnings(
  entries: readonly { readonly lapse: ScheduleEntryLapse | null }[],
  date: string,
): string[] {
  const groups = new Map<string, { lapse: ScheduleEntryLapse; count: number }>();
  for (const e of entries) {
    if (e.lapse === null) continue;
    const key = `${e.lapse.kind}|${e.lapse.instrument}|${e.lapse.missedDeadline}|${e.lapse.endsOn}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { lapse: e.lapse, count: 1 });
  }
  return [...groups.values()].map(({ lapse: l, count }) => {
    const n = `${count} ${count === 1 ? 'entry' : 'entries'}`;
    const fees = l.feesStop
      ? `no fee is due from ${l.endsOn}`
      : l.kind === 'agreement'
        ? "the Distributor's 12b-1 Share and Earned CDSC survive it (FIFTEENTH(B)): the fees continue"
        : 'approvals.enforce is off: fees are not stopped, the rates shown still accrue';
    return l.kind === 'plan'
      ? `${n} in force on ${date} ${count === 1 ? 'comes' : 'come'} from ${l.instrument}, which lapsed: no continuance approval on or before ${l.missedDeadline} (Plan §7), so it ended on ${l.endsOn}; ${fees}`
      : `${n} in force on ${date} ${count === 1 ? 'comes' : 'come'} from ${l.instrument}, which lapsed for ${count === 1 ? 'its Portfolio' : 'their Portfolios'}: no continuance approval on or before ${l.missedDeadline} (FOURTEENTH), so it ended for ${count === 1 ? 'it' : 'them'} on ${l.endsOn}; ${fees}`;
  });
}
