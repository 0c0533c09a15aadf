import { annualVote } from '../governance/continuanceAnnualAlert.js';
import type { InstrumentSuccessor } from '../governance/continuanceRoster.js';
import { independentMajorityDoubt } from '../governance/fundGovernanceStandards.js';
import { portfolioGroups, portfoliosListedOn } from '../governance/portfolioContinuanceGroups.js';
import { instrumentKeyClasses, instrumentKeyExceptClasses } from '../registry/storedDocument.js';
import { loadApprovals } from '../store/approvalsRepository.js';
import { classFirstSales } from '../store/classFirstSales.js';
import { approvalsInQuarter, continuanceStatus } from '../store/governanceStore.js';
import type { BoardReportGovernance } from './boardReport.js';
import { planShareholderApprovalWarnings } from './planShareholderApprovalWarnings.js';

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
  async boardDoubtsBetween(q, from, to, registry) {
    const boardDoubts = (await loadApprovals(q)).flatMap((a) =>
      a.meetingDate >= from && a.meetingDate <= to && a.vote.kind === 'board-vote'
        ? [independentMajorityDoubt(a.meetingDate, a.vote)].filter((d): d is string => d !== null)
        : [],
    );
    // Rule 12b-1(b)(1): a Plan in effect by the quarter's end that took effect for a class after
    // its first sale, without the class's shareholder vote — a standing doubt, told each quarter
    const plans = planShareholderApprovalWarnings(registry, to, await classFirstSales(q));
    return [...boardDoubts, ...plans];
  },
  async continuanceDeadlines(q, asOf) {
    const all = await continuanceStatus(q, asOf);
    const label = instrumentLabels(all);
    return all.flatMap((c) => continuanceLines(c, asOf, label(c)));
  },
};

/**
 * The instrument as the board reads it: its title, with its classes when the title does not name
 * them — a complex's Class A and Class C plans are both titled "Master Distribution Plan", and the
 * board must tell which one is due and which one lapsed. `registrant`: named after the title when
 * the title does not name it (for plans that the title and classes do not tell apart).
 * @example instrumentLabel('Master Distribution Plan', 'plan|summit funds|c|2024-01-02') === 'Master Distribution Plan (Class C)'
 * @example instrumentLabel('Service Plan', 'plan|aim equity funds|a|2019-05-24', 'AIM EQUITY FUNDS') === 'Service Plan of AIM EQUITY FUNDS (Class A)'
 */
export function instrumentLabel(
  titleAsPrinted: string,
  key: string,
  registrant: string | null = null,
): string {
  const title =
    registrant === null || titleAsPrinted.toLowerCase().includes(registrant.toLowerCase())
      ? titleAsPrinted
      : `${titleAsPrinted} of ${registrant}`;
  if (/\bclass(es)?\b/i.test(title)) return title;
  const code = (c: string) => (c.length <= 2 ? c.toUpperCase() : `${c[0]!.toUpperCase()}${c.slice(1)}`);
  const except = instrumentKeyExceptClasses(key).map(code);
  if (except.length > 0)
    return `${title} (All Classes Except ${except.length === 1 ? 'Class' : 'Classes'} ${except.join(', ')})`;
  const classes = instrumentKeyClasses(key).map(code);
  if (classes.length === 0) return title;
  return `${title} (${classes.length === 1 ? 'Class' : 'Classes'} ${classes.join(', ')})`;
}

type Continuance = Awaited<ReturnType<typeof continuanceStatus>>[number];

function deadlineLine(c: {
  status: 'in force' | 'lapsed' | 'superseded';
  nextDeadline: string | null;
  endsOn: string | null;
  missedDeadline?: string | null;
  periods: readonly { deadline: string; metBy: { meetingDate: string } | null; deadlineWhy: string }[];
  supersededBy?: InstrumentSuccessor | null;
}): { deadline: string; status: string; source: string } {
  // Rule 12b-1(b)(3)(i) "at least annually" (DOMAIN §9): a vote a year after the last one, where
  // that comes before the deadline (year by year it can come up to a year later)
  const vote = annualVote(c.periods);
  const annually =
    vote.voteBy !== null && c.nextDeadline !== null && vote.voteBy < c.nextDeadline
      ? `; at least annually (Rule 12b-1(b)(3)(i)): a vote by ${vote.voteBy}, a year after the last of ${vote.lastVote}`
      : '';
  // an Amended and Restated instrument took its place: no deadline from its date (a lapse before it stays)
  const by = c.supersededBy;
  const superseded = by ? `superseded by ${by.instrument} from ${by.from}` : '';
  if (c.status === 'superseded')
    return { deadline: '', status: `${superseded}: no continuance due`, source: '' };
  // the deadline shown is the last one of the record (the missed one, or the next one ahead), and
  // the board reads where it comes from: the text, the Rule's year, or the last vote (Plan §7)
  const last = c.periods.at(-1);
  if (c.status === 'lapsed')
    return {
      deadline: c.missedDeadline ?? last!.deadline,
      status: `lapsed; ended ${c.endsOn}${superseded ? `; ${superseded}` : ''}`,
      source: last?.deadlineWhy ?? '',
    };
  // in force, its successor still ahead: the deadlines before the successor's date only
  if (c.nextDeadline === null && superseded) return { deadline: '', status: superseded, source: '' };
  return {
    deadline: c.nextDeadline!,
    status: last?.metBy ? `approved ${last.metBy.meetingDate}` : 'due',
    source: `${last?.deadlineWhy ?? ''}${annually}`,
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
  label: string = instrumentLabel(c.instrument, c.instrumentKey),
): { instrument: string; deadline: string; status: string; source: string }[] {
  const current = portfoliosListedOn(c.portfolios, asOf);
  if (current.length === 0) return [{ instrument: label, ...deadlineLine(c) }];
  const groups = portfolioGroups(current, (p) => {
    const line = deadlineLine({ ...p, missedDeadline: null, supersededBy: c.supersededBy });
    return `${line.deadline}|${line.status}|${line.source}`;
  }).map((g) => ({
    ...deadlineLine({ ...g.first, missedDeadline: null, supersededBy: c.supersededBy }),
    names: g.names,
  }));
  if (groups.length === 1) {
    const [g] = groups;
    return [{ instrument: label, deadline: g!.deadline, status: g!.status, source: g!.source }];
  }
  const list = groups.sort((a, b) =>
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
    source: g.source,
  }));
}

/**
 * Each instrument's label among `instruments`: {@link instrumentLabel}, with its Registrant where
 * another instrument's label would be the same (Invesco's 2019 plans, one per trust, each a
 * "Service Plan" of Class A: "Service Plan of AIM EQUITY FUNDS (INVESCO EQUITY FUNDS) (Class A)").
 */
export function instrumentLabels(
  instruments: readonly { instrument: string; instrumentKey: string; registrant: string | null }[],
): (c: { instrument: string; instrumentKey: string; registrant: string | null }) => string {
  const count = new Map<string, number>();
  for (const c of instruments) {
    const label = instrumentLabel(c.instrument, c.instrumentKey);
    count.set(label, (count.get(label) ?? 0) + 1);
  }
  return (c) => {
    const label = instrumentLabel(c.instrument, c.instrumentKey);
    return (count.get(label) ?? 0) > 1 ? instrumentLabel(c.instrument, c.instrumentKey, c.registrant) : label;
  };
}
