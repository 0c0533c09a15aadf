import { isIsoDate } from '../calendar/isoDate.js';
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
});

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
  });
}
