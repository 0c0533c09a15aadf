import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { type ApiFixture, apiFixture, netAssetsCsv } from '../api/apiFixture.js';
import { dialects } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Standing rule 3 through the API (SPEC §12, §11): uploads of different feeds from several clients
 * at once — net assets, accounts, providers, the prime rate and an exhibit — and the SAME net-assets
 * file from two clients at once. Each lands whole in one transaction with one audit record naming
 * its own token's actor; none is lost; the same file is recorded once (the other upload finds every
 * row unchanged); the log verifies.
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'API uploads from several clients at once (%s)',
  (dialect) => {
    let f: ApiFixture;
    beforeAll(async () => {
      f = await apiFixture(dialect);
    });
    afterAll(async () => {
      await f?.close();
    });

    it('each audited with its token’s actor, none lost, the same file recorded once', async () => {
      const march = netAssetsCsv('2007-03-01', '2007-03-30');
      const marchDays = march.toString().split('\n').length - 1;
      const exhibit = seedExhibitFiles().find((s) => s.fileName.includes('000_'))!;
      const upload = (path: string, token: string, body: string | Buffer, type = 'text/csv') =>
        f.request('POST', path, { token, body, type }).then(async (r) => ({
          status: r.status,
          body: (await r.json()) as { inserted: number; unchanged: number },
        }));

      const [marchByOperator, marchByAdmin, accounts, providers, prime, filed] = await Promise.all([
        upload('/api/imports/net-assets?fileName=march.csv', f.tokens.operator, march),
        upload('/api/imports/net-assets?fileName=march.csv', f.tokens.admin, march),
        upload(
          '/api/imports/accounts?fileName=accounts.csv',
          f.tokens.operator,
          'account,omnibus,dealer_of_record\nR1,no,D\n',
        ),
        upload(
          '/api/imports/providers?fileName=providers.csv',
          f.tokens.admin,
          'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2000-01-01,,\n',
        ),
        upload(
          '/api/imports/prime-rate?fileName=prime.csv',
          f.tokens.operator,
          'effective_date,prime_rate,source\n2007-01-02,8.25,The Wall Street Journal\n',
        ),
        upload('/api/imports/exhibits?fileName=000.txt', f.tokens.admin, exhibit.bytes, 'text/plain'),
      ]);
      for (const r of [marchByOperator, marchByAdmin, accounts, providers, prime, filed])
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      // the same file: one upload records every row, the other finds them all unchanged
      expect([marchByOperator.body, marchByAdmin.body].map((b) => [b.inserted, b.unchanged]).sort()).toEqual([
        [0, marchDays],
        [marchDays, 0],
      ]);
      const marchBy = marchByOperator.body.inserted > 0 ? 'token:operator (operator)' : 'token:admin (admin)';

      const log = await f.store.use((db) => loadAuditLog(db));
      const bySubject = (subject: string) =>
        log.filter((r) => r.subject === subject).map((r) => [r.action, r.actor]);
      expect(bySubject('march.csv')).toEqual([['net-assets.import', marchBy]]);
      expect(bySubject('accounts.csv')).toEqual([['accounts.import', 'token:operator (operator)']]);
      expect(bySubject('providers.csv')).toEqual([['providers.import', 'token:admin (admin)']]);
      expect(bySubject('prime.csv')).toEqual([['prime-rate.import', 'token:operator (operator)']]);
      expect(log.filter((r) => r.action === 'exhibit.import').map((r) => r.actor)).toContain(
        'token:admin (admin)',
      );

      const verified = await f.request('GET', '/api/audit/verify', { token: f.tokens.auditor });
      expect(verified.status).toBe(200);
      expect(await verified.json()).toMatchObject({ ok: true });
    });
  },
);
