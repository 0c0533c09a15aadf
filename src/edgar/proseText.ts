/**
 * The body text of an exhibit outside its heading and schedules, joined into one string with
 * whitespace collapsed (a date may wrap: "effective March\n31, 2006"), remembering which line
 * each character came from so findings can cite their line.
 */

import type { EdgarLine } from './edgarText.js';

export interface ProseText {
  readonly text: string;
  /** 1-based line number of the character at `offset` */
  lineAt(offset: number): number;
}

export function proseText(lines: readonly EdgarLine[], include: (index: number) => boolean): ProseText {
  const parts: string[] = [];
  const starts: number[] = [];
  const nos: number[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trimmed === '' || !include(i)) continue;
    const piece = l.trimmed.replace(/\s+/g, ' ');
    starts.push(length);
    nos.push(l.no);
    parts.push(piece);
    length += piece.length + 1;
  }
  const text = parts.join(' ');
  return {
    text,
    lineAt(offset: number): number {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return nos[lo] ?? 1;
    },
  };
}
