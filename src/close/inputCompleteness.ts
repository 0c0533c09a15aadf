import { monthEnd } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { Plan12bError } from '../errors.js';
import { didYouMeanPortfolio } from '../registry/closestPortfolioName.js';
import type { Registry } from '../registry/registry.js';

/** A class's last recorded day of net assets through the month's end. */
export interface LastNetAssets {
  readonly portfolioId: string;
  readonly class: string;
  readonly lastDate: string;
}

/** A class the close takes as ended: its net-assets feed stopped while an instrument still covers it. */
export interface EndedClass {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  /** the last day with net assets */
  readonly lastNetAssets: string;
  /** the first NYSE business day after it: no fees accrue from this day (SPEC §4) */
  readonly endedOn: string;
  /** the close in which the user accepted it as ended (this month, or an earlier close) */
  readonly acceptedIn: string;
}

/** What a close records about its inputs (sealed as the `completeness` part, SPEC §12). */
export interface CloseCompleteness {
  readonly month: string;
  /** the user started the books at this month (`--first`) */
  readonly startsBooks: boolean;
  readonly firstMonthWithNetAssets: string | null;
  /** classes whose feed stopped, each accepted as ended by the user, in this close or an earlier one */
  readonly acceptedAsEnded: readonly EndedClass[];
}

/** A class named on the command line: `PORTFOLIO:CLASS` (the portfolio by any of its names). */
export interface NamedClass {
  readonly portfolioId: string;
  readonly class: string;
  readonly as: string;
}

/**
 * Resolves `--accept-ended PORTFOLIO:CLASS` names (the last `:` separates the class).
 * @example parseNamedClass(registry, 'AIM Value Fund:C') // { portfolioId: …, class: 'C', as: 'AIM Value Fund:C' }
 */
export function parseNamedClass(registry: Registry, text: string, asOf?: string): NamedClass {
  const at = text.lastIndexOf(':');
  const name = at < 0 ? '' : text.slice(0, at).trim();
  const cls = at < 0 ? '' : text.slice(at + 1).trim();
  if (name === '' || cls === '')
    throw new Plan12bError(
      'USAGE',
      `--accept-ended ${JSON.stringify(text)} does not name a class`,
      'name each class as PORTFOLIO:CLASS, e.g. --accept-ended "AIM Value Fund:C"',
    );
  // SPEC §2: given the month's end, a name handed from one portfolio to another is the one that bore it then
  const portfolioId =
    asOf === undefined ? registry.identities.resolve(name) : registry.identities.resolveOn(name, asOf);
  if (portfolioId === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `--accept-ended ${JSON.stringify(text)}: no portfolio has ever been named ${JSON.stringify(name)}`,
      `${didYouMeanPortfolio(registry.identities, name)}check the name (\`plan12b portfolio history NAME\`)`,
    );
  return { portfolioId, class: cls.toUpperCase(), as: text };
}

/**
 * SPEC §12: a close refuses a month whose inputs are incomplete — a class covered by an
 * instrument whose net-assets feed stopped before the month's last business day, with no
 * termination — unless the user names the classes it accepts as ended (here, or in an earlier
 * close for the same last day). Returns the classes taken as ended, or throws REFUSED (68) naming
 * every stopped class not accepted. A named class whose feed did not stop is refused (64): an
 * acceptance is a statement about the inputs, and a wrong one must not be sealed.
 * @param acceptedEarlier acceptances sealed by earlier closes
 */
export function endedClasses(
  month: string,
  registry: Registry,
  lastNetAssets: readonly LastNetAssets[],
  accepted: readonly NamedClass[],
  acceptedEarlier: readonly EndedClass[],
): EndedClass[] {
  const to = monthEnd(month);
  const key = (pid: string, cls: string) => `${pid}|${cls}`;
  const named = new Map(accepted.map((a) => [key(a.portfolioId, a.class), a]));
  const earlier = new Map(
    acceptedEarlier.map((e) => [`${key(e.portfolioId, e.class)}|${e.lastNetAssets}`, e]),
  );
  const ended: EndedClass[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  for (const l of [...lastNetAssets].sort((a, b) =>
    key(a.portfolioId, a.class) < key(b.portfolioId, b.class) ? -1 : 1,
  )) {
    const endedOn = businessDayAfter(l.lastDate, 1);
    if (endedOn > to) continue; // the feed runs through the month's last business day
    // Not covered, or terminated (Plan §9) or lapsed: nothing would accrue, so nothing is missing.
    const governing = registry.governingOn(l.portfolioId, l.class, endedOn);
    if (governing === undefined || governing.stopped !== null) continue;
    const k = key(l.portfolioId, l.class);
    const portfolio = registry.identities.nameOn(l.portfolioId, l.lastDate);
    const before = earlier.get(`${k}|${l.lastDate}`);
    if (before !== undefined) {
      seen.add(k);
      ended.push({ ...before, portfolio });
      continue;
    }
    if (named.has(k)) {
      seen.add(k);
      ended.push({
        portfolio,
        portfolioId: l.portfolioId,
        class: l.class,
        lastNetAssets: l.lastDate,
        endedOn,
        acceptedIn: month,
      });
      continue;
    }
    refused.push(`${portfolio}:${l.class} (net assets stop on ${l.lastDate})`);
  }
  const notStopped = accepted.filter((a) => !seen.has(key(a.portfolioId, a.class)));
  if (notStopped.length > 0)
    throw new Plan12bError(
      'USAGE',
      `--accept-ended names ${notStopped.map((a) => a.as).join(', ')}, whose net assets do not stop before ${to} (or that an instrument no longer covers); there is nothing to accept`,
      'name only the classes the close reports as stopped',
    );
  if (refused.length > 0)
    throw new Plan12bError(
      'REFUSED',
      `${month} cannot close: the net-assets feed of ${refused.length === 1 ? 'a covered class' : `${refused.length} covered classes`} stopped before the month's end with no termination: ${refused.join('; ')}`,
      `import the missing days with \`plan12b net-assets import FILE.csv\`, or, if ${refused.length === 1 ? 'the class has' : 'they have'} ended, close with ${refused.map((r) => `--accept-ended "${r.slice(0, r.indexOf(' (net assets'))}"`).join(' ')}`,
    );
  return ended;
}
