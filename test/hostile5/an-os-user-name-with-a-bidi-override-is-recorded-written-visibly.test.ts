import { userInfo } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasControlCharacter } from '../../src/import/statedText.js';
import { currentActor, OS_USER_MARK, osUserName } from '../../src/store/actor.js';

/**
 * SPEC §12 (the audit log records who, "else the OS user, marked as such"): a stated actor (or
 * token name) with a control or invisible format character is refused, since every output —
 * text, CSV, PDF, HTML — prints it again. The OS user's name, the one actor nobody states, was
 * recorded as the system's user database gives it: a login named `eve\u202Eevil` (a
 * right-to-left override) was recorded raw, and `audit log` printed "eve" and the rest of its line
 * reversed (hostile5). Now its unprintable characters are written as `\u` and four hex digits, as
 * plan12b quotes such a text in a message.
 *
 * The login is given to `osUserName` (what `currentActor` records of the OS user's name) rather
 * than by mocking `node:os`: the suite's workers keep their modules from file to file, so a mock
 * would not reach a module another file loaded first.
 */
describe('the OS user recorded as the actor', () => {
  const saved = { actor: process.env.PLAN12B_ACTOR, user: process.env.PLAN12B_USER };
  beforeEach(() => {
    delete process.env.PLAN12B_ACTOR;
    delete process.env.PLAN12B_USER;
  });
  afterEach(() => {
    if (saved.actor !== undefined) process.env.PLAN12B_ACTOR = saved.actor;
    if (saved.user !== undefined) process.env.PLAN12B_USER = saved.user;
  });

  it('a plain login: as it is, marked', () => {
    expect(osUserName('jane')).toBe('jane');
    expect(osUserName('jöran.ærø')).toBe('jöran.ærø');
    // this machine's own login, recorded through the same function and marked
    expect(currentActor()).toBe(`${osUserName(userInfo().username)}${OS_USER_MARK}`);
    expect(OS_USER_MARK).toBe(' (OS user)');
  });

  it('a bidi override, an escape sequence, a line break: each written as \\u and four hex digits', () => {
    for (const [login, recorded] of [
      ['eve\u202Eevil', 'eve\\u202eevil'],
      ['eve\u001b[31mred', 'eve\\u001b[31mred'],
      ['eve\nmallory', 'eve\\u000amallory'],
      ['eve\u2066x\u2069', 'eve\\u2066x\\u2069'],
    ] as const) {
      const name = osUserName(login);
      expect(name).toBe(recorded);
      expect(hasControlCharacter(`${name}${OS_USER_MARK}`)).toBe(false);
    }
  });
});
