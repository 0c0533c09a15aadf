/**
 * The Registrant of an instrument whose title does not say "… PLAN OF <Registrant>" (SPEC §2.1
 * "Registrant … the instrument's registrant from the title"): an agreement's parties ("MASTER
 * DISTRIBUTION AGREEMENT BETWEEN AIM ADVISOR FUNDS AND A I M DISTRIBUTORS, INC."), the heading of
 * the schedule it quotes ("SCHEDULE A / TO / MASTER DISTRIBUTION AGREEMENT / OF / AIM INTERNATIONAL
 * FUNDS, INC."), or the party clause of its body ("by and between AIM Tax-Exempt Funds, a
 * Delaware business trust, and A I M Distributors, Inc."). The Registrant is the fund party,
 * never the distributor.
 */

import type { EdgarLine } from './edgarText.js';
import { isAllCaps, scheduleHeading } from './lineShapes.js';
import { isClassLabel } from './shareClasses.js';

// "A I M DISTRIBUTORS, INC.", "INVESCO DISTRIBUTORS, INC.", "INVESCO AIM DISTRIBUTORS, INC."
const DISTRIBUTOR_RE = /\bDISTRIBUTORS?\b/i;
// the end of a Registrant's name: a trust, a corporation, a group of funds
const NAME_END_RE = /\b(?:TRUST|FUNDS?|SERIES|GROUP|PORTFOLIOS?|COMPANY|CORPORATION|INC\.?)$/i;

export interface AgreementParties {
  /** the fund party, as printed: "AIM ADVISOR FUNDS" */
  readonly registrant: string;
  /** the other party, as printed: "A I M DISTRIBUTORS, INC." */
  readonly other: string;
  /** the fund party is named first */
  readonly registrantFirst: boolean;
}

/**
 * The parties of "… AGREEMENT BETWEEN X AND Y" as the title prints them, or null: the fund party
 * is the one that is not a distributor.
 * @example agreementParties('AIM ADVISOR FUNDS AND A I M DISTRIBUTORS, INC.')
 *   → { registrant: 'AIM ADVISOR FUNDS', other: 'A I M DISTRIBUTORS, INC.', registrantFirst: true }
 */
export function agreementParties(between: string): AgreementParties | null {
  const ands = [...between.matchAll(/\s+AND\s+/g)];
  for (const and of ands) {
    const first = between.slice(0, and.index).trim();
    const second = between.slice(and.index + and[0].length).trim();
    if (first === '' || second === '') continue;
    if (DISTRIBUTOR_RE.test(second) && !DISTRIBUTOR_RE.test(first))
      return { registrant: first, other: second, registrantFirst: true };
    if (DISTRIBUTOR_RE.test(first) && !DISTRIBUTOR_RE.test(second))
      return { registrant: second, other: first, registrantFirst: false };
  }
  return null;
}

const MAX_SCHEDULE_TITLE_LINES = 8;

/**
 * The Registrant a quoted schedule's heading names after "OF": "SCHEDULE A / TO THE FIRST AMENDED
 * AND RESTATED / MASTER DISTRIBUTION AGREEMENT / OF / AIM ADVISOR FUNDS" → "AIM ADVISOR FUNDS".
 * The first schedule heading that names one, from `from` on.
 */
export function scheduleHeadingRegistrant(lines: readonly EdgarLine[], from: number): string | null {
  for (let i = from; i < lines.length; i++) {
    const heading = scheduleHeading(lines[i]!.trimmed);
    if (heading === null) continue;
    const rest = lines[i]!.trimmed.replace(
      /^["\u201c]?\s*(?:SCHEDULE|APPENDIX|Schedule|Appendix)\s+\S+\s*/,
      '',
    );
    let acc = rest;
    let afterOf = false;
    for (let j = i + 1, seen = 0; j < lines.length && seen < MAX_SCHEDULE_TITLE_LINES; j++) {
      const t = lines[j]!.trimmed;
      if (t === '') continue;
      seen++;
      if (!isAllCaps(t) || isClassLabel(t) || /^\(/.test(t)) break;
      if (afterOf) return NAME_END_RE.test(t) ? t : null;
      acc = `${acc} ${t}`.trim();
      if (/\b(?:PLAN|AGREEMENT)\s+OF$/.test(acc)) {
        afterOf = true;
        continue;
      }
      const named = /\b(?:PLAN|AGREEMENT)\s+OF\s+(\S.*)$/.exec(acc);
      if (named && t.endsWith(named[1]!)) return NAME_END_RE.test(named[1]!) ? named[1]! : null;
    }
  }
  return null;
}

// "by and between AIM International Funds, Inc., a Maryland corporation, and A I M Distributors"
const BODY_PARTIES_RE =
  /\bby\s+and\s+between\s+([A-Z][^,]{2,80}?(?:,\s+Inc\.)?),\s+an?\s+(?:[A-Z][a-z]+\s+){1,2}(?:business\s+trust|statutory\s+trust|corporation|trust)\b,?\s+and\s+([^,]{2,60})/;

/**
 * The fund party an agreement's body names ("by and between AIM Tax-Exempt Funds, a Delaware
 * business trust, and A I M Distributors, Inc."), as the body spells it, or null.
 */
export function bodyPartyRegistrant(body: string): string | null {
  const m = BODY_PARTIES_RE.exec(body);
  if (!m) return null;
  const name = m[1]!.replace(/\s+/g, ' ').trim();
  if (DISTRIBUTOR_RE.test(name) || !DISTRIBUTOR_RE.test(m[2]!)) return null;
  return NAME_END_RE.test(name) ? name : null;
}
