/**
 * `plan12b exhibit render FILE` reads a parsed exhibit from a file the user gives (SPEC §2.1: the
 * output of `exhibit parse --json`). Any JSON can arrive there: this says, before rendering, where
 * the file stops being a parsed exhibit, so that a wrong file is bad input (65), never a crash (70).
 */

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): boolean => v === null || isString(v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const KINDS = ['plan', 'agreement', 'plan-amendment', 'agreement-amendment', 'schedule'];
const BOUNDS = ['minimum', 'maximum', null];

function entryProblem(e: unknown, at: string): string | null {
  if (!isObject(e)) return `${at} is not an object`;
  if (!isString(e.portfolio)) return `${at}.portfolio is not text`;
  if (!isString(e.class)) return `${at}.class is not text`;
  if (!isStringOrNull(e.registrant)) return `${at}.registrant is not text or null`;
  for (const k of ['assetBasedSalesChargePct', 'serviceFeePct', 'aggregateFeePct'])
    if (!isStringOrNull(e[k])) return `${at}.${k} is not a rate (text) or null`;
  if (!BOUNDS.includes(e.assetBasedSalesChargeBound as string | null))
    return `${at}.assetBasedSalesChargeBound is not "minimum", "maximum" or null`;
  return null;
}

/** The first place where `doc` is not a parsed exhibit render can write, or null when it is one. */
export function renderableDocumentProblem(doc: unknown): string | null {
  if (!isObject(doc)) return 'the JSON is not an object';
  if (!KINDS.includes(doc.kind as string)) return `kind is not one of ${KINDS.join(', ')}`;
  const inst = doc.instrument;
  if (!isObject(inst)) return 'instrument is not an object';
  if (inst.kind !== 'plan' && inst.kind !== 'agreement') return 'instrument.kind is not plan or agreement';
  if (!isString(inst.title)) return 'instrument.title is not text';
  if (!isStringOrNull(inst.registrant)) return 'instrument.registrant is not text or null';
  if (!isStringOrNull(inst.datedAsOf)) return 'instrument.datedAsOf is not a date or null';
  if (!Array.isArray(inst.classes) || !inst.classes.every(isString))
    return 'instrument.classes is not a list of classes';
  if (!isStringOrNull(doc.exhibit)) return 'exhibit is not text or null';
  if (doc.amendmentNumber !== null && typeof doc.amendmentNumber !== 'number')
    return 'amendmentNumber is not a number or null';
  if (!isStringOrNull(doc.effectiveDate)) return 'effectiveDate is not a date or null';
  if (!isStringOrNull(doc.datedDate)) return 'datedDate is not a date or null';
  if (!isObject(doc.terms)) return 'terms is not an object';
  if (!isStringOrNull(doc.terms.distributionFeePct) || !isStringOrNull(doc.terms.serviceFeePct))
    return 'terms holds a rate that is not text or null';
  if (!Array.isArray(doc.schedules)) return 'schedules is not a list';
  for (const [i, s] of doc.schedules.entries()) {
    if (!isObject(s)) return `schedules[${i}] is not an object`;
    if (!isString(s.name)) return `schedules[${i}].name is not text`;
    if (typeof s.replacesEntirely !== 'boolean')
      return `schedules[${i}].replacesEntirely is not true or false`;
    if (!Array.isArray(s.entries)) return `schedules[${i}].entries is not a list`;
    for (const [j, e] of s.entries.entries()) {
      const problem = entryProblem(e, `schedules[${i}].entries[${j}]`);
      if (problem !== null) return problem;
    }
  }
  if (
    !Array.isArray(doc.renames) ||
    !doc.renames.every((r) => isObject(r) && isString(r.from) && isString(r.to))
  )
    return 'renames is not a list of { from, to }';
  if (
    !Array.isArray(doc.renameRules) ||
    !doc.renameRules.every((r) => isObject(r) && isString(r.replace) && isString(r.with))
  )
    return 'renameRules is not a list of { replace, with }';
  if (!Array.isArray(doc.footnotes) || !doc.footnotes.every(isString))
    return 'footnotes is not a list of text';
  return null;
}
