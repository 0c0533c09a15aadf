/**
 * A text exhibit whose line breaks were lost: some renderings of EDGAR `.txt` pages keep the whole
 * document on one line, after the filing's document header ("EX-99.E2 5 h95454ex99-e2.txt
 * AMEND.NO.1 TO 2ND AMENDED MASTER DISTRIBUTION AGMT EXHIBIT e(2) AMENDMENT NO. 1 TO THE …").
 * Its structure is still in its words: the title in capitals, numbered clauses, the quoted
 * schedule's heading, class headings over dashes, a list of names each ending in "Fund", rows
 * ending in rates, the closing clause and the "Dated:" line. This file breaks the text into lines
 * there again, so that the reader reads it as it reads a document filed with its lines; what it
 * cannot place stays on a line of its own and is refused or warned of as in any document.
 */

// the filing's document header: type, sequence, file name
const DOCUMENT_HEADER_RE = /^EX-[\w.()-]+\s+\d+\s+\S+\.(?:txt|htm|html)\s+/i;
// where the document's own title begins after the header's description
const TITLE_START_RE =
  /\b(?:EXHIBIT\s+(?=[a-z0-9(]{1,12}[\s)])|AMENDMENT\s+NO\b|FORM\s+OF\b|SCHEDULE\s+[A-Z]\b|APPENDIX\s+[A-Z]\b)/;
// the document's exhibit label ("EXHIBIT e(3)"): the title begins there even where the header's
// description itself begins with words of a title ("FORM OF AMEND.NO.2 TO 2ND MASTER … EXHIBIT e(3)")
const EXHIBIT_LABEL_RE = /\bEXHIBIT\s+(?=[a-z0-9(]{1,12}[\s)])/;
/** A document this long on so few lines had its line breaks removed. */
const FLATTENED_MIN_CHARS = 600;
const FLATTENED_MAX_LINES = 3;

