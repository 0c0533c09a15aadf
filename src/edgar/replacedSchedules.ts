/**
 * Which schedules an amendment replaces (SPEC §2: "Schedule A … is hereby deleted in its
 * entirety and replaced" — the new version of that named schedule replaces the old one; other
 * schedules stay in force: Amendment No. 2 replaces Schedule A-1 only).
 */

// "is hereby deleted in its entirety and replaced", "is hereby deleted and replaced in its entirety"
const DELETED_RE = /\bhereby\s+deleted\s+(?:and\s+replaced\s+)?in\s+(?:its|their)\s+entirety/gi;
const NAMED_RE =
  /\b(Schedules?|SCHEDULES?|Appendix|APPENDIX)\s+([A-Z](?:-\d{1,2})?)\b((?:\s*(?:,|and|&)\s*[A-Z](?:-\d{1,2})?\b)*)/g;

/**
 * Names ("Schedule A-1") of the schedules the sentence before "is hereby deleted in its
 * entirety" names.
 * @example replacedSchedules('Schedule A-1 of the Agreement is hereby deleted in its entirety') → Set { 'Schedule A-1' }
 */
export function replacedSchedules(text: string): Set<string> {
  const out = new Set<string>();
  for (let m = DELETED_RE.exec(text); m !== null; m = DELETED_RE.exec(text)) {
    // the subject of "is hereby deleted": back to the start of its sentence or clause
    const before = text.slice(Math.max(0, m.index - 300), m.index);
    const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('. '));
    const subject = before.slice(start + 1);
    NAMED_RE.lastIndex = 0;
    for (let n = NAMED_RE.exec(subject); n !== null; n = NAMED_RE.exec(subject)) {
      const word = /^app/i.test(n[1]!) ? 'Appendix' : 'Schedule';
      out.add(`${word} ${n[2]!}`);
      for (const extra of (n[3] ?? '').matchAll(/[A-Z](?:-\d{1,2})?\b/g)) out.add(`${word} ${extra[0]}`);
    }
  }
  return out;
}
