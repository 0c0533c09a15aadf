/**
 * Which schedules an amendment replaces (SPEC §2: "Schedule A … is hereby deleted in its
 * entirety and replaced" — the new version of that named schedule replaces the old one; other
 * schedules stay in force: Amendment No. 2 replaces Schedule A-1 only).
 */

// "is hereby deleted in its entirety and replaced", "is hereby deleted and replaced in its
// entirety", and, with no "entirety", "Appendix A to the Plan is hereby replaced with Appendix A
// attached hereto" (Virtus): a schedule replaced is replaced whole. Invesco's later amendments
// drop "hereby": "Schedule A to the Plan is deleted in its entirety and replaced with the following";
// LVIP's "Schedule A shall be deleted in its entirety and replaced with the amended Schedule A";
// JNL's "is hereby deleted and replaced, in its entirety, with Schedule A dated …" (its commas)
const DELETED_RE =
  /\b(?:hereby|(?:is|are|shall\s+be)(?=\s+deleted\s+(?:(?:and\s+replaced\s+)?in\s+(?:its|their)\s+entirety|and\s+replaced\s+with\b)))\s+(?:deleted\s+(?:and\s+replaced,?\s+)?in\s+(?:its|their)\s+entirety|deleted\s+and\s+replaced(?=\s+with\b)|replaced(?:\s+in\s+(?:its|their)\s+entirety)?\s+(?=with\b))/gi;
const NAMED_RE =
  /\b(Schedules?|SCHEDULES?|Appendix|APPENDIX)\s+([A-Z](?:-\d{1,2})?)\b((?:\s*(?:,|and|&)\s*[A-Z](?:-\d{1,2})?\b)*)/g;
// what the clause puts in its place, as the document says it: "with the following", "with
// Schedule A-1 and Schedule A-2 attached to this amendment", "with Appendix A attached hereto"
const REPLACED_WITH_RE =
  /^(?:\s*and\s+replaced)?(?:\s+in\s+(?:its|their)\s+entirety)?\s+(with\s+[^.;:]{1,120})/i;

/** One replacing clause: the schedules it names and what it replaces them with. */
export interface ReplacementClause {
  /** "Schedule A-1", "Appendix A" — the subject of "is hereby deleted" / "is hereby replaced" */
  readonly names: readonly string[];
  /** as printed, whitespace collapsed: 'with the following', 'with Appendix A attached hereto and made a part hereof' */
  readonly replacedWith: string | null;
  /** offset of the clause's verb in the text */
  readonly offset: number;
}

/**
 * @example replacementClauses('Appendix A to the Plan is hereby replaced with Appendix A attached hereto.')
 *   → [{ names: ['Appendix A'], replacedWith: 'with Appendix A attached hereto', offset: 23 }]
 */
export function replacementClauses(text: string): ReplacementClause[] {
  const out: ReplacementClause[] = [];
  DELETED_RE.lastIndex = 0;
  for (let m = DELETED_RE.exec(text); m !== null; m = DELETED_RE.exec(text)) {
    // the subject of "is hereby deleted": back to the start of its sentence or clause
    const before = text.slice(Math.max(0, m.index - 300), m.index);
    const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('. '));
    const subject = before.slice(start + 1);
    const names: string[] = [];
    NAMED_RE.lastIndex = 0;
    for (let n = NAMED_RE.exec(subject); n !== null; n = NAMED_RE.exec(subject)) {
      const word = /^app/i.test(n[1]!) ? 'Appendix' : 'Schedule';
      names.push(`${word} ${n[2]!}`);
      for (const extra of (n[3] ?? '').matchAll(/[A-Z](?:-\d{1,2})?\b/g)) names.push(`${word} ${extra[0]}`);
    }
    if (names.length === 0) continue;
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 200);
    const w = REPLACED_WITH_RE.exec(m[0].endsWith(' ') ? ` ${rest}` : rest);
    out.push({ names, replacedWith: w ? w[1]!.replace(/\s+/g, ' ').trim() : null, offset: m.index });
  }
  return out;
}

/** The clause puts a schedule printed right after it in its place: "replaced with the following". */
export function replacesWithTheFollowing(clause: ReplacementClause): boolean {
  return clause.replacedWith !== null && /^with\s+the\s+following\b/i.test(clause.replacedWith);
}

/**
 * Names ("Schedule A-1") of the schedules the sentence before "is hereby deleted in its
 * entirety" names.
 * @example replacedSchedules('Schedule A-1 of the Agreement is hereby deleted in its entirety') → Set { 'Schedule A-1' }
 */
export function replacedSchedules(text: string): Set<string> {
  return new Set(replacementClauses(text).flatMap((c) => c.names));
}
