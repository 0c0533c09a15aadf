import { Plan12bError } from '../errors.js';

/**
 * Free text a user states for the record — a rate's Board resolution, why a document is withdrawn,
 * why an instrument terminates (SPEC §12: the audit log says who changed what and why). It is
 * printed again by `audit log`, `rates list`, `exhibit list` and the dashboard, so it must be
 * printable: a control character (an escape sequence that repaints the terminal, a bell, a line
 * break that forges a line of the log) is refused as the command line's fault (exit 64, HTTP 400)
 * before anything is written, as `--actor` is.
 */
/** A C0 or C1 control character, DEL, or a line break: what printed text must not hold. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

export function requirePrintableText(text: string, option: string): string {
  if (hasControlCharacter(text))
    throw new Plan12bError(
      'USAGE',
      `${option} ${JSON.stringify(text)} contains a control character or line break`,
      `write ${option} in printable characters on one line; nothing was written`,
    );
  return text;
}
