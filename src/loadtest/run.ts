/**
 * `npm run loadtest`: a class-sized load on the local chat's HTTP API (README: "Load test").
 *
 * Starts the bot as a child process exactly as `npm start` does (src/main.ts, with a fresh
 * data folder and a free loopback port) with ./probe.ts preloaded, warms it up with two
 * commands, enables the probe, lets ./classroom.ts play for `--seconds`, samples the bot's
 * event-loop delay and RSS at the start, at 1/3, 1/2, 2/3 and the end, stops the bot with
 * SIGTERM (its graceful shutdown is part of the report) and prints the figures and targets.
 *
 * Rate limits: a simulated student sends a command every few seconds, more than the default
 * RATE_USER_PER_MIN allows, and a class answering in one group passes RATE_CHAT_PER_MIN; the
 * child gets limits high enough not to interfere (`--keep-limits` keeps the configured ones).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ChatClient, isLoopbackUrl } from './chat-client.js';
import { startBotChild, type BotChild } from './child.js';
import { runClass, type Measured } from './classroom.js';
import { MEASURED } from './classroom.js';
import { parseLoadArgs, USAGE, UsageError, type LoadOptions } from './options.js';
import type { LoopDelay, ProbeReply } from './probe-protocol.js';
import { checkTargets, formatReport, thisMachine, type BotFigures, type LoadReport } from './report.js';

type Sample = Extract<ProbeReply, { probe: 'sample' }>;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/** Limits high enough that the limiter never answers instead of the command being measured. */
const RAISED_LIMITS = { RATE_USER_PER_MIN: '10000', RATE_CHAT_PER_MIN: '100000' };

/** Waits until `GET /healthz` answers (the child printed its address, so this is quick). */
async function waitHealthy(base: string): Promise<void> {
  const until = performance.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not yet
    }
    if (performance.now() > until) throw new Error(`${base}/healthz did not answer within 30 s`);
    await sleep(200);
  }
}

/** Two commands before measuring, so the first chart of the run is not also the pool's first. */
async function warmUp(client: ChatClient): Promise<void> {
  const from = { id: 'warmup', name: 'Warm-up' };
  for (const text of ['/plot relu', '/quiz backprop 1']) {
    await client.post('warmup', { from, text, chatKind: 'private' });
  }
  const until = performance.now() + 30_000;
  while (performance.now() < until) {
    const msgs = await client.list('warmup', { as: from.id });
    if (msgs.filter((m) => m.from.bot && m.images.length > 0).length >= 2) return;
    await sleep(200);
  }
}

function botFigures(samples: Sample[]): BotFigures | null {
  const by = (label: string) => samples.find((s) => s.label === label);
  const start = by('start');
  const middle = by('middle');
  const end = by('end');
  if (!start || !middle || !end) return null;
  // The series counts from `enable`; the load starts at the 'start' sample.
  const startAt = start.rssSeries.at(-1)?.[0] ?? 0;
  const windows = samples.filter((s) => s.label !== 'start').map((s) => ({ label: WINDOW_NAMES[s.label] ?? s.label, loop: s.loop }));
  const loop: LoopDelay = end.loopTotal;
  return {
    loop,
    windows,
    rssMb: { start: mb(start.rssBytes), middle: mb(middle.rssBytes), end: mb(end.rssBytes), lastThirdMin: mb(end.rssMinBytes), lastThirdMax: mb(end.rssMaxBytes) },
    rssSeriesMb: samples.flatMap((s) => s.rssSeries.map(([t, b]): [number, number] => [Math.round((t - startAt) / 100) / 10, mb(b)])),
  };
}

const WINDOW_NAMES: Record<string, string> = { third: 'start..1/3', middle: '1/3..1/2', 'two-thirds': '1/2..2/3', end: '2/3..end' };

