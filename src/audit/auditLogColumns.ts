/** `plan12b audit log --csv` (and the API's format=csv): one line per audit record, in order (SPEC §12). */
export const AUDIT_LOG_CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'subject',
  'contentHash',
  'detail',
  'prevHash',
  'hash',
] as const;
