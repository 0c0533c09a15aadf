/**
 * HTML exhibits as filed on EDGAR (`.htm`, issue 11), read with htmlparser2's tokenizer into the
 * layout of cellText.ts: block elements and <br> break lines, each table cell starts a line with
 * "|", so that HTML and its renderings go through one reader. Text inside <pre> (the many exhibits
 * filed as EDGAR text wrapped in HTML) keeps its lines and spacing, so aligned columns stay
 * aligned. Script, style, title and head content is not part of the exhibit, nor are comments.
 *
 * The tokenizer is used without htmlparser2's Parser: the Parser keeps its open elements in an
 * array it prepends to (and searches for every end tag), so a file of 200,000 nested or unclosed
 * <font> tags (1.2 MB) took 68 s and 100,000 unmatched end tags inside <span>s took 123 s. This
 * reader needs no element stack: each tag's effect on the lines is local, so it is linear.
 * What a browser does not show (hidden text, <template>, <noscript>) is skipped: hiddenContent.ts.
 */

import { Tokenizer } from 'htmlparser2';
import { hiddenContent } from './hiddenContent.js';

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'center',
  'blockquote',
  'pre',
  'hr',
  'body',
  'html',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'address',
  'section',
  'article',
  'header',
  'footer',
  'form',
]);
const CELL = new Set(['td', 'th']);
/** Elements whose content the tokenizer reads as raw text up to their own end tag. */
const HIDDEN_RAW = new Set(['script', 'style', 'title']);
/** A <pre> ends with the cell, row or table it is in, even where its own end tag is missing. */
const ENDS_PRE = new Set(['td', 'th', 'tr', 'table']);

/** @example looksLikeHtml('<html><body><p>x</p></body></html>') === true */
export function looksLikeHtml(text: string): boolean {
  // EDGAR's text format has <TABLE>, <PAGE>, <S>, <C> too: HTML is told by its own elements
  return /<(?:html|body|div|font|span|pre)[\s>]|<p[\s>]|<br\s*\/?>/i.test(text.slice(0, 65_536));
}

/**
 * One line per block, "|" before each table cell; whitespace inside a line collapsed, except
 * inside <pre>.
 * @example htmlCellText('<table><tr><td>Fund</td><td>0.25%</td></tr></table>') === '|Fund\n|0.25%\n'
 */
export function htmlCellText(html: string): string {
  return htmlCellLines(html).text;
}

/** The cell text of an HTML exhibit, with the file's line each of its lines comes from. */
export interface HtmlCellLines {
  readonly text: string;
  /** 1-based line of the HTML file where the k-th (0-based) line of `text` begins */
  readonly sourceLines: readonly number[];
}

/**
 * htmlCellText, and for each line of it the line of the file its first text or cell comes from:
 * SPEC §2.1 — a document that cannot be read is refused naming the file and the line, and the
 * line is the file's, the one a user opens the .htm at, not the line of this rendering.
 * @example htmlCellLines('<p>A</p>

<p>B</p>').sourceLines → [1, 3, 3]
 */
export function htmlCellLines(html: string): HtmlCellLines {
  const out: string[] = [];
  const sourceLines: number[] = [];
  const lineOf = sourceLineFinder(html);
  // where the token being read starts, and where the current line's first content came from
  let at = 0;
  let first = -1;
  let line = '';
  // the raw-text element being skipped (script, style, title), or null
  let raw: string | null = null;
  // inside <head>: it ends at </head>, at <body> or at the first block of the body
  let head = false;
  let pre = 0;
  let opened = '';
  // the attributes of the start tag being read: only whether they hide it matters
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';
  const hidden = hiddenContent();
  const breakLine = () => {
    const t = pre > 0 ? line.replace(/\u00a0/g, ' ').trimEnd() : line.replace(/[\s\u00a0]+/g, ' ').trim();
    if (t !== '' || pre > 0) {
      out.push(t);
      sourceLines.push(lineOf(first >= 0 ? first : at));
    }
    line = '';
    first = -1;
  };
  const text = (s: string) => {
    if (raw !== null || head || hidden.hidden) return;
    if (pre === 0) {
      if (first < 0) {
        const content = s.search(/[^\s\u00a0]/);
        if (content >= 0) first = at + content;
      }
      line += s;
      return;
    }
    let from = at;
    s.split(/(\r\n|\r|\n)/).forEach((part, i) => {
      if (i % 2 === 1) {
        breakLine();
        from += part.length;
        return;
      }
      if (first < 0 && part.trim() !== '') first = from + part.search(/\S/);
      line += part;
      from += part.length;
    });
  };
  const openTag = (name: string) => {
    if (raw !== null) return;
    if (!hidden.open(name, attributes)) return;
    if (HIDDEN_RAW.has(name)) {
      raw = name;
      return;
    }
    if (name === 'head') head = true;
    else if (name === 'body' || BLOCK.has(name) || CELL.has(name)) head = false;
    if (CELL.has(name)) {
      breakLine();
      line = '|';
      first = at;
    } else if (BLOCK.has(name)) breakLine();
    if (name === 'pre') pre++;
  };
  const closeTag = (name: string) => {
    if (raw !== null) {
      if (name === raw) raw = null;
      return;
    }
    if (!hidden.close(name)) return;
    if (name === 'head') head = false;
    if (BLOCK.has(name) || CELL.has(name)) {
      breakLine();
      if (name === 'pre') pre = Math.max(0, pre - 1);
      else if (ENDS_PRE.has(name)) pre = 0;
    }
  };
  const none = () => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        at = start;
        opened = html.slice(start, end).toLowerCase();
        attributes = {};
      },
      // a start tag is acted on once its attributes are read: they may hide it
      onopentagend() {
        openTag(opened);
      },
      onattribname(start, end) {
        attributeName = html.slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        attributes[attributeName] = attributeValue;
      },
      onclosetag(start, end) {
        at = start;
        closeTag(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        at = start;
        text(html.slice(start, end));
      },
      ontextentity(codepoint, endIndex) {
        at = endIndex - 1;
        text(String.fromCodePoint(codepoint));
      },
      // comments, CDATA, declarations and processing instructions are no text
      oncdata: none,
      oncomment: none,
      ondeclaration: none,
      onend: none,
      onprocessinginstruction: none,
      // "/>" closes nothing in HTML (<br/> is <br>), but the tokenizer reads what follows a
      // <script/>, <style/> or <title/> as markup, not as its content: so does this reader
      onselfclosingtag() {
        openTag(opened);
        if (raw === opened) raw = null;
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  breakLine();
  // the empty line after the last newline comes from the file's last line
  sourceLines.push(lineOf(html.length));
  return { text: `${out.join('\n')}\n`, sourceLines };
}

/** The 1-based line of a character offset of `text` (line breaks as readEdgarText counts them). */
function sourceLineFinder(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (const m of text.matchAll(/\r\n|\r|\n|\f/g)) breaks.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
