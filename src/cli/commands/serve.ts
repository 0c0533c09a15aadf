import { type Command, Option } from 'commander';
import pino from 'pino';
import { startServer } from '../../api/server.js';
import { envNumber } from '../../envNumber.js';
import { Plan12bError } from '../../errors.js';
import { ON_DEMAND_COMMAND, onDemandIdleMs, removeStartingMarker } from '../../store/onDemandServe.js';
import { setRunningCommand } from '../../store/runningCommand.js';
import type { CliContext } from '../context.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Plan12bError(
      'USAGE',
      `--port ${JSON.stringify(value)} is not a port`,
      'give 0–65535 (0: any free port)',
    );
  return n;
}

/** `plan12b serve`: the HTTP API (and the dashboard, if built) over this database (SPEC §11). */
export function registerServeCommand(program: Command, getContext: () => CliContext): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API (OpenAPI at /openapi.json) and the dashboard; requests need a token (`plan12b tokens create`)',
    )
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <addr>', 'address to listen on; 127.0.0.1 keeps it on this machine', '127.0.0.1')
    .option('--rate-limit <n>', 'requests per second per token (0: no limit)', '50')
    .option('--json', 'print the address as JSON once listening')
    // started by a query command, not by people (src/store/onDemandServe.ts)
    .addOption(new Option('--on-demand', 'a query server started on demand by the CLI').hideHelp())
    .action(
      async (opts: { port: string; host: string; rateLimit: string; json?: boolean; onDemand?: boolean }) => {
        const ctx = getContext();
        // from the start: a stop asked for while the server starts is a clean stop once it has
        const stopped = stopSignal();
        if (opts.onDemand) {
          setRunningCommand(ON_DEMAND_COMMAND);
          // a server that fails to start does not leave queries waiting for it
          process.on('exit', () => removeStartingMarker(ctx.dbTarget, process.pid));
          const server = await startServer({
            dbTarget: ctx.dbTarget,
            port: 0,
            host: '127.0.0.1',
            logger: pino(
              { name: 'plan12b', level: process.env.PLAN12B_LOG_LEVEL ?? 'silent' },
              pino.destination(2),
            ),
            onDemand: { idleMs: onDemandIdleMs(process.env) },
          });
          await Promise.race([server.goes, stopped]);
          await server.close();
          return;
        }
        const perSecond = Number(opts.rateLimit);
        if (!Number.isFinite(perSecond) || perSecond < 0)
          throw new Plan12bError(
            'USAGE',
            `--rate-limit ${opts.rateLimit} is not a number of requests per second`,
          );
        // structured logs (pino) on stderr; the address on stdout
        const logger = pino(
          { name: 'plan12b', level: process.env.PLAN12B_LOG_LEVEL ?? 'info' },
          pino.destination(2),
        );
        const server = await startServer({
          dbTarget: ctx.dbTarget,
          port: port(opts.port),
          host: opts.host,
          rateLimit: { perSecond, burst: Math.max(1, perSecond * 2) },
          logger,
          // connections to a PostgreSQL server (PGlite is one): $PLAN12B_SERVE_CONNECTIONS (a whole
          // number from 1 to 1000; anything else is a usage error, src/envNumber.ts), else 4
          connections: envNumber('PLAN12B_SERVE_CONNECTIONS', 4, {
            min: 1,
            max: 1000,
            integer: true,
            unit: 'connections',
          }),
        });
        ctx.out(
          opts.json
            ? JSON.stringify({ url: server.url, port: server.port })
            : `plan12b serve: listening on ${server.url}`,
        );
        if (!opts.json && server.discoveryFile)
          ctx.out(
            `plan12b serve: query commands on ${ctx.dbTarget} are answered here while it runs (${server.discoveryFile})`,
          );
        await stopped;
        await server.close();
      },
    );
}

/** Resolves at SIGINT or SIGTERM. */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
