import { z } from '@hono/zod-openapi';
import { buildIdentity } from '../../buildIdentity.js';
import { forwardableQuery } from '../../cli/forwardableQuery.js';
import { main } from '../../cli/main.js';
import { Plan12bError } from '../../errors.js';
import { defineRoute } from '../apiRoute.js';
import { mayDo, roleToken } from '../roles.js';

/**
 * The CLI's query commands, answered by the server that holds the embedded store (issue 13 item 4):
 * `plan12b <query>` finds the server by its discovery file (src/store/serveDiscovery.ts) and sends
 * its command line here; the server runs the very same command (src/cli/main.ts) on the store it
 * keeps open and returns what it printed and its exit code — the CLI prints them as they are, so
 * the two ways cannot differ. Only the lines of src/cli/forwardableQuery.ts: reads that print,
 * never a write, never a file read or written on the server's disk.
 */
export const cliRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cli/query',
    operationId: 'cliQuery',
    summary:
      'a plan12b query command line, answered as the CLI prints it: stdout, stderr and the exit code (the CLI forwards here while serve holds the embedded store)',
    tag: 'cli',
    permission: 'read',
    body: {
      kind: 'json',
      schema: z.object({
        args: z
          .array(z.string().max(4096))
          .max(64)
          .openapi({ example: ['schedule', '--as-of', '2025-06-30', '--json'] }),
        build: z.string().openapi({ description: 'the build of the CLI (dist/cli/build.json)' }),
      }),
    },
    response: z
      .object({
        exitCode: z.number().int(),
        stdout: z.string(),
        stderr: z.string(),
        sequence: z.array(z.tuple([z.enum(['stdout', 'stderr']), z.number().int()])).openapi({
          description:
            'the order the command wrote in: [stream, characters] runs that, in turn, cut stdout and stderr',
        }),
      })
      .openapi('CliAnswer'),
    errors: ['USAGE', 'CONFLICT'],
    async run({ body, use, c }) {
      const { args, build } = body as { args: string[]; build: string };
      const query = forwardableQuery(args);
      if (!query)
        throw new Plan12bError(
          'USAGE',
          `plan12b serve does not answer \`plan12b ${args.join(' ')}\`: only query commands that print, without files`,
          'run it in-process (--no-server), with the server stopped if it needs the store',
        );
      if (query.db !== undefined)
        throw new Plan12bError(
          'USAGE',
          `plan12b serve answers from the store it holds, not from --db ${query.db}`,
          'leave --db out of args (the CLI sends a query here only when its --db is the served store)',
        );
      const own = buildIdentity();
      if (own === undefined || build !== own)
        throw new Plan12bError(
          'CONFLICT',
          `this server is plan12b build ${own ?? '(not built)'}, the CLI build ${build}`,
          'restart plan12b serve after a rebuild, or run the command in-process',
        );
      const holder = c.get('holder');
      if (query.audit && !mayDo(holder.role, 'audit'))
        throw new Plan12bError(
          'FORBIDDEN',
          `${roleToken(holder.role)} may not read the audit log`,
          'the audit commands need an auditor token',
        );
      let stdout = '';
      let stderr = '';
      // the order of the writes, so that a terminal shows a note before the table it precedes
      const sequence: ['stdout' | 'stderr', number][] = [];
      const wrote = (stream: 'stdout' | 'stderr', text: string) => {
        const last = sequence.at(-1);
        if (last?.[0] === stream) last[1] += text.length;
        else if (text.length > 0) sequence.push([stream, text.length]);
      };
      const exitCode = await main(['node', 'plan12b', ...args], {
        output: {
          out: (t) => {
            stdout += t;
            wrote('stdout', t);
          },
          err: (t) => {
            stderr += t;
            wrote('stderr', t);
          },
        },
        // a route that does not change state: every forwarded query reads in one snapshot
        // (readSnapshot); a read outside one is refused as a bug (apiRoute.ts)
        database: use,
      });
      return { exitCode, stdout, stderr, sequence };
    },
  }),
];
