import { randomUUID } from 'node:crypto';
import { calendarRefusal } from '../calendar/nyseCalendar.js';
import { monthCloseSteps } from '../close/closeSteps.js';
import { type CloseResult, closeMonth } from '../close/monthClose.js';
import { errorDocument, InternalError, Plan12bError } from '../errors.js';
import { withActor } from '../store/actor.js';
import { databaseRefusal } from '../store/databaseRefusal.js';
import type { ApiStore } from './apiStore.js';

/** What `plan12b close` accepts besides its month (SPEC §12), as the API's close carries it. */
export interface CloseJobOptions {
  /** start the books at this month (`--first`): only while no month is closed */
  readonly first: boolean;
  /** classes whose net-assets feed stopped, accepted as ended (`--accept-ended PORTFOLIO:CLASS`) */
  readonly acceptEnded: readonly string[];
  /** a later payment date the Distributor instructs in writing (`--due-date`, SEVENTH(B)) */
  readonly instructedDueDate: string | null;
}

/** One month close started through the API: its progress while it runs, then its result. */
export interface CloseJob {
  readonly id: string;
  readonly month: string;
  readonly startedBy: string;
  readonly startedAt: string;
  /** what the close was asked for besides its month (`close --first`, `--accept-ended`, `--due-date`) */
  readonly options: CloseJobOptions;
  state: 'running' | 'sealed' | 'failed';
  step: { readonly title: string; readonly index: number; readonly count: number } | null;
  finishedAt: string | null;
  result: { month: string; closedBy: string; resultsHash: string; parts: string[] } | null;
  error: ReturnType<typeof errorDocument>['error'] | null;
}

/**
 * The closes this server has started (SPEC §12 `close --month`, run by the same `closeMonth` the
 * CLI runs, under the token's actor): `start` answers at once with an id; the close runs in the
 * background, through the writer lock and its one transaction, and the job records each step.
 * Jobs live in memory: the sealed month itself is in the database (GET /api/months/{month}). A
 * server keeps every running job and the newest `keepFinished` finished ones (1,000), the oldest
 * finished dropped first: a client sending a close that fails again and again grew the server's
 * memory and the jobs list without bound (hostile7).
 */
export class CloseJobs {
  private readonly jobs = new Map<string, CloseJob>();
  private readonly running = new Set<Promise<unknown>>();
  /** the finished jobs' ids, oldest finished first */
  private readonly finished: string[] = [];
  private readonly keepFinished: number;

  constructor(
    private readonly store: ApiStore,
    opts: { readonly keepFinished?: number } = {},
  ) {
    this.keepFinished = opts.keepFinished ?? 1000;
  }

  start(month: string, options: CloseJobOptions, actor: string): CloseJob {
    const job: CloseJob = {
      id: randomUUID(),
      month,
      startedBy: actor,
      startedAt: new Date().toISOString(),
      options,
      state: 'running',
      step: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.id, job);
    const run = withActor(actor, () =>
      this.store.write(
        (db) =>
          closeMonth(db, month, monthCloseSteps(), {
            first: options.first,
            acceptEnded: options.acceptEnded,
            instructedDueDate: options.instructedDueDate,
            onStep: (title, index, count) => {
              job.step = { title, index, count };
            },
          }),
        `the close of ${month}, job ${job.id}`,
      ),
    ).then(
      (r: CloseResult) => {
        job.state = 'sealed';
        job.result = {
          month: r.month,
          closedBy: r.closedBy,
          resultsHash: r.resultsHash,
          parts: Object.keys(r.parts),
        };
      },
      (e: unknown) => {
        job.state = 'failed';
        job.error = errorDocument(
          e instanceof Plan12bError ? e : (databaseRefusal(e) ?? calendarRefusal(e) ?? new InternalError(e)),
        ).error;
      },
    );
    const tracked = run.finally(() => {
      job.finishedAt = new Date().toISOString();
      this.running.delete(tracked);
      this.finished.push(job.id);
      for (const old of this.finished.splice(0, Math.max(0, this.finished.length - this.keepFinished)))
        this.jobs.delete(old);
    });
    this.running.add(tracked);
    return job;
  }

  get(id: string): CloseJob | undefined {
    return this.jobs.get(id);
  }

  list(): CloseJob[] {
    return [...this.jobs.values()];
  }

  /** Waits for every close still running (the server's shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
