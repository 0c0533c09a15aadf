import { Plan12bError, type Problem, ProblemsError } from '../../../src/errors.js';

/** What a refused command threw: its code, exit code, hint and (for an input) every problem. */
export async function failureOf(p: Promise<unknown>): Promise<{
  code: string;
  exit: number;
  message: string;
  hint: string | undefined;
  problems: readonly Problem[];
}> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof Plan12bError)) throw e;
    return {
      code: e.code,
      exit: e.exitCode,
      message: e.message,
      hint: e.hint,
      problems: e instanceof ProblemsError ? e.problems : [],
    };
  }
  throw new Error('expected the command to be refused');
}
