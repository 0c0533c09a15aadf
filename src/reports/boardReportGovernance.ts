import { instrumentKeyClasses } from '../registry/storedDocument.js';
import { approvalsInQuarter, continuanceStatus } from '../store/governanceStore.js';
import type { BoardReportGovernance } from './boardReport.js';

/**
 * The board report's governance lines (Plan §8; issue 12 items 1 and 4) from the recorded
 * approvals and the continuance roster: every vote of the quarter, carried or not, and each
 * instrument's next continuance deadline (or its lapse).
 */
export const boardReportGovernance: BoardReportGovernance = {
  async approvalsBetween(q, from, to) {
    return (await approvalsInQuarter(q, from, to)).map((a) => ({
      date: a.meetingDate,
      body: a.body === 'board' ? 'Board of Trustees' : `Class ${a.class ?? ''} shareholders`,
      subject: `${a.subject}: ${a.approved}`,
      scope: `${a.portfolio ?? 'all portfolios'}, ${a.class === null ? 'all classes' : `Class ${a.class}`}`,
      vote: a.outcome,
      approved: a.carried,
    }));
  },
  async continuanceDeadlines(q, asOf) {
    return (await continuanceStatus(q, asOf)).map((c) =>
      c.status === 'lapsed'
        ? {
            instrument: instrumentLabel(c.instrument, c.instrumentKey),
            deadline: c.periods.at(-1)!.deadline,
            status: `lapsed; ended ${c.endsOn}`,
          }
        : {
            instrument: instrumentLabel(c.instrument, c.instrumentKey),
            deadline: c.nextDeadline!,
            status: c.periods.at(-1)?.metBy ? `approved ${c.periods.at(-1)!.metBy!.meetingDate}` : 'due',
          },
    );
  },
};

/**
 * The instrument as the board reads it: its title, with its classes when the title does not name
 * them — a complex's Class A and Class C plans are both titled "Master Distribution Plan", and the
 * board must tell which one is due and which one lapsed.
 * @example instrumentLabel('Master Distribution Plan', 'plan|summit funds|c|2024-01-02') === 'Master Distribution Plan (Class C)'
 */
export function instrumentLabel(title: string, key: string): string {
  if (/\bclass(es)?\b/i.test(title)) return title;
  const classes = instrumentKeyClasses(key).map((c) =>
    c.length <= 2 ? c.toUpperCase() : `${c[0]!.toUpperCase()}${c.slice(1)}`,
  );
  if (classes.length === 0) return title;
  return `${title} (${classes.length === 1 ? 'Class' : 'Classes'} ${classes.join(', ')})`;
}
