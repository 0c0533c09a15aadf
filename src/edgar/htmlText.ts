/**
 * HTML exhibits as filed on EDGAR (`.htm`, issue 11), read with htmlparser2 into the layout of
 * cellText.ts: block elements and <br> break lines, each table cell starts a line with "|", so
 * that HTML and its renderings go through one reader. Text inside <pre> (the many exhibits
 * filed as EDGAR text wrapped in HTML) keeps its lines and spacing, so aligned columns stay
 * aligned. Script, style and head content is not part of the exhibit.
 */

import { Parser } from 'htmlparser2';

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
]);
const CELL = new Set(['td', 'th']);
const HIDDEN = new Set(['script', 'style', 'head', 'title']);

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
  const out: string[] = [];
  let line = '';
  let hidden = 0;
  let pre = 0;
  const breakLine = () => {
    const t = pre > 0 ? line.replace(/\u00a0/g, ' ').trimEnd() : line.replace(/[\s\u00a0]+/g, ' ').trim();
    if (t !== '' || pre > 0) out.push(t);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        if (CELL.has(name)) {
          breakLine();
          line = '|';
        } else if (BLOCK.has(name)) breakLine();
        if (name === 'pre') pre++;
      },
      ontext(text) {
        if (hidden > 0) return;
        if (pre === 0) {
          line += text;
          return;
        }
        const parts = text.split(/\r\n|\r|\n/);
        parts.forEach((part, i) => {
          if (i > 0) breakLine();
          line += part;
        });
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name) || CELL.has(name)) {
          breakLine();
          if (name === 'pre') pre = Math.max(0, pre - 1);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  return `${out.join('\n')}\n`;
}
