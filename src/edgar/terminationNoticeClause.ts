import type { ProseText } from './proseText.js';

/**
 * The written notice on which an agreement may be terminated, as its body states it (Agreement
 * FIFTEENTH(A): "or by the Distributor, on sixty (60) days' written notice to the other party";
 * Plan §10(a): a related agreement may be terminated "on not more than sixty (60) days' written
 * notice", Rule 12b-1(b)(3)(iii)): the days, whether they are a most ("not more than") or the
 * notice itself, the line, and the words. governance/termination.ts checks a termination against it.
 */
export interface StatedTerminationNotice {
  readonly days: number;
  /** "not more than N days": any notice up to N days; else the notice is N days */
  readonly atMost: boolean;
  readonly line: number;
  readonly text: string;
}

const WORDS: Readonly<Record<string, number>> = {
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  'seventy-five': 75,
  eighty: 80,
  ninety: 90,
  'one hundred twenty': 120,
};

// "on sixty (60) days' written notice", "on not more than sixty (60) days’ written notice",
// "upon 60 days written notice", "on not less than thirty days' prior written notice"
const NOTICE_RE =
  /\b(?:on|upon)\s+(not\s+more\s+than\s+)?(?:not\s+less\s+than\s+)?(?:([a-z]+(?:[\s-][a-z]+)?)\s*)?(?:\(\s*(\d{1,3})\s*\)|(\d{1,3}))?\s*days['’]?\s+(?:prior\s+)?written\s+notice/gi;

/**
 * @example statedTerminationNotice({ text: "or by the Distributor, on sixty (60) days' written notice", lineAt: () => 379 })
 *   → { days: 60, atMost: false, line: 379, text: "on sixty (60) days' written notice" }
 */
export function statedTerminationNotice(prose: ProseText): StatedTerminationNotice | null {
  NOTICE_RE.lastIndex = 0;
  for (let m = NOTICE_RE.exec(prose.text); m !== null; m = NOTICE_RE.exec(prose.text)) {
    const word = m[2]?.toLowerCase().replace(/\s+/g, ' ');
    const digits = m[3] ?? m[4];
    const days = digits !== undefined ? Number(digits) : word !== undefined ? WORDS[word] : undefined;
    // a spelled number must agree with its figure ("sixty (60)"), else the clause is not read
    if (days === undefined || days <= 0) continue;
    if (word !== undefined && WORDS[word] !== undefined && WORDS[word] !== days) continue;
    return {
      days,
      atMost: m[1] !== undefined,
      line: prose.lineAt(m.index),
      text: m[0].replace(/\s+/g, ' ').replace(/’/g, "'").trim(),
    };
  }
  return null;
}
