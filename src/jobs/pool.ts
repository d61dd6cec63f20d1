/**
 * The worker pool: the ONLY place in gradbot that creates worker threads. Training, rendering,
 * spell-model training and sampling all run here, so the main thread (the chat doors) never
 * blocks on heavy work.
 *
 * On top of piscina this adds what a shared teaching bot needs:
 * - fair queueing: one running job per user, a bounded queue, the waiting position reported;
 * - a time limit per job and a memory limit per worker; a job that times out, crashes its
 *   worker or runs it out of memory fails alone with a clear message, and the pool carries on;
 * - cancellation by AbortSignal (`/cancel`), also while a job is still waiting;
 * - progress over a transferred MessagePort (throttled in the worker, see ./worker.ts);
 * - UserInputErrors thrown in a worker arrive here as UserInputErrors.
 */
// canvas must be loaded by the main thread before any worker loads it, or the process dies
// with SIGSEGV when such a worker exits (see /work/shared/notes/SETUP.md). Render jobs run in
// these workers, so the module that creates them loads it.
import 'canvas';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Config } from '../config.js';
import { defineMessages, truncateQuote, UserInputError } from '../core/errors.js';
import { HANDLERS_BY_KIND, isJobKind } from './handlers.js';
import type { JobKinds, KindMap } from './kinds.js';
import type { WorkerReply, WorkerTask } from './worker.js';

export const jobMessages = defineMessages('job', {
  cancelled: { en: 'The job was cancelled.', ru: 'Задание отменено.' },
  timeout: {
    en: 'The job took longer than the limit of {seconds} s and was stopped. Try fewer epochs, fewer rows or a smaller network.',
    ru: 'Задание выполнялось дольше предела в {seconds} с и было остановлено. Уменьшите число эпох, строк или размер сети.',
  },
  out_of_memory: {
    en: 'The job ran out of memory (limit {mb} MB) and was stopped. Try a smaller file or a smaller network.',
    ru: 'Заданию не хватило памяти (предел {mb} МБ), оно остановлено. Попробуйте файл или сеть поменьше.',
  },
  crashed: {
    en: 'The job stopped unexpectedly. Other jobs are not affected; try again, and report a bug if it repeats.',
    ru: 'Задание неожиданно прервалось. Другие задания не пострадали; попробуйте ещё раз, а если повторится, сообщите об ошибке.',
  },
  queue_full: {
    en: 'The queue is full ({max} jobs are waiting). Please try again in a minute.',
    ru: 'Очередь заполнена (ждут {max} заданий). Попробуйте через минуту.',
  },
  unknown_kind: {
    en: 'Unknown job kind "{kind}".',
    ru: 'Неизвестный вид задания «{kind}».',
  },
  closed: {
    en: 'The worker pool is shutting down; the job was not run.',
    ru: 'Пул исполнителей останавливается; задание не выполнено.',
  },
});

/** Options of `createPool`. Every field has a default suited to a 2-core machine. */
export interface PoolOptions {
  /** Worker threads (default 2). */
  threads?: number;
  /** Threads kept alive when idle (default 0: the CLI should not pay for idle workers). */
  minThreads?: number;
  /** Each thread loads every handler module when it starts, not on its first job. */
  preload?: boolean;
  /** Old-generation heap limit of each worker in MB (default 512). */
  memoryMb?: number;
  /** Jobs that may wait; one more is rejected with `job.queue_full` (default 32). */
  maxQueue?: number;
  /** Default time limit of a running job in ms (default 60 000). */
  timeoutMs?: number;
  /** Minimum time between two progress reports in ms (default 250). */
  progressIntervalMs?: number;
  /**
   * Extra job kinds -> handler module URL (file:// href); for tests and plug-ins. Their types
   * are the pool's type argument: `createPool<MyKinds>({ extraHandlers: { echo: url } })`.
   */
  extraHandlers?: Record<string, string>;
  /** Extra kinds that count as long jobs (production kinds say so in ./handlers.ts). */
  longKinds?: readonly string[];
}

/**
 * The pool's options from the configuration: GRADBOT_WORKERS threads (one per core when
 * unset), GRADBOT_JOB_TIMEOUT_S per job, GRADBOT_WORKER_MEMORY_MB per worker.
 */
export function poolOptionsFrom(config: Pick<Config, 'workers' | 'jobTimeoutMs' | 'workerMemoryMb' | 'queueMax'>): PoolOptions {
  const threads = config.workers ?? availableParallelism();
  return {
    threads,
    // The bot keeps its threads, with every handler loaded, from the start: a class's first
    // pictures must not wait for threads to start and modules to load (seconds under load).
    minThreads: threads,
    preload: true,
    timeoutMs: config.jobTimeoutMs,
    memoryMb: config.workerMemoryMb,
    maxQueue: config.queueMax,
  };
}

