import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * SPEC §12 (the audit log records who, "else the OS user, marked as such"): a stated actor (or
 * token name) with a control or invisible format character is refused, since every output —
 * text, CSV, PDF, HTML — prints it again. The OS user's name, the one actor nobody states, was
 * recorded as the system's user database gives it: a login named `eve\u202Eevil` (a
 * right-to-left override) was recorded raw, and `audit log` printed "eve" and the rest of its line
 * reversed (hostile5). Now its unprintable characters are written as `\u` and four hex digits, as
 * plan12b quotes such a text in a message.
 */
const username = vi.hoisted(() => ({ value: 'jane' }));
vi.mock('node:os', async (original) => {
  const os = await original<typeof import('node:os')>();
  return { ...os, userInfo: () => ({ ...os.userInfo(), username: username.value }) };
});
const { currentActor } = await import('../../src/store/actor.js');
const { hasControlCharacter } = await import('../../src/import/statedText.js');

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
    username.value = 'jane';
    expect(currentActor()).toBe('jane (OS user)');
    username.value = 'jöran.ærø';
    expect(currentActor()).toBe('jöran.ærø (OS user)');
  });

  it('a bidi override, an escape sequence, a line break: each written as \\u and four hex digits', () => {
    for (const [login, recorded] of [
      ['eve\u202Eevil', 'eve\\u202eevil (OS user)'],
      ['eve\u001b[31mred', 'eve\\u001b[31mred (OS user)'],
      ['eve\nmallory', 'eve\\u000amallory (OS user)'],
      ['eve\u2066x\u2069', 'eve\\u2066x\\u2069 (OS user)'],
    ] as const) {
      username.value = login;
      const actor = currentActor();
      expect(actor).toBe(recorded);
      expect(hasControlCharacter(actor)).toBe(false);
    }
  });
});
