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
    return (await continuanceStatus(q, asOf)).flatMap((c) => continuanceLines(c, asOf));
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

type Continuance = Awaited<ReturnType<typeof continuanceStatus>>[number];

function deadlineLine(c: {
  status: 'in force' | 'lapsed';
  nextDeadline: string | null;
  endsOn: string | null;
  missedDeadline?: string | null;
  periods: readonly { deadline: string; metBy: { meetingDate: string } | null }[];
}): { deadline: string; status: string } {
  return c.status === 'lapsed'
    ? { deadline: c.missedDeadline ?? c.periods.at(-1)!.deadline, status: `lapsed; ended ${c.endsOn}` }
    : {
        deadline: c.nextDeadline!,
        status: c.periods.at(-1)?.metBy ? `approved ${c.periods.at(-1)!.metBy!.meetingDate}` : 'due',
      };
}

/**
 * An instrument's lines: a Plan's one line (Plan §7: continued as a whole); an Agreement's one line
 * while all its Portfolios stand alike, else one line per deadline and status (FOURTEENTH: continued
 * per Portfolio), each naming its Portfolios — the largest group as "the other N portfolios".
 */
export function continuanceLines(
  c: Continuance,
  asOf: string,
): { instrument: string; deadline: string; status: string }[] {
  const label = instrumentLabel(c.instrument, c.instrumentKey);
  const current = (c.portfolios ?? []).filter((p) => p.lastDay === null || p.lastDay >= asOf);
  if (current.length === 0) return [{ instrument: label, ...deadlineLine(c) }];
  const groups = new Map<string, { deadline: string; status: string; names: string[] }>();
  for (const p of current) {
    const line = deadlineLine({ ...p, missedDeadline: null });
    const key = `${line.deadline}|${line.status}`;
    const g = groups.get(key) ?? { ...line, names: [] };
    g.names.push(p.portfolio);
    groups.set(key, g);
  }
  if (groups.size === 1) {
    const [g] = [...groups.values()];
    return [{ instrument: label, deadline: g!.deadline, status: g!.status }];
  }
  const list = [...groups.values()].sort((a, b) =>
    a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.status < b.status ? -1 : 1,
  );
  const largest = list.reduce((a, g) => (g.names.length > a.names.length ? g : a), list[0]!);
  return list.map((g) => ({
    instrument:
      g === largest && g.names.length > 1
        ? `${label}: the other ${g.names.length} portfolios`
        : `${label}: ${g.names.join(', ')}`,
    deadline: g.deadline,
    status: g.status,
  }));
}