/** Options of one job. */
export interface RunOptions<P = unknown> {
  /** Cancels the job: removes it from the queue or stops its worker. */
  signal?: AbortSignal;
  /** Called with each (throttled) progress report. */
  onProgress?: (progress: P) => void;
  /** Called with the 1-based queue position while the job waits, each time it changes. */
  onQueued?: (position: number) => void;
  /** Time limit of this job once it runs (default: the pool's). */
  timeoutMs?: number;
  /** Jobs of one user run one at a time. Without it, the job counts as its own user. */
  userId?: string;
}

/**
 * A running pool. `Kinds` maps each job kind to its payload, result and progress types
 * (./kinds.ts); tests that add kinds through `extraHandlers` add their types here.
 */
export interface WorkerPool<Kinds extends KindMap<Kinds> = JobKinds> {
  /** Runs a job of the given kind; resolves to the handler's result. */
  run<K extends keyof Kinds & string>(kind: K, payload: Kinds[K]['payload'], options?: RunOptions<Kinds[K]['progress']>): Promise<Kinds[K]['result']>;
  /** Numbers for status messages and tests. */
  stats(): { running: number; queued: number; threads: number };
  /** Rejects waiting jobs, stops running ones and ends the workers. */
  close(): Promise<void>;
}

interface Job {
  kind: string;
  payload: unknown;
  options: RunOptions<unknown>;
  user: string;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  lastPosition: number;
  /** Set once the job runs: stops it with a reason. */
  stop?: (reason: 'cancelled' | 'timeout' | 'closed') => void;
  detachSignal(): void;
}

const fromSource = import.meta.url.endsWith('.ts');

/**
 * Calls a submitter's callback. A callback that throws (say, a chat message that could not be
 * edited) must not break the queue or, from a port's message event, crash the process.
 */
function callSafely<T>(fn: ((v: T) => void) | undefined, v: T): void {
  try {
    fn?.(v);
  } catch {
    // The job goes on; the submitter just misses one notification.
  }
}

/**
 * Creates a pool of worker threads. The type argument adds the kinds of `extraHandlers`
 * (tests); production code uses the default, the kinds of ./kinds.ts.
 */
