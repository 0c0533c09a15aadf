/**
 * A word that mixes the letters of Latin, Greek and Cyrillic — the scripts whose letters look alike
 * (Unicode UTS #39's confusables: Cyrillic "Е" U+0415 and Latin "E", Greek "Ο" and Latin "O") — as
 * "Summit Еnergy Fund" does. It prints as another name ("Summit Energy Fund") and is not that name
 * (SPEC §2: names match by their letters), so an amendment listing it silently adds a portfolio that
 * looks like one already listed and drops that one from a schedule replaced in its entirety; a feed
 * row naming it is a portfolio no one can see is wrong. No name mixes these scripts inside one word
 * (a Greek letter standing as a word of its own, "Fund Ω", mixes nothing).
 */
const SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
] as const;

export interface MixedScriptWord {
  readonly word: string;
  /** the first letter of the word not in the script most of its letters are in */
  readonly letter: string;
  readonly letterScript: string;
  readonly wordScript: string;
}

export function mixedScriptWord(name: string): MixedScriptWord | null {
  for (const word of name.split(/[^\p{L}\p{M}]+/u)) {
    const letters = [...word].map((c) => ({ c, script: SCRIPTS.find(([, re]) => re.test(c))?.[0] }));
    const counts = new Map<string, number>();
    for (const l of letters)
      if (l.script !== undefined) counts.set(l.script, (counts.get(l.script) ?? 0) + 1);
    if (counts.size < 2) continue;
    // the word's script: most of its letters' (the first letter's on a tie)
    const wordScript = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const odd = letters.find((l) => l.script !== undefined && l.script !== wordScript)!;
    return { word, letter: odd.c, letterScript: odd.script!, wordScript };
  }
  return null;
}

/** Why `name` would print as another name, or null. */
export function mixedScriptReason(name: string): string | null {
  const m = mixedScriptWord(name);
  if (m === null) return null;
  const hex = m.letter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${JSON.stringify(name)} writes the ${m.wordScript} word "${m.word}" with the ${m.letterScript} letter "${m.letter}" (U+${hex}) in it: the name looks like another and is not it; write the word in one script`;
}
