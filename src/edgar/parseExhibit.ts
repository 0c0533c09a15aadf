/**
 * `plan12b exhibit parse` (SPEC §2.1): one EDGAR exhibit — a 12b-1 plan, a Class B master
 * distribution agreement, or an amendment to either — as an ExhibitDocument. Pure: text in,
 * document out; anything it cannot read throws ExhibitParseError(file, line, reason).
 */

import { datedLine, effectiveDates, type FoundDate, madeAsOfDate, restatedAsOfDates } from './dates.js';
import { readEdgarText } from './edgarText.js';
import { type ExhibitDocument, ExhibitParseError, type Schedule } from './exhibitDocument.js';
import { exhibitTitle, readHeading } from './heading.js';
import { proseText } from './proseText.js';
import { renamePairs, renameRules } from './renames.js';
import { replacedSchedules } from './replacedSchedules.js';
import { readSchedules } from './scheduleTable.js';
import { instrumentTerms } from './terms.js';

/** The registrant as the body spells it ("AIM Funds Group"), else as the title prints it. */
function bodySpelling(printed: string, body: string): string {
  const words = printed.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b${words.join('\\s+')}(?![A-Za-z])`, 'gi');
  let checked = 0;
  for (let m = re.exec(body); m !== null && checked < 50; m = re.exec(body), checked++) {
    if (/[a-z]/.test(m[0])) return m[0].replace(/\s+/g, ' ');
  }
  return printed;
}

function latest(dates: readonly FoundDate[]): FoundDate | null {
  let best: FoundDate | null = null;
  for (const d of dates) if (best === null || d.iso > best.iso) best = d;
  return best;
}

/**
 * @example parseExhibit(readFileSync('000_….txt', 'utf8'), '000_….txt').schedules[0].entries.length === 42
 */
export function parseExhibit(text: string, file: string): ExhibitDocument {
  const edgar = readEdgarText(text, file);
  const { lines } = edgar;
  const heading = readHeading(lines, file);

  // The body's registrant spelling is needed before the schedules (rows under no group
  // heading belong to it), so look for it in the text up to the first schedule.
  const registrant =
    heading.registrantAsPrinted === null
      ? null
      : bodySpelling(
          heading.registrantAsPrinted,
          lines
            .slice(heading.bodyStart, heading.bodyStart + 400)
            .map((l) => l.trimmed)
            .join(' '),
        );

  const readings = readSchedules(
    {
      file,
      lines,
      instrumentClasses: heading.classes,
      instrumentRegistrant: registrant,
      lastLineTerminated: edgar.lastLineTerminated,
      lastLineNo: edgar.lastLineNo,
    },
    heading.bodyStart,
  );
  if (readings.length === 0)
    throw new ExhibitParseError(file, 1, 'no schedule found (no SCHEDULE or APPENDIX heading)');

  const inSchedule = new Uint8Array(lines.length);
  for (const r of readings) inSchedule.fill(1, r.start, r.end);
  const prose = proseText(lines, (i) => i >= heading.bodyStart && inSchedule[i] === 0);

  const isAmendment = heading.kind.endsWith('-amendment');
  const warnings: string[] = [];
  let dated: FoundDate | null = null;
  for (let i = heading.bodyStart; i < lines.length; i++) {
    if (inSchedule[i] === 1) continue;
    const iso = datedLine(lines[i]!.trimmed);
    if (iso !== null) {
      dated = { iso, line: lines[i]!.no };
      break;
    }
  }
  const effective = effectiveDates(prose);
  const restated = isAmendment ? null : latest(restatedAsOfDates(prose));
  const madeAsOf = madeAsOfDate(prose);

  // SPEC §2.1 Dates: an explicit "effective …" wins; a restated instrument takes effect as of
  // its latest restatement (its "Effective as of August 31, 1993" is its first effective date).
  const explicit = effective[0] ?? null;
  const effectiveDate = isAmendment
    ? (explicit ?? dated ?? null)
    : (restated ?? explicit ?? madeAsOf ?? dated ?? null);
  if (effectiveDate === null) {
    throw new ExhibitParseError(
      file,
      1,
      'no effective date found (no "effective …", "as of …" or "Dated:" date)',
    );
  }
  if (isAmendment && explicit !== null && dated !== null && explicit.iso !== dated.iso) {
    warnings.push(
      `the amendment says it is effective ${explicit.iso} (line ${explicit.line}) but is "Dated:" ${dated.iso} (line ${dated.line})`,
    );
  }
  const datedAsOf = isAmendment ? (madeAsOf?.iso ?? null) : (restated?.iso ?? madeAsOf?.iso ?? null);

  const replaced = replacedSchedules(prose.text);
  const schedules: Schedule[] = readings.map((r) => ({
    name: r.name,
    replacesEntirely: replaced.has(r.name),
    entries: r.entries,
  }));
  for (const r of readings) warnings.push(...r.warnings);

  return {
    kind: heading.kind,
    title: exhibitTitle(heading, registrant),
    exhibit: heading.exhibit,
    instrument: {
      kind: heading.instrumentKind,
      title: heading.instrumentTitle,
      registrant,
      classes: heading.classes,
      datedAsOf,
    },
    amendmentNumber: heading.amendmentNumber,
    effectiveDate: effectiveDate.iso,
    datedDate: dated?.iso ?? null,
    terms: instrumentTerms(prose),
    schedules,
    renames: renamePairs(prose.text),
    renameRules: renameRules(prose.text),
    footnotes: readings.flatMap((r) => r.footnotes),
    warnings,
  };
}
