/**
 * The generic worker entry: one exported function that piscina calls for every job.
 *
 * It picks the handler module by the job's kind (from ./handlers.ts, or a module URL the pool
 * was given, e.g. a test fixture), forwards progress over the transferred MessagePort at most
 * once per `progressIntervalMs` (plus the final report), and returns either the handler's
 * result or a UserInputError as plain data: a class instance would lose its code and texts when
 * piscina clones it to the main thread.
 */
import { getPriority, setPriority } from 'node:os';
import { isMainThread, workerData, type MessagePort } from 'node:worker_threads';
import { isUserInputError, type LocalizedMessage } from '../core/errors.js';
import { HANDLERS_BY_KIND, JOB_HANDLERS } from './handlers.js';
import type { JobModule } from './types.js';

/**
 * Lowers this worker thread's priority once, when the worker starts, for every kind of job.
 * Training, sampling and rendering are all heavy; the chat doors run on the main thread and
 * must answer promptly on a busy 2-core machine. On Linux a nice value belongs to a thread and
 * `setPriority(n)` without a pid changes the calling thread only, so the main thread keeps its
 * priority and is scheduled first. Jobs take the same time on an idle machine.
 */
export function lowerWorkerPriority(): boolean {
  // Imported on the main thread too (tests, the pool's types): never nice the chat thread.
  if (isMainThread) return false;
  try {
    // Never higher than it already is (a process started with `nice -n 15` stays at 15).
    setPriority(Math.max(10, getPriority()));
    return true;
  } catch {
    // Not permitted here (or not supported): jobs run the same, only less politely.
    return false;
  }
}

lowerWorkerPriority();

/** What the pool sends to a worker for one job. */
export interface WorkerTask {
  kind: string;
  payload: unknown;
  /** Progress goes here; transferred, so the worker owns it. */
  port: MessagePort;
  /** A handler module to load instead of the registry's (pool option `extraHandlers`). */
  moduleUrl?: string;
  progressIntervalMs: number;
}

/** What a worker sends back. Thrown (non-user) errors travel as piscina errors instead. */
export type WorkerReply =
  | { ok: true; result: unknown }
  | { ok: false; userError: LocalizedMessage }
  | { ok: false; unknownKind: string };

/**
 * Running from TypeScript sources (tsx, vitest), `--import tsx` in a worker's execArgv only
 * installs tsx's require hook on Node 20: this file loads, but dynamic `import()` of a .ts
 * handler fails with "Unknown file extension". Registering tsx's ESM hooks here fixes that.
 * Compiled builds (dist/*.js) skip it, so tsx stays a development dependency.
 */
let tsHooks: Promise<void> | undefined;
function ensureTypeScriptImports(): Promise<void> | undefined {
  if (!import.meta.url.endsWith('.ts')) return undefined;
  tsHooks ??= import('tsx/esm/api').then((api) => {
    api.register();
  });
  return tsHooks;
}

async function loadModule(task: WorkerTask): Promise<JobModule | undefined> {
  await ensureTypeScriptImports();
  // A test's or plug-in's module: its types are checked where the pool is created.
  if (task.moduleUrl) return (await import(task.moduleUrl)) as JobModule;
  const entry = HANDLERS_BY_KIND.get(task.kind);
  // Each entry's loader is typed by its own kind; here payloads are plain data from the pool.
  return entry ? ((await entry.load()) as JobModule) : undefined;
}

/**
 * Progress throttle: the handler may report every step; only the newest report is kept and it
 * is sent when `intervalMs` has passed since the last one. Training loops are synchronous, so a
 * timer would never fire in between: checking the clock on each call is what works.
 */
export function throttle(send: (p: unknown) => void, intervalMs: number, now: () => number = Date.now) {
  let last = -Infinity;
  let pending: { p: unknown } | null = null;
  return {
    report(p: unknown): void {
      const t = now();
      if (t - last >= intervalMs) {
        last = t;
        pending = null;
        send(p);
      } else {
        pending = { p };
      }
    },
    /** Sends the newest unsent report, so the receiver always sees the final state. */
    flush(): void {
      if (pending) send(pending.p);
      pending = null;
    },
  };
}

/**
 * The bot's pool asks each thread to load every handler when it starts (`preload`), so the
 * first chart of a class costs a render, not a module load. A module that fails to load here
 * is loaded (and its error reported) again by the job that needs it.
 */
if (!isMainThread && (workerData as { preload?: unknown } | null)?.preload === true) {
  void (async () => {
    await ensureTypeScriptImports();
    await Promise.allSettled(JOB_HANDLERS.map(async (h) => (await h.load()).warm?.()));
  })();
}

/** Runs one job inside a worker thread. */
export default async function runJob(task: WorkerTask): Promise<WorkerReply> {
  const t = throttle((p) => task.port.postMessage({ progress: p }), task.progressIntervalMs);
  try {
    const mod = await loadModule(task);
    if (!mod) return { ok: false, unknownKind: task.kind };
    const result = await mod.handle(task.payload, (p) => t.report(p));
    t.flush();
    return { ok: true, result };
  } catch (e) {
    t.flush();
    if (isUserInputError(e)) return { ok: false, userError: e.toPlain() };
    throw e;
  } finally {
    // Messages on one port arrive in order: this marker tells the pool that every progress
    // report has been delivered, so the result never overtakes the final report.
    task.port.postMessage({ done: true });
    task.port.close();
  }
}
