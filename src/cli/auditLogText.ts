import type { AuditRecord } from '../audit/auditChain.js';

/** The columns the text form of `audit log` keeps to: an 80-column terminal. */
const AUDIT_LOG_TEXT_WIDTH = 80;

/** The most lines a record's subject, and its detail, take in the text form. */
const LINES_PER_FIELD = 2;

/**
 * `plan12b audit log` as text (SPEC §12: who changed what and when), record by record as `git log`
 * shows commits: `#SEQ  AT  ACTION  ACTOR`, then the subject and the detail indented, each wrapped
 * at the terminal's 80 columns and cut after two lines with `…`. A table padded every line to the
 * longest subject and detail (a close's detail lists its part hashes): 2,300 columns a line.
 * The whole texts are in `--json`, `--csv` and `--xlsx`; a footer says so when any was cut.
 */
export function auditLogText(records: readonly AuditRecord[], width = AUDIT_LOG_TEXT_WIDTH): string[] {
  const seqWidth = Math.max(0, ...records.map((r) => String(r.seq).length)) + 1;
  const indent = ' '.repeat(seqWidth + 2);
  let cut = false;
  const field = (text: string): string[] => {
    const lines = wrapped(text, width - indent.length);
    if (lines.length > LINES_PER_FIELD) {
      cut = true;
      const kept = lines.slice(0, LINES_PER_FIELD);
      const last = kept[LINES_PER_FIELD - 1]!;
      kept[LINES_PER_FIELD - 1] = `${[...last].slice(0, width - indent.length - 1).join('')}…`;
      return kept.map((l) => indent + l);
    }
    return lines.map((l) => indent + l);
  };
  const out: string[] = [];
  for (const r of records) {
    const head = `${`#${r.seq}`.padEnd(seqWidth)}  ${r.at}  ${r.action}  ${r.actor}`;
    const headChars = [...head];
    if (headChars.length > width) cut = true;
    out.push(headChars.length > width ? `${headChars.slice(0, width - 1).join('')}…` : head);
    if (r.subject !== '') out.push(...field(r.subject));
    if (r.detail !== '') out.push(...field(r.detail));
  }
  out.push(`${records.length} record${records.length === 1 ? '' : 's'}`);
  if (cut) out.push('(… cut after two lines: --json, --csv or --xlsx give the whole texts)');
  return out;
}

/** `text` in lines of at most `width` characters, broken at spaces, a longer word broken where it must. */
function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let chars = [...word];
    if (line.length > 0 && line.length + 1 + chars.length <= width) {
      line.push(' ', ...chars);
      continue;
    }
    if (line.length > 0) lines.push(line.join(''));
    line = [];
    while (chars.length > width) {
      lines.push(chars.slice(0, width).join(''));
      chars = chars.slice(width);
    }
    line = chars;
  }
  if (line.length > 0) lines.push(line.join(''));
  return lines;
}
