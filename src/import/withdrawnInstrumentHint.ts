import type { Problem } from '../errors.js';
import type { WithdrawnInstrument } from '../store/withdrawnDocumentRegistry.js';

export type { WithdrawnInstrument };

const count = (n: number, what: string) => `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** The lines of a few rows, or how many: `lines 3, 6 and 11`, `2,500 rows`. */
function rowsSaid(lines: readonly number[]): string {
  if (lines.length > 5) return count(lines.length, 'row');
  const sorted = [...lines].sort((a, b) => a - b).map(String);
  const last = sorted.pop()!;
  return sorted.length === 0 ? `line ${last}` : `lines ${sorted.join(', ')} and ${last}`;
}

function named(d: WithdrawnInstrument): string {
  return `"${d.title}" (${d.fileName}, ${d.id.slice(0, 16)})`;
}

function withdrawal(d: WithdrawnInstrument): string {
  return `withdrawn on ${d.withdrawnAt.slice(0, 10)} (${d.reason})`;
}

/** Whether a feed's document cell names this document: its hash, a prefix of 8 or more, or its file name. */
function namesDocument(value: string, d: WithdrawnInstrument): boolean {
  const v = value.trim().toLowerCase();
  return v === d.id || (v.length >= 8 && d.id.startsWith(v)) || value.trim() === d.fileName;
}

/**
 * The next step of a feed refused because rows name a class, or a document, that a withdrawn
 * exhibit was alone in covering (`exhibit withdraw`, then the same feeds imported again: every row of
 * the class was "has no class "C" in any instrument", and the next step, "fix the file", did not say
 * that the class had lost its instrument, nor what to do). Names each class and withdrawn exhibit,
 * the rows, and what to do: leave the rows out, or import first an instrument in force for the
 * class (a withdrawn exhibit stays withdrawn: its bytes imported again are refused). Undefined when
 * no problem is explained by a withdrawal.
 */
export function withdrawnInstrumentHint(
  problems: readonly Problem[],
  withdrawn: readonly WithdrawnInstrument[],
): string | undefined {
  const groups = new Map<
    string,
    { what: string; lines: number[]; doc: WithdrawnInstrument; isClass: boolean }
  >();
  for (const p of problems) {
    if (p.value === undefined) continue;
    if (p.field === 'class') {
      const doc = withdrawn.find((d) =>
        d.classes.some((c) => c.toLowerCase() === p.value!.trim().toLowerCase()),
      );
      if (doc === undefined) continue;
      const cls = doc.classes.find((c) => c.toLowerCase() === p.value!.trim().toLowerCase())!;
      const key = `class\u0000${cls}\u0000${doc.id}`;
      const g = groups.get(key) ?? { what: `Class ${cls}`, lines: [], doc, isClass: true };
      g.lines.push(p.line);
      groups.set(key, g);
    } else if (p.field === 'document') {
      const doc = withdrawn.find((d) => namesDocument(p.value!, d));
      if (doc === undefined) continue;
      const key = `document\u0000${doc.id}`;
      const g = groups.get(key) ?? { what: 'the withdrawn document', lines: [], doc, isClass: false };
      g.lines.push(p.line);
      groups.set(key, g);
    }
  }
  if (groups.size === 0) return undefined;
  const said = [...groups.values()].map((g) => {
    const rows = `${rowsSaid(g.lines)} ${g.lines.length === 1 ? 'names' : 'name'}`;
    return g.isClass
      ? `${rows} ${g.what}, which no instrument in force covers: its instrument ${named(g.doc)} was ${withdrawal(g.doc)}`
      : `${rows} ${named(g.doc)}, which was ${withdrawal(g.doc)}`;
  });
  const classes = [...new Set([...groups.values()].filter((g) => g.isClass).map((g) => g.what))];
  const next =
    classes.length > 0
      ? `leave those rows out of the file, or import first an instrument in force that covers ${classes.join(' and ')} (a withdrawn exhibit stays withdrawn; see \`plan12b exhibit list\`)`
      : 'leave those rows out of the file, or name the document in force instead (see `plan12b exhibit list`)';
  return `nothing was written; ${said.join('; ')}; ${next}`;
}