export function createPool<Extra extends KindMap<Extra> = Record<never, never>>(options: PoolOptions = {}): WorkerPool<JobKinds & Extra> {
  const threads = Math.max(1, options.threads ?? 2);
  const memoryMb = options.memoryMb ?? 512;
  const maxQueue = options.maxQueue ?? 32;
  const defaultTimeout = options.timeoutMs ?? 60_000;
  const progressIntervalMs = options.progressIntervalMs ?? 250;
  const extra = options.extraHandlers ?? {};

  const piscina = new Piscina({
    filename: new URL(`./worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
    // Under tsx / vitest the worker is TypeScript; `undefined` inherits execArgv ([] breaks tsx).
    // tsx is resolved from this file, not from the working directory: gradbot started from
    // another folder would otherwise find no tsx, and every job would fail.
    execArgv: fromSource ? ['--import', import.meta.resolve('tsx')] : undefined,
    minThreads: Math.min(options.minThreads ?? 0, threads),
    workerData: { preload: options.preload === true },
    maxThreads: threads,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
  // A worker that fails outside a task (say, it cannot start) is reported here; the tasks it
  // held reject on their own. Without a listener Node would end the whole bot on this event.
  piscina.on('error', () => undefined);

  const queue: Job[] = [];
  const active = new Set<Job>();
  const busyUsers = new Set<string>();
  let running = 0;
  let closed = false;
  let anon = 0;

  function notifyPositions(): void {
    queue.forEach((job, i) => {
      if (job.lastPosition !== i + 1) {
        job.lastPosition = i + 1;
        callSafely(job.options.onQueued, i + 1);
      }
    });
  }

  /** Long jobs (training) may hold all threads but one, so a picture always finds a thread soon. */
  const maxLong = Math.max(1, threads - 1);
  let runningLong = 0;
  const longKinds = new Set(options.longKinds ?? []);
  const isLong = (job: Job): boolean => HANDLERS_BY_KIND.get(job.kind)?.long === true || longKinds.has(job.kind);

  /**
   * Starts waiting jobs while threads are free: short jobs first (in arrival order), then long
   * ones while fewer than `maxLong` run; a user with a job running waits for it.
   */
  function pump(): void {
    while (running < threads) {
      const ready = (j: Job) => !busyUsers.has(j.user) && (!isLong(j) || runningLong < maxLong);
      let i = queue.findIndex((j) => ready(j) && !isLong(j));
      if (i < 0) i = queue.findIndex(ready);
      if (i < 0) break;
      const [job] = queue.splice(i, 1);
      if (job) start(job);
    }
    notifyPositions();
  }

  /** Why a running job failed, as a message a student can read. */
  function failure(reason: string | null, err: unknown, limitMs: number): UserInputError {
    if (reason === 'cancelled') return jobMessages.error('cancelled');
    if (reason === 'timeout') return jobMessages.error('timeout', { seconds: Math.round(limitMs / 100) / 10 });
    if (reason === 'closed') return jobMessages.error('closed');
    const e = err as { code?: unknown; message?: unknown } | null;
    const text = typeof e?.message === 'string' ? e.message : String(err);
    if (e?.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(text)) {
      return jobMessages.error('out_of_memory', { mb: memoryMb });
    }
    // The worker's own words (English, internal) stay out of the student's message; the
    // code still tells the job failed this way.
    return jobMessages.error('crashed', { detail: truncateQuote(text.split('\n')[0] ?? text, 100) });
  }

  function start(job: Job): void {
    running++;
    const long = isLong(job);
    if (long) runningLong++;
    active.add(job);
    busyUsers.add(job.user);
    const ac = new AbortController();
    let reason: 'cancelled' | 'timeout' | 'closed' | null = null;
    const limit = job.options.timeoutMs ?? defaultTimeout;
    job.stop = (r) => {
      if (reason) return;
      reason = r;
      ac.abort();
    };
    const timer = setTimeout(() => job.stop?.('timeout'), limit);
    const { port1, port2 } = new MessageChannel();
    let reply: WorkerReply | null = null;
    let progressDone = false;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const finish = (ok: boolean, value: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      port1.close();
      job.detachSignal();
      running--;
      if (long) runningLong--;
      active.delete(job);
      busyUsers.delete(job.user);
      if (ok) job.resolve(value);
      else job.reject(value);
      if (!closed) pump();
    };
    const complete = (): void => {
      if (!reply || !progressDone) return;
      if (reply.ok) finish(true, reply.result);
      else if ('userError' in reply) finish(false, UserInputError.fromPlain(reply.userError));
      else finish(false, jobMessages.error('unknown_kind', { kind: reply.unknownKind }));
    };

    port1.on('message', (m: { progress?: unknown; done?: boolean }) => {
      if (m.done) {
        progressDone = true;
        complete();
      } else if (!settled) {
        callSafely(job.options.onProgress, m.progress);
      }
    });

    const task: WorkerTask = { kind: job.kind, payload: job.payload, port: port2, progressIntervalMs };
    const url = extra[job.kind];
    if (url) task.moduleUrl = url;
    piscina.run(task, { transferList: [port2], signal: ac.signal }).then(
      (r: WorkerReply) => {
        reply = r;
        complete();
        // The done marker is posted before the reply; if it is somehow lost, do not hang.
        graceTimer = setTimeout(() => {
          progressDone = true;
          complete();
        }, 1000);
      },
      (err: unknown) => finish(false, failure(reason, err, limit)),
    );
  }

  /** The untyped core of `run`; the typed signature is the WorkerPool interface's. */
  function submit(kind: string, payload: unknown, opts: RunOptions<never>): Promise<unknown> {
    if (closed) return Promise.reject(jobMessages.error('closed'));
    if (!Object.hasOwn(extra, kind) && !isJobKind(kind)) return Promise.reject(jobMessages.error('unknown_kind', { kind }));
    if (opts.signal?.aborted) return Promise.reject(jobMessages.error('cancelled'));
    return new Promise<unknown>((resolve, reject) => {
        const job: Job = {
          kind,
          payload,
          // Progress values come from the worker as plain data of the kind's progress type.
          options: opts as RunOptions<unknown>,
          user: opts.userId !== undefined ? `u:${opts.userId}` : `anon:${anon++}`,
          resolve,
          reject,
          lastPosition: 0,
          detachSignal: () => opts.signal?.removeEventListener('abort', onAbort),
        };
        function onAbort(): void {
          const i = queue.indexOf(job);
          if (i >= 0) {
            queue.splice(i, 1);
            job.detachSignal();
            reject(jobMessages.error('cancelled'));
            notifyPositions();
          } else {
            job.stop?.('cancelled');
          }
        }
        const mustWait = running >= threads || busyUsers.has(job.user) || queue.length > 0;
        if (mustWait && queue.length >= maxQueue) {
          reject(jobMessages.error('queue_full', { max: maxQueue }));
          return;
        }
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(job);
        pump();
      });
  }

  return {
    run: (kind, payload, opts = {}) => submit(kind, payload, opts as RunOptions<never>) as Promise<never>,
    stats: () => ({ running, queued: queue.length, threads }),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) {
        job.detachSignal();
        job.reject(jobMessages.error('closed'));
      }
      for (const job of active) job.stop?.('closed');
      await piscina.destroy();
    },
  };
}
