// Reports rendered in the background (7.0's `report` then `report_get`): each job has an id,
// belongs to the database and user that asked, and is kept until fetched or for a while.
import { AccessDenied, CallError, UserError } from '../errors';

export type JobState = { state: 'pending' } | { state: 'done'; result: Buffer } | { state: 'failed'; error: unknown };

interface Job {
  db: string;
  uid: number;
  startedAt: number;
  outcome: JobState;
}

export interface ReportJobsOptions {
  /** How long an unfetched job is kept. */
  keepMs?: number;
  /** Most jobs kept at once (the oldest finished ones go first). */
  maxJobs?: number;
}

export class ReportJobs {
  private nextId = 1;
  private readonly jobs = new Map<number, Job>();
  private readonly keepMs: number;
  private readonly maxJobs: number;

  constructor(opts: ReportJobsOptions = {}) {
    this.keepMs = opts.keepMs ?? 10 * 60_000;
    this.maxJobs = opts.maxJobs ?? 500;
  }

  /** Starts `work` and returns the job's id at once. */
  start(db: string, uid: number, work: () => Promise<Buffer>): number {
    this.prune();
    if (this.jobs.size >= this.maxJobs) {
      throw new UserError('Too many reports are being prepared right now; please try again in a moment.', 'Report Error');
    }
    const id = this.nextId++;
    const job: Job = { db, uid, startedAt: Date.now(), outcome: { state: 'pending' } };
    this.jobs.set(id, job);
    work().then(
      (result) => { job.outcome = { state: 'done', result }; },
      (error: unknown) => { job.outcome = { state: 'failed', error }; },
    );
    return id;
  }

  /** The job's state for its owner; a finished job is handed over once, then forgotten. */
  take(db: string, uid: number, id: unknown): JobState {
    const job = typeof id === 'number' ? this.jobs.get(id) : undefined;
    // 7.0 raises Exception('ReportNotFound') for an id it never handed out.
    if (!job || job.db !== db) throw new CallError('ReportNotFound', 'Exception');
    if (job.uid !== uid) throw new AccessDenied();
    if (job.outcome.state !== 'pending') this.jobs.delete(id as number);
    return job.outcome;
  }

  /** Jobs not fetched in time go; then, over the cap, the oldest finished ones. */
  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (now - job.startedAt > this.keepMs && job.outcome.state !== 'pending') this.jobs.delete(id);
    }
    for (const [id, job] of this.jobs) {
      if (this.jobs.size < this.maxJobs) break;
      if (job.outcome.state !== 'pending') this.jobs.delete(id);
    }
  }
}

