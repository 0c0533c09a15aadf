import type { PortfolioHistory } from '../registry/registry.js';

/**
 * `plan12b portfolio history NAME --csv|--xlsx` (SPEC §2, DEVELOPERS rule 7): the classes covered
 * and their rates over time, one line per run of days one schedule entry governs — rates as the
 * schedule's decimal percentages, dates ISO, an open run's `lastDay` empty. The workbook adds the
 * portfolio's names and registrants over time as sheets of their own.
 */
export const PORTFOLIO_HISTORY_COLUMNS = [
  'portfolioId',
  'class',
  'from',
  'lastDay',
  'distributionFeePct',
  'serviceFeePct',
  'aggregateFeePct',
  'rateSource',
  'instrument',
  'schedule',
  'document',
  'amendmentNumber',
  'approvedOn',
  'approvalNote',
  'stopped',
  'renamedTo',
  'renamedFrom',
] as const;

export function portfolioHistoryRows(h: PortfolioHistory) {
  return h.classes.map((c) => ({
    portfolioId: h.portfolioId,
    class: c.class,
    from: c.from,
    lastDay: c.lastDay ?? '',
    distributionFeePct: c.distributionFeePct ?? '',
    serviceFeePct: c.serviceFeePct ?? '',
    aggregateFeePct: c.aggregateFeePct ?? '',
    rateSource: c.rateSource,
    instrument: c.instrument,
    schedule: c.schedule,
    document: c.document,
    amendmentNumber: c.amendmentNumber ?? '',
    approvedOn: c.approvals.map((a) => a.meetingDate).join(' '),
    approvalNote: c.approvalNote ?? '',
    stopped: c.stopped ?? '',
    renamedTo: c.renamedTo?.class ?? '',
    renamedFrom: c.renamedTo?.date ?? '',
  }));
}

/** The workbook's further sheets: the names the portfolio bore, and its registrants, over time. */
export function portfolioNameRows(h: PortfolioHistory) {
  return h.names.map((n) => ({
    portfolioId: h.portfolioId,
    name: n.name,
    from: n.from ?? '',
    lastDay: n.lastDay ?? '',
  }));
}

export function portfolioRegistrantRows(h: PortfolioHistory) {
  return h.registrants.map((r) => ({
    portfolioId: h.portfolioId,
    registrant: r.registrant ?? '',
    from: r.from,
    lastDay: r.lastDay ?? '',
  }));
}
