/**
 * The byte-level net-assets scanner: same rows as a plain split-and-parse, any chunking, quoted
 * fields, and errors that name the line and the field (SPEC §12).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type NetAssetsColumns,
  NetAssetsCsvError,
  NetAssetsCsvScanner,
  scanNetAssetsCsv,
} from '../../src/accrual/netAssetsColumns.js';
import { fromDayNumber } from '../../src/calendar/isoDate.js';
import { parseCents } from '../../src/money/cents.js';
import { accrualSampleAvailable, readAccrualSample } from './support/accrualSample.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function rowsOf(columns: NetAssetsColumns): string[] {
  const out: string[] = [];
  for (let r = 0; r < columns.rowCount; r++) {
    const c = columns.classIndex[r]!;
    out.push(
      `${fromDayNumber(columns.dayNumber[r]!)}|${columns.portfolios[c]}|${columns.classNames[c]}|${columns.netAssetsCents[r]}`,
    );
  }
  return out;
}

function scanInChunks(data: Uint8Array, cuts: number[]): NetAssetsColumns {
  const scanner = new NetAssetsCsvScanner('chunks', 4);
  let pending = new Uint8Array(0);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < data.length).sort((a, b) => a - b), data.length]) {
    if (cut <= at) continue;
    const buffer = new Uint8Array(pending.length + cut - at);
    buffer.set(pending);
    buffer.set(data.subarray(at, cut), pending.length);
    at = cut;
    const final = at === data.length;
    const used = scanner.scan(buffer, buffer.length, final);
    pending = buffer.slice(used);
  }
  return scanner.finish();
}

const sample = [
  'date,portfolio,class,net_assets',
  '2008-01-02,AIM Value Fund,C,63229601936.71',
  '2008-01-02,"AIM Fund, Inc.",A,5',
  '2008-01-03,AIM Value Fund,C,0.5',
  '2008-01-03,"AIM ""Quoted"" Fund",A,-12.34',
  '2008-01-03,AIM Fund\u00ae Europe,B,1.20',
].join('\r\n');

describe('net-assets CSV scanner', () => {
  it('reads dates, classes and integer cents, quoted fields included', () => {
    const columns = scanNetAssetsCsv(bytes(`${sample}\n`));
    expect(rowsOf(columns)).toEqual([
      '2008-01-02|AIM Value Fund|C|6322960193671',
      '2008-01-02|AIM Fund, Inc.|A|500',
      '2008-01-03|AIM Value Fund|C|50',
      '2008-01-03|AIM "Quoted" Fund|A|-1234',
      '2008-01-03|AIM Fund\u00ae Europe|B|120',
    ]);
    expect(columns.classKeys).toEqual([
      'AIM Value Fund|C',
      'AIM Fund, Inc.|A',
      'AIM "Quoted" Fund|A',
      'AIM Fund\u00ae Europe|B',
    ]);
  });

  it('gives the same columns however the bytes are chunked', () => {
    const data = bytes(sample);
    const whole = rowsOf(scanNetAssetsCsv(data));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: data.length }), { maxLength: 12 }), (cuts) => {
        expect(rowsOf(scanInChunks(data, cuts))).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it.skipIf(!accrualSampleAvailable)('agrees with split-and-parseCents on the SPEC accrual sample', () => {
    const { csv } = readAccrualSample();
    const expected = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [date, portfolio, cls, na] = line.split(',') as [string, string, string, string];
        return `${date}|${portfolio}|${cls}|${parseCents(na)}`;
      });
    expect(rowsOf(scanNetAssetsCsv(bytes(csv)))).toEqual(expected);
  });

  it.each([
    ['date,portfolio,class,nav\n', 1, 'header'],
    ['date,portfolio,class,net_assets\n2008-02-30,P,A,1\n', 2, 'date'],
    ['date,portfolio,class,net_assets\n2008-01-02,P,A,1\n2008/01/03,P,A,1\n', 3, 'date'],
    ['date,portfolio,class,net_assets\n2008-01-02,P,A,1.234\n', 2, 'net_assets'],
    ['date,portfolio,class,net_assets\n2008-01-02,P,A,12a\n', 2, 'net_assets'],
    ['date,portfolio,class,net_assets\n2008-01-02,P,A,\n', 2, 'net_assets'],
    ['date,portfolio,class,net_assets\n2008-01-02,P,A,99999999999999999\n', 2, 'net_assets'],
    ['date,portfolio,class,net_assets\n2008-01-02,,A,1\n', 2, 'portfolio'],
    ['date,portfolio,class,net_assets\n2008-01-02,P,A\n', 2, 'row'],
    ['date,portfolio,class,net_assets\n2008-01-02,"P,A,1\n', 2, '2'],
  ])('rejects %j at line %i, field %s', (text, line, field) => {
    try {
      scanNetAssetsCsv(bytes(text), 'feed.csv');
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(NetAssetsCsvError);
      expect(e).toMatchObject({ source: 'feed.csv', line, field });
    }
  });

  it('accepts a byte-order mark and a file without a final newline', () => {
    const columns = scanNetAssetsCsv(bytes('\ufeffdate,portfolio,class,net_assets\n2008-01-02,P,A,1'));
    expect(rowsOf(columns)).toEqual(['2008-01-02|P|A|100']);
  });
});
