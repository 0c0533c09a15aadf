/**
 * How a parse compares with the corpus's expected.json (issue 11 "Must show"): kind, exhibit,
 * effective date, amendment number, the instrument's date, classes, every schedule and every entry with its rates in document
 * order, and the renames. Returns the differences; none means the document was read exactly.
 */

import type { ParsedEntry, ParsedExhibit } from '../../src/edgar/exhibitDocument.js';
import type { ExpectedDocument, ExpectedEntry } from './corpusDocuments.js';

/** expected.json spells kinds in words ("schedule (amended, stand-alone)", "plan-amendment (no schedule)"). */
export function expectedKind(kind: string): string {
  const first = kind.split(/\s+/)[0]!;
  return first === 'schedules' ? 'schedule' : first;
}

/** A rate as expected.json prints it, as the reader gives it: NONE is no fee ("0.00"). */
function expectedRate(rate: string): string {
  return rate === 'NONE' ? '0.00' : rate;
}

/** "C and C2" (one row for two classes, Pioneer Appendix A) is one entry per class. */
function expandedEntries(entries: readonly ExpectedEntry[]): ExpectedEntry[] {
  return entries.flatMap((e) =>
    e.class !== null && / and /.test(e.class)
      ? e.class.split(/\s+and\s+/).map((c) => ({ ...e, class: c }))
      : [e],
  );
}

function ratesOf(e: ParsedEntry): string[] {
  return [e.assetBasedSalesChargePct, e.serviceFeePct, e.aggregateFeePct].filter(
    (r): r is string => r !== null,
  );
}

export function differences(doc: ParsedExhibit, want: ExpectedDocument): string[] {
  const out: string[] = [];
  const same = (what: string, got: unknown, expected: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(expected))
      out.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  };
  same('kind', doc.kind, expectedKind(want.kind));
  same('exhibit', doc.exhibit, want.exhibit);
  same('effectiveDate', doc.effectiveDate, want.effectiveDate);
  same('amendmentNumber', doc.amendmentNumber, want.amendmentNumber);
  // the instrument's date is part of which instrument a document belongs to (storedDocument.ts)
  same('instrument.datedAsOf', doc.instrument.datedAsOf, want.instrumentDatedAsOf);
  same('classes', doc.classes, want.classes);
  same(
    'schedules',
    doc.schedules.map((s) => s.name),
    want.schedules.map((s) => s.name),
  );
  want.schedules.forEach((ws, i) => {
    const s = doc.schedules[i];
    if (s === undefined) return;
    const cut = doc.completeness.gaps.some((g) => g.fact === 'text' && g.schedule === s.name);
    same(`${s.name} read only in part`, cut, ws.truncated);
    if (ws.replacesEntirely !== null)
      same(`${s.name} replacesEntirely`, s.replacesEntirely, ws.replacesEntirely);
    const wantEntries = expandedEntries(ws.entries);
    same(`${s.name} entries`, s.entries.length, wantEntries.length);
    wantEntries.forEach((we, j) => {
      const e = s.entries[j];
      if (e === undefined) return;
      same(
        `${s.name} entry ${j + 1}`,
        { registrant: e.registrant, portfolio: e.portfolio, class: e.class, rates: ratesOf(e) },
        {
          registrant: we.registrant ?? doc.instrument.registrant,
          portfolio: we.portfolio,
          class: we.class,
          rates: we.rates.map(expectedRate),
        },
      );
    });
  });
  const pairs = (l: readonly { from: string; to: string }[]) => l.map((r) => `${r.from} → ${r.to}`).sort();
  same('renames', pairs(doc.renames), pairs(want.renames));
  return out;
}
