import { benchAccrual } from './accrualBench.js';
import { benchClassB } from './classBBench.js';
import { benchCliStart } from './cliStart.js';
import { benchClose } from './closeBench.js';
import { benchExhibitImport } from './exhibitImportBench.js';
import { benchExhibitParse } from './exhibitParse.js';
import { benchMonthPass } from './monthPassBench.js';
import { benchServeLoad } from './serveLoad.js';
import { benchServiceFees } from './serviceFeesBench.js';
import { benchStoreStart } from './storeStart.js';
import { benchTestStoreCopy } from './testStoreCopy.js';

/**
 * `npm run bench`: every benchmark, with its peers, printed as one JSON document.
 * `npm run bench -- --only parse,import,accrual` runs some; `--quick` runs small sizes.
 */
async function main(): Promise<void> {
  // A query a benchmark spawns does not leave a query server behind (src/store/onDemandServe.ts):
  // it would hold the bench's folder and take CPU from the next measurement. The CLI start-up
  // bench turns it on for its own "on-demand server" peers.
  process.env.PLAN12B_AUTO_SERVE ??= 'off';
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg =
    args.find((a) => a.startsWith('--only='))?.slice(7) ??
    (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);
  const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
  const want = (name: string) => !only || only.has(name);
  const serverUrl = process.env.PLAN12B_TEST_PG_URL ?? process.env.PLAN12B_BENCH_PG_URL;
  const out: Record<string, unknown> = {
    machine: {
      node: process.version,
      platform: process.platform,
      cpus: (await import('node:os')).cpus().length,
    },
    startedAt: new Date().toISOString(),
  };
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  if (want('parse')) {
    log('exhibit parsing throughput');
    out.exhibitParse = await benchExhibitParse(quick ? { targetMb: 5 } : {});
  }
  if (want('import')) {
    log('exhibit import (PGlite and server)');
    out.exhibitImport = await benchExhibitImport({
      documents: quick ? 100 : 1000,
      ...(serverUrl ? { serverUrl } : {}),
    });
  }
  if (want('accrual')) {
    log('daily fee accrual vs DuckDB and the decimal reference');
    out.accrual = await benchAccrual({
      ...(quick ? { classes: 2000, productClasses: [100], profile: false } : {}),
      ...(serverUrl ? { serverUrl } : {}),
      log,
    });
  }
  if (want('service-fees')) {
    log('service fees: 5,000 providers × 3,000 classes, a month');
    out.serviceFees = await benchServiceFees(quick ? { providers: 200, classes: 300 } : {});
  }
  if (want('class-b')) {
    log('Class B ledger: 1,000,000 accounts, 5,000,000 lots, a month of 1,000,000 transactions');
    out.classB = await benchClassB({
      ...(quick ? { accounts: 5000, lots: 25_000, transactions: 5000 } : {}),
      ...(serverUrl ? { serverUrl } : {}),
    });
  }
  if (want('month-pass')) {
    log('Class B month in one pass: 1,000,000 accounts, 5,000,000 lots, ~1,050,000 transactions, in memory');
    out.monthPass = await benchMonthPass(
      quick ? { accounts: 20_000, chunkAccounts: 5_000, peerSample: 5_000 } : {},
    );
  }
  if (want('close')) {
    log('month close: the Class B complex + 200 omnibus accounts + 3 Assignees on PGlite and the server');
    out.close = await benchClose(
      {
        accounts: quick ? 5000 : 1_000_000,
        ...(serverUrl ? { serverUrl } : {}),
      },
      log,
    );
  }
  if (want('serve')) {
    log('plan12b serve: registry query quiet, and 100 readers during month closes on the server');
    out.serve = await benchServeLoad(
      { ...(serverUrl ? { serverUrl } : {}), ...(quick ? { quietSeconds: 2, readers: 20 } : {}) },
      log,
    );
  }
  if (want('store-start')) {
    log('CLI start, a new store, a store opened: each command spawned as a user runs it');
    out.storeStart = await benchStoreStart(quick ? { runs: 2 } : {}, log);
  }
  if (want('cli')) {
    log('query commands on the embedded store, spawned as a user runs them (issue 13 item 4)');
    out.cliStart = await benchCliStart({ runs: quick ? 3 : 7 }, log);
  }
  if (want('test-store')) {
    log('a test store written and removed: the system temporary folder against /dev/shm (issue 14 item 6)');
    out.testStoreCopy = await benchTestStoreCopy({ copies: quick ? 3 : 15 });
  }
  process.stdout.write(`${JSON.stringify(out, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
