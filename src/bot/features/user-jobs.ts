/**
 * The heavy jobs each user has running (a training, a custom spell generator), with the
 * AbortController that `/cancel` and the cancel button use. Kept in memory per bot: a job
 * does not survive a restart, so neither does its controller.
 *
 * The pool also runs one job per user at a time (it queues the second); this registry lets a
 * command say "you already have one running" before anything is queued.
 */
import type { BotServices } from '../services.js';

/** What a user has running. */
export interface RunningJob {
  /** `train`, `spells`... (for the messages). */
  kind: string;
  controller: AbortController;
  /** Milliseconds since the epoch. */
  startedAt: number;
}

/** The running jobs of one bot, by user key (`<door>:<userId>`). */
export class UserJobs {
  private readonly jobs = new Map<string, RunningJob>();

  /** The user's running job, if any. */
  get(user: string): RunningJob | undefined {
    return this.jobs.get(user);
  }

  /**
   * Registers a new job; returns undefined when the user already has one (the caller then
   * says so instead of queueing a second).
   */
  start(user: string, kind: string, now: number): RunningJob | undefined {
    if (this.jobs.has(user)) return undefined;
    const job: RunningJob = { kind, controller: new AbortController(), startedAt: now };
    this.jobs.set(user, job);
    return job;
  }

  /** Forgets the job (only this one: a newer job of the same user stays). */
  end(user: string, job: RunningJob): void {
    if (this.jobs.get(user) === job) this.jobs.delete(user);
  }

  /** Aborts the user's job and returns it; undefined when nothing was running. */
  cancel(user: string): RunningJob | undefined {
    const job = this.jobs.get(user);
    if (!job) return undefined;
    job.controller.abort();
    return job;
  }
}

// One registry per bot: the services object is created once per bot by the composition root
// (and once per test), so keying by it keeps two bots in one process apart.
const registries = new WeakMap<BotServices, UserJobs>();

/** The running-jobs registry of the bot these services belong to. */
export function userJobs(services: BotServices): UserJobs {
  let r = registries.get(services);
  if (!r) {
    r = new UserJobs();
    registries.set(services, r);
  }
  return r;
}
