import { isIsoDate, monthEnd } from './isoDate.js';

/** A calendar quarter, `YYYYQn` (the board's reporting period, Plan §8). */
export interface Quarter {
  readonly label: string;
  readonly first: string;
  readonly last: string;
  /** the quarter's three months, YYYY-MM */
  readonly months: readonly string[];
}

/** `2025Q4` → its first and last days; null when the text is not a quarter. */
export function parseQuarter(text: string): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/i.exec(text.trim());
  if (!m) return null;
  const year = m[1]!;
  const q = Number(m[2]);
  const months = [0, 1, 2].map((i) => `${year}-${String((q - 1) * 3 + 1 + i).padStart(2, '0')}`);
  return { label: `${year}Q${q}`, first: `${months[0]}-01`, last: monthEnd(months[2]!), months };
}

/** The quarter a date falls in. */
export function quarterOf(date: string): Quarter {
  if (!isIsoDate(date)) throw new Error(`not a date: ${date}`);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return parseQuarter(`${date.slice(0, 4)}Q${q}`)!;
}

/** The quarter after. */
export function nextQuarter(q: Quarter): Quarter {
  const [y, n] = [Number(q.label.slice(0, 4)), Number(q.label.slice(5))];
  return n === 4 ? parseQuarter(`${y + 1}Q1`)! : parseQuarter(`${y}Q${n + 1}`)!;
}
