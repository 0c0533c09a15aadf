/**
 * The column headings of a schedule table: which rates the rows carry, in which order, and
 * what the heading says of the asset-based sales charge ("MINIMUM ASSET BASED SALES CHARGE",
 * "MAXIMUM ASSET-BASED SALES CHARGE", or neither) — SPEC §2.1 `assetBasedSalesChargeBound`.
 *
 * Headings are stacked over several lines and may share a line with a left-hand label
 * ("AIM EQUITY FUNDS   BASED   MAXIMUM   MAXIMUM", "CLASS A SHARES   CHARGE   FEE   FEE").
 * Words are peeled from the right while they are heading words; what remains is the label.
 */

import type { AssetBasedSalesChargeBound } from './exhibitDocument.js';

export type RateColumn = 'assetBasedSalesCharge' | 'serviceFee' | 'aggregateFee';

export interface ColumnLayout {
  readonly columns: readonly RateColumn[];
  readonly bound: AssetBasedSalesChargeBound;
}

export interface HeadingWord {
  readonly word: string;
  /** column of the word's first character in the line */
  readonly x: number;
}

export interface HeadingLine {
  readonly no: number;
  /** the left-hand label ("PORTFOLIO - CLASS R SHARES"), or '' */
  readonly label: string;
  readonly words: readonly HeadingWord[];
}

const QUALIFIERS: Record<string, AssetBasedSalesChargeBound> = {
  MINIMUM: 'minimum',
  MIN: 'minimum',
  'MIN.': 'minimum',
  MAXIMUM: 'maximum',
  MAX: 'maximum',
  'MAX.': 'maximum',
};

// Which column a heading word names. "ASSET", "SALES", "DISTRIBUTION", "12B-1" → the ABSC
// (the "Distribution Fee", Plan Schedule A); "SERVICE" → service fee; "AGGREGATE"/"TOTAL".
const ANCHORS: Record<string, RateColumn> = {
  ASSET: 'assetBasedSalesCharge',
  'ASSET-BASED': 'assetBasedSalesCharge',
  SALES: 'assetBasedSalesCharge',
  DISTRIBUTION: 'assetBasedSalesCharge',
  '12B-1': 'assetBasedSalesCharge',
  SERVICE: 'serviceFee',
  SHAREHOLDER: 'serviceFee',
  AGGREGATE: 'aggregateFee',
  TOTAL: 'aggregateFee',
};

const FILLERS = new Set(['BASED', 'CHARGE', 'CHARGES', 'FEE', 'FEES', 'ANNUAL', 'RATE', 'RATES', '%', '(%)']);
const CANONICAL: readonly RateColumn[] = ['assetBasedSalesCharge', 'serviceFee', 'aggregateFee'];

function headingWordKey(tok: string): string {
  // AIM Variable Insurance Funds Series II: "PORTFOLIO:   FEE:"
  const up = tok.toUpperCase().replace(/(?<=\w):$/, '');
  const last = up.charCodeAt(up.length - 1);
  // a footnote marker glued on: "CHARGE*", "FEE(1)"
  return last === 42 || last === 41 ? up.replace(/(?:\*+|\(\d{1,2}\))$/, '') : up;
}

function isDashes(tok: string): boolean {
  return /^[-=_]{2,}$/.test(tok);
}

/** A word that belongs to a column heading. */
const HEADING_WORDS = new Set([...Object.keys(QUALIFIERS), ...Object.keys(ANCHORS), ...FILLERS]);

export function isHeadingWord(tok: string): boolean {
  return tok.length <= 14 && HEADING_WORDS.has(headingWordKey(tok));
}

/**
 * Splits a line into its left label and the heading words on its right, or null when the
 * line ends in no heading word.
 * @example splitHeadingLine('AIM EQUITY FUNDS      BASED   MAXIMUM', 7)?.label === 'AIM EQUITY FUNDS'
 */
export function splitHeadingLine(text: string, no: number): HeadingLine | null {
  const trimmed = text.trimEnd();
  const lastWord = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  if (lastWord === '' || (!isHeadingWord(lastWord) && !isDashes(lastWord))) return null;
  const toks: HeadingWord[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) toks.push({ word: m[0], x: m.index });
  let end = toks.length;
  let headingWords = 0;
  while (end > 0) {
    const t = toks[end - 1]!.word;
    if (isDashes(t)) end--;
    else if (isHeadingWord(t)) {
      end--;
      headingWords++;
    } else break;
  }
  if (headingWords === 0) return null;
  const first = toks[end];
  const label = end === 0 || first === undefined ? '' : text.slice(0, first.x).trim().replace(/\s+/g, ' ');
  const words = toks.slice(end).filter((t) => !isDashes(t.word));
  return { no, label, words };
}

/**
 * The columns a block of heading lines describes, or a reason it describes none.
 * Qualifiers ("MINIMUM"/"MAXIMUM") are matched to columns in reading order when every column
 * has one; otherwise a qualifier followed on its line by a column word belongs to that column,
 * else to the column whose heading word stands nearest above or below it.
 */
export function columnLayout(block: readonly HeadingLine[]): ColumnLayout | string {
  const anchorX = new Map<RateColumn, number>();
  let orderLine: RateColumn[] | null = null;
  const qualifiers: { bound: AssetBasedSalesChargeBound; x: number; next: RateColumn | null }[] = [];
  for (const line of block) {
    const onLine: RateColumn[] = [];
    const words = line.words;
    for (let i = 0; i < words.length; i++) {
      const k = headingWordKey(words[i]!.word);
      const anchor = ANCHORS[k];
      if (anchor !== undefined) {
        if (!anchorX.has(anchor)) anchorX.set(anchor, words[i]!.x);
        if (!onLine.includes(anchor)) onLine.push(anchor);
      }
      const q = QUALIFIERS[k];
      if (q !== undefined) {
        let next: RateColumn | null = null;
        for (let j = i + 1; j < words.length; j++) {
          const kj = headingWordKey(words[j]!.word);
          if (kj in QUALIFIERS) break;
          const a = ANCHORS[kj];
          if (a !== undefined) {
            next = a;
            break;
          }
        }
        qualifiers.push({ bound: q, x: words[i]!.x, next });
      }
    }
    if (orderLine === null || onLine.length > orderLine.length) orderLine = onLine;
  }
  if (anchorX.size === 0) return 'column headings name no rate (expected e.g. SALES CHARGE, SERVICE FEE)';
  const present = CANONICAL.filter((c) => anchorX.has(c));
  const columns = orderLine !== null && orderLine.length === present.length ? orderLine : [...present];

  let bound: AssetBasedSalesChargeBound = null;
  const absc = columns.indexOf('assetBasedSalesCharge');
  if (absc >= 0 && qualifiers.length > 0) {
    if (qualifiers.length === columns.length) bound = qualifiers[absc]!.bound;
    else {
      for (const q of qualifiers) {
        const owner = q.next ?? nearestColumn(q.x, anchorX);
        if (owner === 'assetBasedSalesCharge') bound = q.bound;
      }
    }
  }
  return { columns, bound };
}

function nearestColumn(x: number, anchorX: ReadonlyMap<RateColumn, number>): RateColumn | null {
  let best: RateColumn | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const [c, ax] of anchorX) {
    const d = Math.abs(ax - x);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
