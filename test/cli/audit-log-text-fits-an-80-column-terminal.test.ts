import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/auditChain.js';
import { auditLogText } from '../../src/cli/auditLogText.js';

/**
 * `plan12b audit log` without --json is read on a terminal: every line fits 80 columns. It was a
 * table padded to the longest subject and detail, and a close's detail (its part hashes) made every
 * line of the demo's log 2,310 columns wide.
 */
const record = (seq: number, action: string, subject: string, detail: string): AuditRecord => ({
  seq,
  at: '2026-12-05T12:43:21.067Z',
  actor: 'Jane Doe, Treasurer',
  action,
  subject,
  contentHash: 'c'.repeat(64),
  detail,
  prevHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
});
const parts = ['completeness', 'fees', 'service-fees', 'class-b', 'monthly-calculation', 'journal']
  .map((p) => `${p}:${'0123456789abcdef'.repeat(4)}`)
  .join(' ');

describe('audit log as text', () => {
  it('a short record: its head, subject and detail whole, each line within 80 columns', () => {
    const lines = auditLogText([record(2, 'net-assets.import', 'net-assets-2025.csv', 'import 1: 8190 new')]);
    expect(lines).toEqual([
      '#2  2026-12-05T12:43:21.067Z  net-assets.import  Jane Doe, Treasurer',
      '    net-assets-2025.csv',
      '    import 1: 8190 new',
      '1 record',
    ]);
  });

  it('a close with its part hashes: cut after two lines with …, and a footer naming the whole forms', () => {
    const lines = auditLogText([
      record(28, 'month.close', '2025-11', parts),
      record(29, 'month.close', '2025-12', parts),
    ]);
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('#28  2026-12-05T12:43:21.067Z  month.close  Jane Doe, Treasurer');
    expect(lines[1]).toBe('     2025-11');
    expect(lines[2]).toBe(`     completeness:${'0123456789abcdef'.repeat(4)} fees:`.slice(0, 80).trimEnd());
    expect(lines[3]!.endsWith('…')).toBe(true);
    expect(lines.at(-2)).toBe('2 records');
    expect(lines.at(-1)).toBe('(… cut after two lines: --json, --csv or --xlsx give the whole texts)');
  });

  it('a word longer than a line is broken where it must; an empty log says 0 records', () => {
    const lines = auditLogText([record(1, 'exhibit.import', 'x'.repeat(100), '')]);
    expect(lines).toEqual([
      '#1  2026-12-05T12:43:21.067Z  exhibit.import  Jane Doe, Treasurer',
      `    ${'x'.repeat(76)}`,
      `    ${'x'.repeat(24)}`,
      '1 record',
    ]);
    expect(auditLogText([])).toEqual(['0 records']);
  });
});
