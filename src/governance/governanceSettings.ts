import { isIsoDate } from '../calendar/isoDate.js';
import { formatRatePct, MICRO_PCT_PER_PCT, parseRateMicroPct } from '../money/rate.js';
import { type ContinuanceBasis, DEFAULT_CONTINUANCE_BASIS } from './continuance.js';

/**
 * The governance settings (`plan12b settings set KEY VALUE`). Each is a choice the documents or
 * DOMAIN.md leave open (UNCONFIRMED there), so it is configurable, with its default named here
 * and in docs/FORMATS.md.
 */
export interface GovernanceSettings {
  /**
   * `approvals.enforce`: whether recorded approvals decide what governs (Plan §§5–6, §11): pending
   * amendments do not govern, and an instrument whose continuance lapsed (Plan §7; Agreement
   * FOURTEENTH) stops. Default false: a database with no approvals recorded (the seeds, every
   * existing complex) keeps the fees its documents give; a compliance officer turns it on once
   * the approvals are recorded.
   */
  readonly enforceApprovals: boolean;
  /** `continuance.basis`: how the next continuance deadline follows from a met one */
  readonly continuanceBasis: ContinuanceBasis;
  /**
   * `continuance.plan-first-deadline`: `as-stated` (each Plan's own: the date its text states, as
   * Plan §7 "until June 30, 2003", else one year after its adoption, Rule 12b-1(b)(3)(i)), or a
   * date the user states for every Plan whose text states none
   */
  readonly planFirstDeadline: string;
  /** `continuance.agreement-first-deadline`: the same for Agreements (FOURTEENTH "until June 30, 2004") */
  readonly agreementFirstDeadline: string;
  /**
   * `finra-cap.interest-spread`: percentage points a year added to the prime rate for the FINRA
   * 2341 cap's interest, canonical percent text. Default 1.00: "prime rate plus one percent per
   * annum" is DOMAIN §3.4's RECALLED reading; SPEC §10 says only "plus interest".
   */
  readonly finraInterestSpreadPct: string;
  /** `finra-cap.interest-day-basis`: the days of the year the cap's interest divides by (DOMAIN §3.5, UNCONFIRMED) */
  readonly finraInterestDayBasis: 365 | 360;
}

/** A first continuance deadline setting's default: each instrument's own (continuanceRoster.ts). */
export const AS_STATED = 'as-stated';

const firstDeadline = (v: string): string | { problem: string } =>
  v === AS_STATED || isIsoDate(v)
    ? v
    : { problem: `${JSON.stringify(v)} is not ${AS_STATED} or a date (YYYY-MM-DD)` };

export const DEFAULT_GOVERNANCE_SETTINGS: GovernanceSettings = Object.freeze({
  enforceApprovals: false,
  continuanceBasis: DEFAULT_CONTINUANCE_BASIS,
  planFirstDeadline: AS_STATED,
  agreementFirstDeadline: AS_STATED,
  finraInterestSpreadPct: '1.00',
  finraInterestDayBasis: 365,
});

/** Percent points a year, 0 to 10 (a spread above the prime rate; more is a mistyped value). */
const spreadPct = (v: string): string | { problem: string } => {
  let micro: bigint;
  try {
    micro = parseRateMicroPct(v);
  } catch {
    return { problem: `${JSON.stringify(v)} is not a percent (e.g. 1.00)` };
  }
  return micro > 10n * MICRO_PCT_PER_PCT
    ? { problem: `${JSON.stringify(v)} is more than 10 percentage points above the prime rate` }
    : formatRatePct(micro);
};

const BOOLEAN: Record<string, boolean> = {
  true: true,
  on: true,
  yes: true,
  false: false,
  off: false,
  no: false,
};

/** Every setting: its key, what it means, and how a value is read (→ the stored text, or why not). */
export const GOVERNANCE_SETTING_KEYS = {
  'approvals.enforce': {
    meaning: 'recorded approvals decide what governs: pending amendments do not govern, a lapse stops fees',
    default: 'false',
    parse: (v: string): string | { problem: string } =>
      v.toLowerCase() in BOOLEAN
        ? String(BOOLEAN[v.toLowerCase()])
        : { problem: `${JSON.stringify(v)} is not true or false` },
  },
  'continuance.basis': {
    meaning: 'next deadline: year-by-year (same day a year later) or twelve-months-after-approval',
    default: DEFAULT_CONTINUANCE_BASIS,
    parse: (v: string): string | { problem: string } =>
      v === 'year-by-year' || v === 'twelve-months-after-approval'
        ? v
        : { problem: `${JSON.stringify(v)} is not year-by-year or twelve-months-after-approval` },
  },
  'continuance.plan-first-deadline': {
    meaning:
      "a Plan's first continuance deadline: as-stated (the date its text states, Plan §7, else one year after its adoption, Rule 12b-1(b)(3)(i)) or a date for every Plan whose text states none",
    default: DEFAULT_GOVERNANCE_SETTINGS.planFirstDeadline,
    parse: firstDeadline,
  },
  'continuance.agreement-first-deadline': {
    meaning:
      "an Agreement's first continuance deadline: as-stated (the date its text states, FOURTEENTH, else one year after its adoption, Rule 12b-1(b)(3)(i)) or a date for every Agreement whose text states none",
    default: DEFAULT_GOVERNANCE_SETTINGS.agreementFirstDeadline,
    parse: firstDeadline,
  },
  'finra-cap.interest-spread': {
    meaning:
      "percentage points a year added to the prime rate for the FINRA 2341 cap's interest (prime + 1%: DOMAIN §3.4, RECALLED); refused once a closed month has a cap ledger",
    default: DEFAULT_GOVERNANCE_SETTINGS.finraInterestSpreadPct,
    parse: spreadPct,
  },
  'finra-cap.interest-day-basis': {
    meaning:
      "the days a year has for the FINRA 2341 cap's interest: 365 or 360 (DOMAIN §3.5, UNCONFIRMED); refused once a closed month has a cap ledger",
    default: String(DEFAULT_GOVERNANCE_SETTINGS.finraInterestDayBasis),
    parse: (v: string): string | { problem: string } =>
      v === '365' || v === '360' ? v : { problem: `${JSON.stringify(v)} is not 365 or 360` },
  },
} as const;

export type GovernanceSettingKey = keyof typeof GOVERNANCE_SETTING_KEYS;

export function isGovernanceSettingKey(key: string): key is GovernanceSettingKey {
  return Object.hasOwn(GOVERNANCE_SETTING_KEYS, key);
}

/** The settings from the stored key → value text (unknown keys ignored, missing ones default). */
export function governanceSettingsOf(stored: ReadonlyMap<string, string>): GovernanceSettings {
  const get = (k: GovernanceSettingKey) => stored.get(k) ?? GOVERNANCE_SETTING_KEYS[k].default;
  return Object.freeze({
    enforceApprovals: get('approvals.enforce') === 'true',
    continuanceBasis: get('continuance.basis') as ContinuanceBasis,
    planFirstDeadline: get('continuance.plan-first-deadline'),
    agreementFirstDeadline: get('continuance.agreement-first-deadline'),
    finraInterestSpreadPct: get('finra-cap.interest-spread'),
    finraInterestDayBasis: get('finra-cap.interest-day-basis') === '360' ? 360 : 365,
  });
}