// the first sentence of the body: a capitalised word after the title's capitals
const BODY_START_RE = /\s(?=(?:The|This|THIS|WHEREAS|Whereas|Pursuant|Effective|Each|In)\s+[A-Za-z"“(])/;
// the quoted schedule: '"APPENDIX A TO …', 'SCHEDULE A-1 TO …', after "the following:"
const SCHEDULE_HEADING_RE =
  /\s(?=["“]?(?:SCHEDULE|APPENDIX|EXHIBIT)\s+[A-Z](?:-\d{1,2})?\s+(?:TO|OF|[A-Z]{3,})\b)/g;
// the schedule ends at the closing clause or the signatures
const SCHEDULE_END_RE = /\s(?=All other terms|ALL OTHER TERMS|IN WITNESS|In witness|Dated\s*:|DATED\s*:)/;
// class headings: "CLASS A SHARES", "INSTITUTIONAL CLASS SHARES", "CLASS B SHARES (SECURITIZATION FEATURE)"
const CLASS_HEADING = String.raw`(?:CLASS\s+[A-Z][A-Z0-9]{0,2}|[A-Z]{3,}\s+CLASS(?:\s+[IV]{1,3})?|[A-Z]+\s+CASH\s+RESERVE)\s+SHARES\b`;
const CLASS_HEADING_RE = new RegExp(String.raw`\s(?=${CLASS_HEADING})`, 'g');
const NAME_END = String.raw`(?:Fund|Funds|Portfolio|Portfolios|Trust|Series|FUND|FUNDS|PORTFOLIO|TRUST|SERIES)\*{0,3}`;
const RATE = String.raw`(?:\d{0,3}\.\d{1,4}\s?%?|\d{1,2}\s?%|NONE|None)`;

function breakBefore(s: string, re: RegExp): string {
  return s.replace(re, '\n');
}

/** The title's capitals: the exhibit label, "AMENDMENT NO. N", the instrument, each parenthesis. */
function titleLines(title: string): string {
  return title
    .replace(/^(EXHIBIT\s+\S+)\s+/, '$1\n')
    .replace(/\s*(AMENDMENT\s+NO\.?\s*\[?\d{1,3}\]?)\s*/, '\n$1\n')
    .replace(/\s*(\([^()]*\s[^()]*\))\s*/g, '\n$1\n')
    .replace(/\s+(OF)\s+/g, '\n$1\n');
}

/** The body: each numbered clause ("1. The following …", "2. Appendix A …") on a line of its own. */
function bodyLines(body: string): string {
  return body.replace(/(?<=[.:;"”])\s+(?=\d{1,2}\.\s+[A-Z])/g, '\n');
}

/**
 * The schedule: its heading ("APPENDIX A" / "TO …" / "OF" / Registrant), class headings, dashes,
 * then one name — or one name and its rates — a line.
 */
function scheduleLines(schedule: string): string {
  let s = schedule
    .replace(/^(["“]?(?:SCHEDULE|APPENDIX|EXHIBIT)\s+[A-Z](?:-\d{1,2})?)\s+/, '$1\n')
    .replace(/(^|\n)(TO(?:\s+THE)?)\s+/, '$1$2\n')
    .replace(/\s+(OF)\s+(?=[A-Z]{2})/, '\n$1\n')
    // "(CLASS B SHARES)", "(DISTRIBUTION FEE)" under the heading
    .replace(/\s*(\([A-Z][A-Z0-9 ,.&-]*\))\s*/g, '\n$1\n');
  s = breakBefore(s, CLASS_HEADING_RE);
  // a Registrant heading after the schedule's lead-in sentence: "… of the Portfolio. AIM SECTOR FUNDS"
  s = s.replace(
    /(?<=[a-z]\.)\s+(?=[A-Z][A-Z&.,-]+(?:\s+(?:[A-Z][A-Z&.,-]*|&))+\s+(?:FUNDS|TRUST|SERIES|GROUP|INC\.)\b)/g,
    '\n',
  );
  s = s.replace(/\s*(-{3,}|={3,})\s*/g, '\n$1\n');
  // a Registrant heading runs into its first fund: "AIM GROWTH SERIES AIM Basic Value Fund"
  s = s.replace(
    /(\b(?:FUNDS|TRUST|SERIES|GROUP|INC\.|CORPORATION|COMPANY)\)?)\s+(?=[A-Z][a-z]|[A-Z]{2,4}\s+[A-Z][a-z])/g,
    '$1\n',
  );
  // a class heading runs into the first name: "CLASS A SHARES AIM Asian Growth Fund"
  s = s.replace(/(\bSHARES(?:\s+\([A-Z ]+\))?)\s+/g, '$1\n');
  // …and "Portfolio - Class K Shares AIM Core Stock Fund", "Portfolio — Investor Class Shares Invesco …"
  s = s.replace(/(\b(?:Class\s+[A-Z][A-Z0-9]{0,2}|[A-Z][a-z]+\s+Class)\s+Shares)\s+(?=[A-Z])/g, '$1\n');
  // rows: a name's rates end its row ("AIM Charter Fund 0.25% 0.25% 0.50% AIM …")
  s = s.replace(new RegExp(String.raw`(${RATE})\s+(?=[A-Z(][^\s%]*[A-Za-z])`, 'g'), '$1\n');
  // a list: a name ends in "Fund" where the next name begins ("… Growth Fund AIM European …"),
  // not before its number ("AIM High Yield Fund II", "Target Series 2")
  s = s.replace(
    new RegExp(
      String.raw`(\b${NAME_END}["”]?)\s+(?=[A-Z])(?!(?:I{1,3}|IV|VI{0,3}|IX|X|TRUST|FUNDS|GROUP|INC\.?|CORPORATION|COMPANY)\b)`,
      'g',
    ),
    '$1\n',
  );
  s = s.replace(
    new RegExp(String.raw`(\b${NAME_END}\s+(?:I{1,3}|IV|VI{0,3}|IX|X)["”]?)\s+(?=[A-Z])`, 'g'),
    '$1\n',
  );
  // a "PORTFOLIOS" label over the list runs into its first name
  s = s.replace(/(^|\n)(PORTFOLIOS?|FUNDS?|SERIES)\s+(?=[A-Z][a-z]|[A-Z]{2,}\s+[A-Z][a-z])/g, '$1$2\n');
  return s;
}

const CLASS_HEADING_LINE_RE = new RegExp(`^${CLASS_HEADING}`);

/**
 * Two class headings with no name between them were lists printed side by side ("CLASS A SHARES
 * CLASS R SHARES" over two columns of names): with the line breaks gone, which name stood under
 * which heading is lost.
 */
function sideBySideHeadings(lines: readonly string[]): string | null {
  for (let i = 1; i < lines.length; i++)
    if (CLASS_HEADING_LINE_RE.test(lines[i - 1]!) && CLASS_HEADING_LINE_RE.test(lines[i]!))
      return `${lines[i - 1]} and ${lines[i]}`;
  return null;
}

export interface RelinedText {
  readonly text: string;
  /** why the document cannot be read with its lines lost, or null */
  readonly refusal: string | null;
}

/**
 * The document with its line breaks restored, or null when it has its lines (or is too short to
 * tell).
 * @example relinedFlattenedText('short\ntext\n') === null
 */
export function relinedFlattenedText(text: string): RelinedText | null {
  const content = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  if (content.length === 0) return null;
  // a first line that is the filing's document header run on into the title and the body
  // ("EX-99.D1.B 5 h98486exv99wd1wb.txt AMEND.NO.1 TO MASTER DISTRIBUTION AGREEMENT EXHIBIT (d)1(b)
  // AMENDMENT NO. 1 TO MASTER INVESTMENT ADVISORY AGREEMENT The …"): the layout is lost however
  // many breaks the rendering kept further down, and the header's description is the filer's label,
  // never the document's title
  const headed = DOCUMENT_HEADER_RE.test(content[0]!.trim()) && content[0]!.length >= FLATTENED_MIN_CHARS;
  if (!headed && content.length > FLATTENED_MAX_LINES) return null;
  if (Math.max(...content.map((l) => l.length)) < FLATTENED_MIN_CHARS) return null;
  // table cells ("|Share Class |Maximum …") are another rendering's, not a text exhibit's lines
  if (text.includes('|')) return null;
  // EDGAR's layout tags (<PAGE>, <TABLE>, <S>, <C>) say nothing once the layout is gone
  let s = content
    .join(' ')
    .replace(/<\/?(?:table|caption|s|c|page|fn|pre)>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const header = DOCUMENT_HEADER_RE.exec(s);
  if (header) {
    s = s.slice(header[0].length);
    // the header's description ("AMEND.NO.1 TO 2ND AMENDED …") goes; the document's title stays
    const head = s.slice(0, 240);
    const title = EXHIBIT_LABEL_RE.exec(head) ?? TITLE_START_RE.exec(head);
    if (title) s = s.slice(title.index);
  }
  const bodyAt = s.search(BODY_START_RE);
  const title = bodyAt < 0 ? s : s.slice(0, bodyAt);
  let rest = bodyAt < 0 ? '' : s.slice(bodyAt + 1);
  const endAt = rest.search(SCHEDULE_END_RE);
  const closing = endAt < 0 ? '' : rest.slice(endAt + 1);
  if (endAt >= 0) rest = rest.slice(0, endAt);
  SCHEDULE_HEADING_RE.lastIndex = 0;
  const scheduleAt = SCHEDULE_HEADING_RE.exec(rest)?.index ?? -1;
  const body = scheduleAt < 0 ? rest : rest.slice(0, scheduleAt);
  const schedule = scheduleAt < 0 ? '' : rest.slice(scheduleAt + 1);
  const closingLines = closing.replace(/\s+(?=Dated\s*:|DATED\s*:|IN WITNESS|Attest\s*:|By\s*:)/g, '\n');
  const scheduled = scheduleLines(schedule);
  const parts = [titleLines(title), bodyLines(body), scheduled, closingLines];
  const lines = parts
    .filter((p) => p.trim() !== '')
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const sideBySide = sideBySideHeadings(scheduled.split('\n').map((l) => l.trim()));
  const relined = lines.join('\n');
  return {
    // a file that stops inside its last line still does (a cut document: edgarText.ts)
    text: /[\r\n]$/.test(text) ? `${relined}\n` : relined,
    refusal:
      sideBySide === null
        ? null
        : `the file keeps the document on one line, and its schedule printed lists side by side (${sideBySide}): which name stood under which heading is lost; import the document as filed, with its lines`,
  };
}
