import type { ExhibitDocument } from '../edgar/exhibitDocument.js';

/**
 * The same exhibit imported again (SPEC §12: nothing changes) whose stored parse, made by a build
 * that did not read them, lacks clauses the reader reads now: Plan §7 / Agreement FOURTEENTH's
 * first continuance deadline ("shall continue in effect until June 30, 2003", `continuance`) and
 * FIFTEENTH(A) / Plan §10(a)'s written notice ("on not more than sixty (60) days' written notice",
 * `terminationNotice`). The stored parse is never patched (a month close records its hash), so the
 * registry goes on without them; this says what they are, what is taken instead and what to do.
 * Null when the stored parse lacks none of them.
 * @example clausesTheStoredParseLacks('002.txt', { kind: 'plan' }, parsedNow)
 *   → '002.txt: its stored parse (imported by an older build) lacks what the reader reads now — …'
 */
export function clausesTheStoredParseLacks(
  fileName: string,
  stored: unknown,
  now: ExhibitDocument,
): string | null {
  const has = (key: string) =>
    typeof stored === 'object' && stored !== null && (stored as Record<string, unknown>)[key] !== undefined;
  const lacking: string[] = [];
  const setting = now.kind.startsWith('agreement')
    ? 'continuance.agreement-first-deadline'
    : 'continuance.plan-first-deadline';
  if (now.continuance !== undefined && !has('continuance'))
    lacking.push(
      `the first continuance deadline "${now.continuance.text}" (line ${now.continuance.line}): its instrument takes the Rule's year after its adoption instead, unless \`plan12b settings set ${setting} ${now.continuance.until}\` states it (for each such instrument whose stored parse states none)`,
    );
  if (now.terminationNotice !== undefined && !has('terminationNotice'))
    lacking.push(
      `the written notice it is terminated on "${now.terminationNotice.text}" (line ${now.terminationNotice.line}): sixty days are taken instead (FIFTEENTH(A), Plan §10(a))${now.terminationNotice.days === 60 ? ', which it states too' : `, not its ${now.terminationNotice.days}: check a termination's notice against them by hand`}`,
    );
  if (lacking.length === 0) return null;
  return `${fileName}: its stored parse (imported by an older build) lacks what the reader reads now — ${lacking.join('; ')}; nothing changed: a stored parse is kept as imported (a month close records its hash)`;
}
