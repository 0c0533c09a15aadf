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

/**
 * The letters of each of these scripts that look like a letter of another (UTS #39's confusables,
 * the common part): only such a letter among another script's makes a word look like another. A
 * letter that looks like none ("Fundπ", a footnote mark set against a name) is left to the reader.
 */
const LOOKALIKE =
  /[ABCEHIJKMNOPSTXYZacehijkopsuvxy\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03b1\u03b9\u03ba\u03bd\u03bf\u03c1\u03c5\u0405\u0406\u0408\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0423\u0425\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u04bb\u04cf\u0501]/;

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
    const odd = letters.find((l) => l.script !== undefined && l.script !== wordScript && LOOKALIKE.test(l.c));
    if (odd === undefined) continue;
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
