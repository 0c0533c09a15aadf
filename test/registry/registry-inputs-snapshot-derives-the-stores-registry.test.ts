import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeRegistryInputs,
  encodeRegistryInputs,
  registryOfInputs,
} from '../../src/store/registryInputs.js';
import { deriveRegistry, loadRegistryInputs } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { recordRegistryInputs } from '../support/registryInputsFixture.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Issue 13 item 4: the registry snapshot holds the registry's inputs as text; the registry derived
 * from that text, for any day, is the registry derived from the store on that day (lapses are
 * judged as of today, so the day is an input of the derivation, not of the snapshot).
 */

const big = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));

describe('the registry inputs as text', () => {
  it('come back equal, bigints included, whatever the values (property)', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(
        fc.string().filter((k) => k !== '__proto__'),
        tie('value'),
        { maxKeys: 4 },
      ),
    }));
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 5 }),
        fc.array(fc.bigInt(), { maxLength: 3 }),
        (documents, units) => {
          const inputs = {
            documents: documents as never,
            rates: [],
            approvals: units.map((u) => ({ vote: { kind: 'shareholder-vote', forUnits: u } })) as never,
            terminations: [],
            settings: [['continuance.basis', 'year-by-year']] as const,
          };
          expect(decodeRegistryInputs(encodeRegistryInputs(inputs))).toEqual(inputs);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!seedsAvailable).each(dialects)('the registry from the snapshot text, on %s', (dialect) => {
  let store: TestDatabase;
  beforeAll(async () => {
    store = await freshDatabase(dialect);
    await recordRegistryInputs(store.target, ['approvals.enforce', 'true']);
  });
  afterAll(() => store.drop());

  it('answers every question as the registry derived from the store, for every day judged on', async () => {
    const db = await store.open();
    try {
      const text = encodeRegistryInputs(await loadRegistryInputs(db));
      const inputs = decodeRegistryInputs(text);
      expect(inputs.approvals.some((a) => a.vote.kind === 'shareholder-vote')).toBe(true);
      for (const today of ['2004-06-01', '2005-07-01', '2026-12-01']) {
        const fromStore = (await deriveRegistry(db, today)).registry;
        const fromText = registryOfInputs(inputs, today).registry;
        const names = fromStore.identities.portfolios.flatMap((p) => p.names);
        expect(names.length).toBeGreaterThan(100);
        for (const asOf of ['2002-06-03', '2004-10-15', '2005-07-01', '2006-04-01', '2026-12-01']) {
          expect(big(fromText.scheduleAsOf(asOf, {})), `${today} ${asOf}`).toBe(
            big(fromStore.scheduleAsOf(asOf, {})),
          );
          expect(big(fromText.continuance(asOf))).toBe(big(fromStore.continuance(asOf)));
        }
        for (const name of names)
          expect(big(fromText.portfolioHistory(name)), name).toBe(big(fromStore.portfolioHistory(name)));
      }
    } finally {
      await db.close();
    }
  });
});