async function run(o: LoadOptions): Promise<LoadReport> {
  const machine = thisMachine();
  let child: BotChild | undefined;
  const stopChild = () => {
    if (child && !child.dead) void child.stop({ graceMs: 5000 });
  };
  // Ctrl-C: the bot goes down with the load test, never left behind.
  process.once('SIGINT', () => {
    process.stderr.write('loadtest: interrupted; stopping the bot.\n');
    void (child && !child.dead ? child.stop({ graceMs: 5000 }) : Promise.resolve()).finally(() => process.exit(130));
  });
  // However the run goes, it ends: warm-up and load, the longest reply timeout (training) after
  // each, and a margin for starting and stopping the bot.
  const overrun = setTimeout(
    () => {
      process.stderr.write('loadtest: the run overran its bound; stopping the bot.\n');
      stopChild();
      setTimeout(() => process.exit(3), 6000).unref();
    },
    (o.warmupSeconds + o.seconds + (2 * o.replyTimeoutMs * 3) / 1000 + 120) * 1000,
  );
  overrun.unref();
  try {
    let base: string;
    if (o.url !== undefined) {
      if (!isLoopbackUrl(o.url)) throw new UsageError(`--url must be a loopback address such as http://127.0.0.1:8787 (got "${o.url}")`);
      base = o.url.replace(/\/+$/, '');
    } else {
      child = await startBotChild({ entry: o.entry, env: o.keepLimits ? {} : RAISED_LIMITS, ...(o.cpuProf !== undefined ? { cpuProfileDir: o.cpuProf } : {}) });
      base = child.url;
    }
    await waitHealthy(base);
    const client = new ChatClient(base);
    await warmUp(client);
    if (o.warmupSeconds > 0) {
      // The same class, another seed, no round; nothing of it is counted.
      await runClass(client, { students: o.students, seconds: o.warmupSeconds, seed: o.seed + 7919, thinkMs: o.thinkMs, trainMax: o.trainMax, replyTimeoutMs: o.replyTimeoutMs, round: false });
    }

    const samples: Sample[] = [];
    const pending: Array<Promise<void>> = [];
    const sample = (label: string) => {
      const c = child;
      if (!c || c.dead) return;
      pending.push(
        c.probe({ probe: 'sample', label }, 'sample').then(
          (s) => void samples.push(s),
          () => undefined,
        ),
      );
    };
    const timers: NodeJS.Timeout[] = [];
    if (child) {
      await child.probe({ probe: 'enable' }, 'enabled');
      // The monitor records nothing until its timer has ticked (SETUP.md).
      await sleep(150);
      sample('start');
      await Promise.all(pending);
      const T = o.seconds * 1000;
      for (const [label, at] of [
        ['third', T / 3],
        ['middle', T / 2],
        ['two-thirds', (2 * T) / 3],
        ['end', T],
      ] as const) {
        timers.push(setTimeout(() => sample(label), at));
      }
    }
    const traced: string[] = [];
    const start = performance.now();
    const result = await runClass(client, {
      students: o.students,
      seconds: o.seconds,
      seed: o.seed,
      thinkMs: o.thinkMs,
      trainMax: o.trainMax,
      replyTimeoutMs: o.replyTimeoutMs,
      round: o.round,
      ...(o.trace !== undefined ? { trace: (t) => void traced.push(JSON.stringify({ ...t, at: Math.round(t.at - start) })) } : {}),
    });
    if (o.trace !== undefined) writeFileSync(o.trace, traced.join('\n') + '\n');
    for (const t of timers) clearTimeout(t);
    await Promise.all(pending);
    const bot = botFigures(samples);

    let shutdown: LoadReport['shutdown'] = null;
    if (child) {
      if (child.dead) throw new Error(`the bot died during the run. Its output:\n${child.output().slice(-4000)}`);
      const t0 = performance.now();
      const r = await child.stop();
      shutdown = { code: r.code, signal: r.signal, ms: Math.round(performance.now() - t0) };
    }
    let commands = 0;
    let errors = 0;
    let lost = 0;
    for (const m of MEASURED as readonly Measured[]) {
      commands += result.commands[m].count;
      errors += result.commands[m].errors;
      lost += result.commands[m].lost;
    }
    return {
      machine,
      options: { students: o.students, seconds: o.seconds, seed: o.seed, warmupSeconds: o.warmupSeconds, thinkMs: o.thinkMs, trainMax: o.trainMax, url: o.url, rateLimits: o.keepLimits || o.url !== undefined ? 'kept' : 'raised' },
      commands: result.commands,
      totals: { commands, errors, lost },
      round: result.round,
      streamReconnects: result.streamReconnects,
      durationMs: result.durationMs,
      bot,
      shutdown,
      targets: checkTargets(result.commands, bot),
    };
  } finally {
    clearTimeout(overrun);
    if (child && !child.dead) await child.stop({ graceMs: 5000 });
  }
}

async function main(): Promise<void> {
  let o: LoadOptions;
  try {
    o = parseLoadArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`loadtest: ${e.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!o.json) process.stderr.write(`loadtest: ${o.students} students for ${o.seconds} s${o.url ? ` against ${o.url}` : ''}...\n`);
  try {
    const report = await run(o);
    process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
    if (o.strict && report.targets.some((t) => !t.ok)) process.exitCode = 1;
  } catch (e) {
    process.stderr.write(`loadtest: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}

await main();
