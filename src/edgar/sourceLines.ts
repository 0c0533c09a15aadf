/**
 * Line numbers of an HTML exhibit as the file counts them (SPEC §2.1: "a clear error naming the
 * file and line"). The reader reads an .htm as the cell text htmlText.ts writes from it, and
 * counts that text's lines; a user opens the .htm, whose lines are others (a Word file puts a
 * whole table on a few lines, an EDGARizer file a cell on several). Every line number the reading
 * gives out — the refusal's, each gap's, and the "line N" its reasons and warnings cite — is
 * turned into the file's line here.
 */

import { ExhibitParseError, type ParsedExhibit } from './exhibitDocument.js';

/** The file's line of a line of the cell text (1-based both); past the end, the file's last. */
export function fileLine(sourceLines: readonly number[], textLine: number): number {
  return sourceLines[textLine - 1] ?? sourceLines.at(-1) ?? textLine;
}

// "line 53", "(line 53)", "its last line 53": the reasons' and warnings' own line numbers
const LINE_RE = /\bline (\d+)\b/g;

function inText(sourceLines: readonly number[], text: string): string {
  return text.replace(LINE_RE, (_, n: string) => `line ${fileLine(sourceLines, Number(n))}`);
}

/** The reading with every line number it gives the file's. */
export function parsedInFileLines(parsed: ParsedExhibit, sourceLines: readonly number[]): ParsedExhibit {
  return {
    ...parsed,
    warnings: parsed.warnings.map((w) => inText(sourceLines, w)),
    completeness: {
      ...parsed.completeness,
      gaps: parsed.completeness.gaps.map((g) => ({
        ...g,
        line: fileLine(sourceLines, g.line),
        reason: inText(sourceLines, g.reason),
      })),
    },
  };
}

/** A refusal at the file's line, its reason citing the file's lines. */
export function errorInFileLines(e: ExhibitParseError, sourceLines: readonly number[]): ExhibitParseError {
  return new ExhibitParseError(e.file, fileLine(sourceLines, e.line), inText(sourceLines, e.reason));
}
