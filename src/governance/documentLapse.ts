import { addDays } from '../calendar/isoDate.js';
import type { Registry } from '../registry/registry.js';

/**
 * Plan §7, Agreement FOURTEENTH (SPEC §10): an instrument whose annual continuance was missed
 * lapsed the day after the deadline, and every document of it (the Plan or Agreement and its
 * amendments) is shown so wherever its status is shown — `exhibit list`, GET
 * /api/registry/documents, the dashboard's documents page — never as in force. Judged as
 * `plan12b continuance` judges it, as of the registry's today (a deadline ahead is not missed).
 * Whether fees stop is another question: only a Plan with `approvals.enforce` on stops them; a
 * lapsed Agreement's fees continue (FIFTEENTH(B)).
 */
export interface DocumentLapse {
  readonly instrument: string;
  /** the continuance deadline missed (an Agreement lapsed in part: the earliest missed) */
  readonly missedDeadline: string;
  /** the first day it is no longer in force (for an Agreement lapsed in part: the earliest) */
  readonly endsOn: string;
  /** an Agreement (continued per Portfolio): how many of the Portfolios it lists lapsed, of how many; a Plan: null */
  readonly portfolios: { readonly lapsed: number; readonly listed: number } | null;
  /** no fee is due from `endsOn`: a Plan with approvals.enforce on */
  readonly feesStop: boolean;
  /** the status in words, as the CLI's table, the CSV and the dashboard show it */
  readonly text: string;
}

function lapseText(l: Omit<DocumentLapse, 'text'>, kind: 'plan' | 'agreement'): string {
  const part =
    l.portfolios !== null && l.portfolios.lapsed < l.portfolios.listed
      ? ` for ${l.portfolios.lapsed} of its ${l.portfolios.listed} portfolios`
      : '';
  const fees = l.feesStop
    ? `no fee is due from ${l.endsOn}`
    : kind === 'agreement'
      ? 'its fees continue (FIFTEENTH(B))'
      : 'fees are not stopped (approvals.enforce is off)';
  return `lapsed${part}: continuance deadline ${l.missedDeadline} missed, ended ${l.endsOn}; ${fees}`;
}

/** Each document of a lapsed instrument (withdrawn ones left out) → its lapse. */
export function documentLapses(registry: Registry): Map<string, DocumentLapse> {
  const out = new Map<string, DocumentLapse>();
  const enforce = registry.governance.settings.enforceApprovals;
  for (const c of registry.continuance(registry.governance.today)) {
    let lapse: Omit<DocumentLapse, 'text'> | null = null;
    if (c.kind === 'plan') {
      if (c.status === 'lapsed' && c.endsOn !== null && c.missedDeadline !== null)
        lapse = {
          instrument: c.instrument,
          missedDeadline: c.missedDeadline,
          endsOn: c.endsOn,
          portfolios: null,
          feesStop: enforce,
        };
    } else {
      // FOURTEENTH: continued per Portfolio; those no longer listed do not count (lastDay set) — but
      // an Agreement superseded by its restatement lists them to the day before it: a lapse before
      // that is still a lapse
      const supersededOn = c.supersededBy === null ? null : addDays(c.supersededBy.from, -1);
      const listed = (c.portfolios ?? []).filter((p) => p.lastDay === null || p.lastDay === supersededOn);
      const lapsed = listed.filter((p) => p.status === 'lapsed' && p.endsOn !== null);
      if (lapsed.length > 0) {
        const earliest = [...lapsed].sort((a, b) => (a.endsOn! < b.endsOn! ? -1 : 1))[0]!;
        lapse = {
          instrument: c.instrument,
          missedDeadline: c.missedDeadline ?? earliest.periods.at(-1)?.deadline ?? earliest.endsOn!,
          endsOn: c.status === 'lapsed' && c.endsOn !== null ? c.endsOn : earliest.endsOn!,
          portfolios: { lapsed: lapsed.length, listed: listed.length },
          feesStop: false,
        };
      }
    }
    if (lapse === null) continue;
    const instrument = registry.instruments.find((i) => i.key === c.instrumentKey);
    const full = { ...lapse, text: lapseText(lapse, c.kind) };
    for (const id of instrument?.documentIds ?? []) out.set(id, full);
  }
  return out;
}
