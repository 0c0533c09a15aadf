/**
 * Wells Fargo's Appendix A prints a footnote number against a class cell: "Dow Jones Target Today
 * Fund / Class B / Class C / Class R1", "Dow Jones Target 2010 Fund / … / Class R2", … "Class R11",
 * each number once, in the order of the rows, in a table where "Class R" stands bare too. Read as
 * written they are classes R1 … R11 that no fund has; read as "Class R" the reader would be guessing
 * at a mark it cannot see. Neither is a reading (SPEC §2.1: a document read only in part is
 * refused), so such a run of classes is found and the document refused, naming it.
 */

export interface MarkedClasses {
  /** the base class the marks are printed against ("R") */
  readonly base: string;
  /** the codes as read, in order ("R1", "R2", …) */
  readonly codes: readonly string[];
}

/** Fewer numbered codes than this in a run may be real classes ("R1 | R2"). */
const MIN_RUN = 3;

/**
 * @example footnoteMarkedClasses(['B', 'C', 'R1', 'R', 'C', 'R2', 'R3']) → { base: 'R', codes: ['R1', 'R2', 'R3'] }
 * @example footnoteMarkedClasses(['A', 'R3', 'R4', 'A', 'R3', 'R4']) → null
 * @example footnoteMarkedClasses(['R', 'R1', 'R2', 'R3'], ['X Fund', 'X Fund', 'X Fund', 'X Fund']) → null
 */
export function footnoteMarkedClasses(
  classes: readonly (string | null)[],
  /** the portfolio of each class, in the same order: a run of marks falls one to a fund */
  portfolios: readonly string[] = classes.map((_, k) => String(k)),
): MarkedClasses | null {
  const counts = new Map<string, number>();
  const fundOf = new Map<string, string>();
  classes.forEach((c, k) => {
    if (c === null) return;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (!fundOf.has(c)) fundOf.set(c, portfolios[k] ?? '');
  });
  const seen = [...counts.keys()];
  for (const base of new Set(
    seen.map((c) => /^([A-Z])\d{1,2}$/.exec(c)?.[1]).filter((b) => b !== undefined),
  )) {
    if (!counts.has(base!)) continue;
    // the numbered codes of this base, in the order the rows first give them
    const numbered = seen.filter((c) => new RegExp(`^${base}\\d{1,2}$`).test(c));
    const numbers = numbered.map((c) => Number(c.slice(base!.length)));
    // …each once, and each on a fund of its own (one fund's "R1 | R2 | R3" are its classes)
    const funds = new Set(numbered.map((c) => fundOf.get(c)));
    const run =
      numbers.every((n, k) => n === k + 1) &&
      numbered.every((c) => counts.get(c) === 1) &&
      funds.size === numbered.length;
    if (run && numbered.length >= MIN_RUN) return { base: base!, codes: numbered };
  }
  return null;
}
