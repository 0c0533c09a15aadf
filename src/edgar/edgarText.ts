/**
 * EDGAR plain-text exhibits as filed (SPEC §2.1): `<PAGE>` breaks, page numbers, SGML-like
 * `<TABLE>`/`<CAPTION>`/`<S>`/`<C>` tags in any case, underline rows. This file turns the raw
 * text into the lines that carry content, each keeping its 1-based line number for errors.
 */

import { ExhibitParseError } from './exhibitDocument.js';
import { notExhibitText } from './notExhibitText.js';
import { columnTagStarts } from './textColumns.js';

export interface EdgarLine {
  /** 1-based line number in the file as filed */
  readonly no: number;
  /** the line with tags blanked out (same width, so columns stay aligned) and tabs expanded */
  readonly text: string;
  /** `text` trimmed */
  readonly trimmed: string;
  /** column of the first non-blank character */
  readonly indent: number;
  readonly opensTable: boolean;
  readonly closesTable: boolean;
  /** a `<PAGE>` line or a page number: part of a page break, blank as content */
  readonly pageBreak?: true;
  /** a table's `<S>`/`<C>` line: the columns its `<C>` tags stand at (textColumns.ts) */
  readonly cellStarts?: readonly number[];
  /** a rule of dashes ("----------"), blank as content: where it stands and how long it is */
  readonly underline?: { readonly indent: number; readonly length: number };
}

export interface EdgarText {
  readonly lines: readonly EdgarLine[];
  /** false when the file stops inside its last line: that line may be cut off */
  readonly lastLineTerminated: boolean;
  /** number of the file's last line */
  readonly lastLineNo: number;
}

// Tags EDGAR's text format uses for layout; anything else in angle brackets is content.
const LAYOUT_TAG_RE = /<\/?(?:table|caption|s|c|page|fn|f\d{1,2}|r|pre|text|tr|td|th)>/gi;
const TABLE_OPEN_RE = /<table>/i;
const PAGE_TAG_RE = /<page>/i;
const TABLE_CLOSE_RE = /<\/table>/i;
// Submission-header lines (`<TYPE>EX-99.M`, …) describe the filing, not the exhibit.
const METADATA_RE = /^\s*<\/?(?:document|type|sequence|filename|description)>/i;
const UNDERLINE_RE = /^[-=_\s]+$/;
// "2", "- 2 -", "Page 2", "A-1" (appendix page), "ii" on a line of its own.
const PAGE_NUMBER_RE = /^(?:-\s*)?(?:page\s+)?(?:[A-Z]-)?\d{1,3}(?:\s*-)?$|^[ivx]{1,5}$/i;
const CONTROL_RE = /[\x01-\x08\x0e-\x1f\x7f]/g;
const CONTROL_PRESENT_RE = /[\x01-\x08\x0e-\x1f\x7f]/;

function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  let out = '';
  for (const ch of s) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

/**
 * Unicode's other spaces — no-break (U+00A0, a Windows-1252 filing's 0xA0), figure, thin,
 * narrow no-break, ideographic — as plain spaces, one for one so columns stay aligned: a name
 * keeps the document's spelling with its whitespace collapsed (SPEC §2.1), and "AIM\u00a0Core
 * Stock Fund" is the portfolio "AIM Core Stock Fund".
 */
const OTHER_SPACES_RE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

function plainSpaces(s: string): string {
  return s.replace(OTHER_SPACES_RE, ' ');
}

function blankTags(s: string): string {
  if (!s.includes('<')) return s;
  return s.replace(LAYOUT_TAG_RE, (tag) => ' '.repeat(tag.length));
}

/**
 * Splits an exhibit into content lines, or says why it is not text at all.
 * @example readEdgarText('<PAGE>\nSCHEDULE A\n  2\n', 'x.txt').lines.map((l) => l.trimmed) → ['SCHEDULE A']
 */
export function readEdgarText(raw: string, file: string): EdgarText {
  if (raw.trim() === '') throw new ExhibitParseError(file, 1, 'file is empty');
  const notText = notExhibitText(raw);
  if (notText) throw new ExhibitParseError(file, notText.line, notText.reason);
  const sample = raw.slice(0, 65_536);
  const controls = CONTROL_PRESENT_RE.test(sample) ? (sample.match(CONTROL_RE)?.length ?? 0) : 0;
  if (controls > sample.length / 20) throw new ExhibitParseError(file, 1, 'file is binary (control bytes)');

  const rawLines = raw.split(/\r\n|\r|\n|\f/);
  const lastLineTerminated = /[\r\n\f]$/.test(raw);
  if (lastLineTerminated) rawLines.pop();
  const lines: EdgarLine[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const original = rawLines[i]!;
    if (original.includes('<') && METADATA_RE.test(original)) continue;
    const text = plainSpaces(expandTabs(blankTags(original))).trimEnd();
    const trimmed = text.trim();
    if (trimmed === '' && !original.includes('<')) {
      lines.push({ no: i + 1, text: '', trimmed: '', indent: 0, opensTable: false, closesTable: false });
      continue;
    }
    const opensTable = TABLE_OPEN_RE.test(original);
    const closesTable = TABLE_CLOSE_RE.test(original);
    const first = trimmed.charAt(0);
    const isUnderline =
      (first === '-' || first === '=' || first === '_') && trimmed.length >= 3 && UNDERLINE_RE.test(trimmed);
    const isPageNumber = trimmed.length <= 14 && PAGE_NUMBER_RE.test(trimmed);
    const content = isUnderline || isPageNumber ? '' : text;
    const contentTrimmed = content.trim();
    const pageBreak = isPageNumber || (contentTrimmed === '' && PAGE_TAG_RE.test(original));
    const cellStarts = original.includes('<') ? columnTagStarts(plainSpaces(expandTabs(original))) : null;
    lines.push({
      no: i + 1,
      text: content,
      trimmed: contentTrimmed,
      indent: contentTrimmed === '' ? 0 : content.length - content.trimStart().length,
      opensTable,
      closesTable,
      ...(pageBreak ? { pageBreak: true as const } : {}),
      ...(cellStarts !== null ? { cellStarts } : {}),
      ...(isUnderline
        ? { underline: { indent: text.length - text.trimStart().length, length: trimmed.length } }
        : {}),
    });
  }
  return { lines, lastLineTerminated, lastLineNo: rawLines.length };
}

/** Whitespace collapsed to single spaces: how names are kept (SPEC §2.1). */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
