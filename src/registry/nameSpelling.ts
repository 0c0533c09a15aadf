import type { Problem } from '../errors.js';
import { collapseWhitespace, nameKey } from './portfolioName.js';

const caseAndSpacing = (name: string) => collapseWhitespace(name).toLowerCase();

/**
 * A party known by its name, compared exactly (a distributor, an Assignee): a name that differs from
 * one recorded, or stated earlier in the file, only by case or spacing ("ACME CAPITAL" beside "Acme
 * Capital") would silently be a second party, so it is refused on its line, naming the spelling to
 * use — as a provider id differing from another only by case is (Plan §4). Names as portfolios are
 * matched (src/registry/portfolioName.ts): case-insensitively, whitespace collapsed.
 */
export function spellingVariantProblems(
  stated: readonly { readonly line: number; readonly field: string; readonly name: string }[],
  recorded: readonly string[],
  /** what the names are, as the reason says it: "distributor", "Assignee" */
  what: string,
  file: string,
): Problem[] {
  const first = new Map<string, { name: string; where: string }>();
  const know = (name: string, where: string) => {
    const k = nameKey(name);
    if (!first.has(k)) first.set(k, { name, where });
  };
  for (const name of recorded) know(name, 'recorded');
  const problems: Problem[] = [];
  for (const { line, field, name } of stated) {
    know(name, `on line ${line}`);
    const known = first.get(nameKey(name))!;
    if (known.name !== name)
      problems.push({
        file,
        line,
        field,
        value: name,
        reason: `${JSON.stringify(name)} differs from the ${what} ${JSON.stringify(known.name)} (${known.where}) only by ${
          // "é" as one character or as "e" and a combining accent: one name (portfolioName.ts nameKey)
          caseAndSpacing(name) === caseAndSpacing(known.name)
            ? 'case or spacing'
            : 'case, spacing or how its accented letters are encoded (é as one character, or as e and a combining accent)'
        }; write it as ${JSON.stringify(known.name)} (two spellings would be two ${what}s)`,
      });
  }
  return problems;
}
