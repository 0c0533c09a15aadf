import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { Plan12bError } from '../errors.js';
import { uEscaped, visiblyQuoted } from '../import/statedText.js';

/**
 * Who is making a change, for the audit log and every record that says "by whom" (SPEC §12):
 * the actor the user states (`--actor`, else $PLAN12B_ACTOR), else the OS user, marked as such
 * so that nobody mistakes a login name for a stated identity.
 */
let statedActor: string | undefined;

export const OS_USER_MARK = ' (OS user)';

/** Sets the actor the user stated on the command line (or the API token's actor). */
export function setActor(actor: string | undefined): void {
  // printable now; the OS-user mark is refused when the name is recorded (currentActor), so that
  // `audit log --actor "jdoe (OS user)"` still filters by it
  if (actor !== undefined) checkPrintableActor(actor);
  statedActor = actor;
}

/**
 * What a name may not hold: control characters, line and paragraph separators, a lone surrogate,
 * a noncharacter (U+FFFF: no workbook can hold it, statedText.ts), and the invisible format characters — bidirectional overrides and isolates that show a name
 * reversed, zero-width spaces, the soft hyphen — save the zero-width (non-)joiners that Persian and
 * Indic names and emoji are written with. Each would let the audit log show a name other than the
 * one recorded.
 */
const NOT_IN_A_NAME = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}]|(?![\u200c\u200d])\p{Cf}/u;

/** Refuses a name that is not printable or is too long (USAGE). */
export function checkPrintableActor(actor: string): void {
  if (actor.trim() === '' || actor.length > 200 || NOT_IN_A_NAME.test(actor))
    throw new Plan12bError(
      'USAGE',
      `actor ${shownActor(actor)} is not a name (printable, 1–200 characters)`,
      'give --actor "Jane Doe, Fund Treasurer" or set PLAN12B_ACTOR',
    );
}

/**
 * A refused actor as quoted in its message: its first 200 characters and its length (a 10,000-character
 * `--actor` was echoed whole), invisible characters written out (a bidirectional override quoted as
 * is printed the message reversed).
 */
function shownActor(actor: string): string {
  return visiblyQuoted(actor);
}

/**
 * Refuses a stated name to record that is not printable, is too long, ends with the OS-user mark
 * or has the form of an API token's actor (USAGE): the mark says the OS user stands in for a name
 * nobody stated, and `token:NAME (ROLE)` that a change came through the API with that token, so
 * a stated name may carry neither.
 */
export function checkActor(actor: string): void {
  checkRecordedActor(actor);
  if (hasTokenActorForm(actor))
    throw new Plan12bError(
      'USAGE',
      `actor ${JSON.stringify(actor)} has the form of an API token, "token:NAME (ROLE)", the actor of a change made through plan12b serve`,
      'give your own name; a change made with an API token is recorded as that token by the server',
    );
}

/** The checks of every recorded name, the server's token actor included: printable, no OS-user mark. */
function checkRecordedActor(actor: string): void {
  checkPrintableActor(actor);
  if (carriesOsUserMark(actor))
    throw new Plan12bError(
      'USAGE',
      `actor ${JSON.stringify(actor)} ends with "${OS_USER_MARK.trim()}", the mark of an actor nobody stated`,
      'give the name without it; with no --actor and no PLAN12B_ACTOR, plan12b records the OS user so marked',
    );
}

/**
 * Whether a name ends with the OS-user mark as it prints: compatibility forms folded (NFKC: a
 * full-width parenthesis), every run of white space — a no-break space, an ideographic space — one
 * space, trailing ones gone. `root\u00A0(OS user)` and `root (OS user) ` were recorded and printed
 * exactly as the OS user's own records (hostile4).
 */
function carriesOsUserMark(actor: string): boolean {
  return actor.normalize('NFKC').replace(/\s+/gu, ' ').trimEnd().endsWith(OS_USER_MARK);
}

/**
 * Whether a name prints as the actor of an API token, `token:NAME (ROLE)` (src/api/roles.ts
 * `tokenActor`): begins with `token:` once compatibility forms are folded (NFKC: a full-width colon),
 * white space removed and case ignored. Only the server gives that form: a stated `token:jane
 * (admin)` was recorded and printed as the admin token jane's own changes (hostile7).
 */
function hasTokenActorForm(actor: string): boolean {
  return actor.normalize('NFKC').replace(/\s+/gu, '').toLowerCase().startsWith('token:');
}

/** The form `tokenActor` gives (names as `checkName` in src/api/apiTokens.ts allows, a role's word). */
const TOKEN_ACTOR = /^token:[A-Za-z0-9][A-Za-z0-9._@-]{0,63} \([a-z]+\)$/;

/** The actor of one HTTP request (its API token), for the work done on its behalf (src/api). */
const requestActor = new AsyncLocalStorage<string>();

/** Runs fn with `actor` as the current actor of everything it awaits (one request of `plan12b serve`). */
export function withActor<T>(actor: string, fn: () => Promise<T>): Promise<T> {
  // the server's own token actor is recorded as it is; any other name as a stated one
  if (TOKEN_ACTOR.test(actor)) checkRecordedActor(actor);
  else checkActor(actor);
  return requestActor.run(actor, fn);
}

export function currentActor(): string {
  const ofRequest = requestActor.getStore();
  if (ofRequest !== undefined) return ofRequest;
  if (statedActor !== undefined) {
    checkActor(statedActor);
    return statedActor;
  }
  const env = process.env.PLAN12B_ACTOR ?? process.env.PLAN12B_USER;
  if (env !== undefined && env !== '') {
    checkActor(env);
    return env;
  }
  let os = 'unknown';
  try {
    os = userInfo().username;
  } catch {}
  return `${osUserName(os)}${OS_USER_MARK}`;
}

/**
 * The OS user's name as recorded: the one actor nobody states, so never refused — but printed by
 * every output as a stated one is, so a character a stated actor may not hold (a control
 * character, a line break, an invisible format character such as a bidirectional override) is
 * written as `\u` and four hex digits, as plan12b quotes it in a message (hostile5: a login
 * `eve\u202Eevil` printed its audit log lines reversed).
 */
export function osUserName(name: string): string {
  const visible = name.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFFFD\p{Noncharacter_Code_Point}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/gu,
    uEscaped,
  );
  return visible === '' ? 'unknown' : [...visible].slice(0, 100).join('');
}
