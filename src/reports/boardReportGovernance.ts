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
            instrument: c.instrument,
            deadline: c.periods.at(-1)!.deadline,
            status: `lapsed; ended ${c.endsOn}`,
          }
        : {
            instrument: c.instrument,
            deadline: c.nextDeadline!,
            status: c.periods.at(-1)?.metBy ? `approved ${c.periods.at(-1)!.metBy!.meetingDate}` : 'due',
          },
    );
  },
};
