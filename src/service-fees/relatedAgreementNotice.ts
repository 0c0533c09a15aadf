import type { Instrument } from '../registry/scheduleVersions.js';

/**
 * The written notice a Service Agreement (Plan §4(b)–(g), an agreement related to the Plan) is
 * terminated on: Plan §10(a), "that such agreement may be terminated at any time … on not more than
 * sixty (60) days' written notice to any other party to the agreement" (seed 002, line 187; Rule
 * 12b-1(b)(3)(iii)) — the most days after the notice it can take effect, as the Plan's text states
 * them (edgar/terminationNoticeClause.ts). `source` names the file and line; null where no Plan
 * states one (or an older build imported it): then the sixty days of Plan §10(a) as the seeds word it.
 */
export interface RelatedAgreementNotice {
  readonly days: number;
  readonly text: string;
  /** "002_1ece2ff6353a3318.txt line 187", or null: the sixty days no stored parse states */
  readonly source: string | null;
}

export const PLAN_10A_NOTICE: RelatedAgreementNotice = Object.freeze({
  days: 60,
  text: "on not more than sixty (60) days' written notice",
  source: null,
});

/**
 * Of the Plans adopted on or before the notice date whose text states the notice, the shortest:
 * a Service Agreement is paid under every Plan whose classes it serves, and each asks that it end
 * within its days (ties: the first by key). None: {@link PLAN_10A_NOTICE}.
 * @example relatedAgreementNotice(registry.instruments, '2007-01-05')
 *   → { days: 60, text: "on not more than sixty (60) days' written notice", source: '002_….txt line 187' }
 */
export function relatedAgreementNotice(
  instruments: readonly Instrument[],
  noticeDate: string,
): RelatedAgreementNotice {
  const stated = instruments
    .filter(
      (i) =>
        i.kind === 'plan' &&
        i.statedTerminationNotice &&
        (i.adoptedOn === null || i.adoptedOn === undefined || i.adoptedOn <= noticeDate),
    )
    .map((i) => ({ key: i.key, notice: i.statedTerminationNotice! }))
    .sort((a, b) => a.notice.days - b.notice.days || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0];
  if (stated === undefined) return PLAN_10A_NOTICE;
  return Object.freeze({
    days: stated.notice.days,
    text: stated.notice.text,
    source: `${stated.notice.fileName} line ${stated.notice.line}`,
  });
}
