/**
 * Content of an HTML exhibit that a browser does not show (SPEC §2.1: an exhibit is read as
 * filed, that is as EDGAR displays it). Word and EDGARizer files carry hidden text: Word's
 * "hidden" font effect is saved as `style='display:none;mso-hide:all'`, a template or draft row is
 * left in `<tr style="display: none">`, and some filers wrap alternative text in `<noscript>` or
 * `<template>`. None of it is part of the instrument, so none of it may become a title, a date or
 * a schedule entry.
 *
 * Hidden here: `<template>` and `<noscript>` (EDGAR's viewer runs with scripting on, so it never
 * shows either), any element with the `hidden` attribute, and any element whose inline style says
 * `display: none`, `visibility: hidden` or `mso-hide: all`. Everything inside a hidden element is
 * hidden, whatever its own style says (CSS: a child of a display:none box has no box).
 *
 * Like htmlText.ts this keeps no element stack (linear on hostile markup): it counts the hidden
 * element's own name to find its end tag, and ends it where HTML ends it without one — a <p> at
 * the next block, a <tr> at the next row or the table's end, a cell at the next cell or row,
 * an <li> at the next item or the list's end.
 */

/** Elements that never have content: hiding one hides nothing. */
const VOID = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'wbr',
  'col',
  'area',
  'base',
  'embed',
  'param',
  'source',
  'track',
]);

/** Elements whose content is never shown. */
const NEVER_SHOWN = new Set(['template', 'noscript']);

/** Start tags that end an open element of this name without its end tag (HTML "optional end tags"). */
const ENDED_BY_START: Readonly<Record<string, ReadonlySet<string>>> = {
  p: new Set([
    'p',
    'div',
    'table',
    'ul',
    'ol',
    'dl',
    'pre',
    'blockquote',
    'center',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'address',
    'section',
    'article',
    'header',
    'footer',
    'form',
  ]),
  tr: new Set(['tr']),
  td: new Set(['td', 'th', 'tr']),
  th: new Set(['td', 'th', 'tr']),
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
};

/** End tags of an enclosing element that also end an open element of this name. */
const ENDED_BY_END: Readonly<Record<string, ReadonlySet<string>>> = {
  p: new Set(['div', 'td', 'th', 'tr', 'table', 'body', 'html', 'blockquote', 'center', 'li', 'form']),
  tr: new Set(['table', 'tbody', 'thead', 'tfoot']),
  td: new Set(['tr', 'table', 'tbody', 'thead', 'tfoot']),
  th: new Set(['tr', 'table', 'tbody', 'thead', 'tfoot']),
  li: new Set(['ul', 'ol']),
  dt: new Set(['dl']),
  dd: new Set(['dl']),
};

/**
 * Whether an element's attributes hide it.
 * @example hidesElement({ style: 'DISPLAY : NONE' }) === true
 * @example hidesElement({ style: 'display:block' }) === false
 */
export function hidesElement(attributes: Readonly<Record<string, string>>): boolean {
  if ('hidden' in attributes) return true;
  const style = (attributes.style ?? '').toLowerCase();
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)\s*(?:!important\s*)?(?:;|$)/.test(
    style,
  );
}

/** What the tracker says of a tag: whether the reader is to see it. */
export interface HiddenContent {
  /** A start tag: false while it or an element around it is hidden. */
  open(name: string, attributes: Readonly<Record<string, string>>): boolean;
  /** An end tag: false while it is inside a hidden element or ends one. */
  close(name: string): boolean;
  /** Text is shown only outside hidden elements. */
  readonly hidden: boolean;
}

/** A tracker for one document, fed its tags in order. */
export function hiddenContent(): HiddenContent {
  // the outermost hidden element's name, and how many of that name are open inside it
  let name: string | null = null;
  let depth = 0;
  // tables opened inside the hidden element: rows and cells of those do not end it
  let tables = 0;
  const end = () => {
    name = null;
    depth = 0;
    tables = 0;
  };
  return {
    get hidden() {
      return name !== null;
    },
    open(tag, attributes) {
      if (name !== null) {
        if (depth === 1 && tables === 0 && ENDED_BY_START[name]?.has(tag)) end();
        else {
          if (tag === name && !VOID.has(tag)) depth++;
          if (tag === 'table') tables++;
          return false;
        }
      }
      if (VOID.has(tag)) return true;
      if (NEVER_SHOWN.has(tag) || hidesElement(attributes)) {
        name = tag;
        depth = 1;
        return false;
      }
      return true;
    },
    close(tag) {
      if (name === null) return true;
      if (tag === name) {
        depth--;
        if (depth === 0) end();
        return false;
      }
      if (tag === 'table' && tables > 0) {
        tables--;
        return false;
      }
      if (depth === 1 && tables === 0 && ENDED_BY_END[name]?.has(tag)) {
        end();
        return true;
      }
      return false;
    },
  };
}
