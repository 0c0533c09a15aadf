import { ProblemsError } from '../errors.js';
import type { ExhibitParseError } from './exhibitDocument.js';

/**
 * An exhibit plan12b cannot read in full, as the refusal of a bad input (SPEC §2.1, §12): exit 65
 * with the problem listed — file, line and reason — in the `--json` error document and the API's
 * answer too, like every problem found in a feed.
 */
export function exhibitParseRefusal(e: ExhibitParseError): ProblemsError {
  return new ProblemsError(
    [{ file: e.file, line: e.line, field: null, reason: e.reason }],
    'nothing was written; the file is not an exhibit plan12b can read in full',
  );
}
