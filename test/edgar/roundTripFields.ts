/**
 * SPEC §2.1 parse(render(x)) = x: the fields of a parsed exhibit that must read back — everything
 * `exhibit parse` prints of a document but its warnings and completeness (a rendering is marked as
 * one). Stated here for the tests, apart from the renderer's own check, so that a test says what it
 * compares.
 */
export const ROUND_TRIP_FIELDS = [
  'kind',
  'title',
  'exhibit',
  'instrument',
  'amendmentNumber',
  'effectiveDate',
  'datedDate',
  'terms',
  'schedules',
  'renames',
  'renameRules',
  'footnotes',
] as const;

/** The round-trip fields of a parsed exhibit (a field it leaves out as null). */
export const roundTripFields = (d: object) =>
  Object.fromEntries(ROUND_TRIP_FIELDS.map((k) => [k, (d as Record<string, unknown>)[k] ?? null]));
