/**
 * The load test's report: the figures per command, the bot's event-loop delay and RSS, the
 * machine, and each target met or missed; as a text table or as one JSON object.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import type { ClassResult, Measured } from './classroom.js';
import { MEASURED } from './classroom.js';
import type { LoopDelay } from './probe-protocol.js';
import type { Percentiles } from './stats.js';

/** The machine the figures come from. */
export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the run started (other work on the machine skews the figures). */
  loadAverage: number[];
}

/** This machine. */
export function thisMachine(): Machine {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** The probe's figures (absent with --url: the bot is not ours to probe). */
export interface BotFigures {
  /** Main-thread event-loop delay over the whole load, ms. */
  loop: LoopDelay;
  /** The same per window: start..1/3, 1/3..1/2, 1/2..2/3, 2/3..end. */
  windows: Array<{ label: string; loop: LoopDelay }>;
  rssMb: { start: number; middle: number; end: number; lastThirdMin: number; lastThirdMax: number };
  /** RSS once a second from the start of the load: [seconds, MB]. */
  rssSeriesMb: Array<[number, number]>;
}

/** How one target went. */
export interface Target {
  name: string;
  ok: boolean;
  detail: string;
}

/** Everything the run reports. */
export interface LoadReport {
  machine: Machine;
  options: { students: number; seconds: number; seed: number; warmupSeconds: number; thinkMs: [number, number]; trainMax: number; url: string | undefined; rateLimits: 'raised' | 'kept' };
  commands: ClassResult['commands'];
  totals: { commands: number; errors: number; lost: number };
  round: ClassResult['round'];
  streamReconnects: number;
  durationMs: number;
  bot: BotFigures | null;
  /** How the bot ended when the load test stopped it (SIGTERM). */
  shutdown: { code: number | null; signal: string | null; ms: number } | null;
  targets: Target[];
}

/** The targets of the issue, checked against the figures. */
export function checkTargets(commands: ClassResult['commands'], bot: BotFigures | null): Target[] {
  const out: Target[] = [];
  let errors = 0;
  let lost = 0;
  for (const m of MEASURED) {
    errors += commands[m].errors;
    lost += commands[m].lost;
  }
  out.push({ name: 'no errors and no lost replies', ok: errors === 0 && lost === 0, detail: `${errors} errors, ${lost} lost` });
  const slowFirst = MEASURED.filter((m) => commands[m].count > 0 && (commands[m].firstMs.p95 ?? Infinity) >= 1000);
  out.push({
    name: 'p95 to the first reply < 1 s for every command',
    ok: slowFirst.length === 0,
    detail: slowFirst.length === 0 ? 'all under 1 s' : slowFirst.map((m) => `${m} ${commands[m].firstMs.p95 ?? 'none'} ms`).join(', '),
  });
  const finals: Measured[] = ['/plot', '/quiz'];
  const slowFinal = finals.filter((m) => commands[m].count > 0 && (commands[m].finalMs.p95 ?? Infinity) >= 2000);
  out.push({
    name: 'p95 to the final reply < 2 s for /plot and /quiz',
    ok: slowFinal.length === 0,
    detail: finals.map((m) => `${m} ${commands[m].finalMs.p95 ?? 'none'} ms`).join(', '),
  });
  if (bot) {
    out.push({ name: 'event-loop delay p99 < 20 ms', ok: bot.loop.p99 < 20, detail: `p99 ${bot.loop.p99} ms (max ${bot.loop.max} ms)` });
    const mid = bot.rssMb.middle;
    const dev = Math.max(Math.abs(bot.rssMb.lastThirdMax - mid), Math.abs(bot.rssMb.lastThirdMin - mid)) / mid;
    out.push({
      name: 'RSS in the last third within 10 % of the middle',
      ok: dev <= 0.1,
      detail: `middle ${mid} MB, last third ${bot.rssMb.lastThirdMin}..${bot.rssMb.lastThirdMax} MB (${(dev * 100).toFixed(1)} %${bot.rssMb.lastThirdMax < mid ? ', all below the middle: no growth' : ''})`,
    });
  }
  return out;
}

const cell = (x: number | null) => (x === null ? '-' : String(Math.round(x)));
const pct = (p: Percentiles) => `${cell(p.p50)} / ${cell(p.p95)} / ${cell(p.p99)}`;

/** The report as text for a terminal. */
export function formatReport(r: LoadReport): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`gradbot load test: ${r.options.students} students, ${r.options.seconds} s${r.options.warmupSeconds > 0 ? ` after ${r.options.warmupSeconds} s of warm-up` : ''}, seed ${r.options.seed} (think ${r.options.thinkMs.join('-')} ms, rate limits ${r.options.rateLimits})`);
  lines.push(`machine: ${m.cores} cores, ${m.cpu}, Node ${m.node}, ${m.platform}; load average at the start ${m.loadAverage.join(' ')}`);
  lines.push('');
  const head = ['command', 'count', 'errors', 'lost', 'first p50/p95/p99 ms', 'final p50/p95/p99 ms'];
  const rows = MEASURED.map((c) => {
    const f = r.commands[c];
    return [c, String(f.count), String(f.errors), String(f.lost), pct(f.firstMs), pct(f.finalMs)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const fmt = (row: string[]) => row.map((x, i) => (i === 0 ? x.padEnd(widths[i] as number) : x.padStart(widths[i] as number))).join('  ');
  lines.push(fmt(head));
  for (const row of rows) lines.push(fmt(row));
  lines.push(`total: ${r.totals.commands} commands, ${r.totals.errors} errors, ${r.totals.lost} lost; round: ${r.round.started ? `${r.round.questions} questions, ${r.round.answers} answers` : 'not played'}`);
  if (r.streamReconnects > 0) lines.push(`event streams reopened: ${r.streamReconnects}`);
  const samples = MEASURED.flatMap((c) => r.commands[c].errorSamples.map((s) => `  ${c}: ${s}`));
  if (samples.length > 0) lines.push('', 'errors and lost replies (examples):', ...samples.slice(0, 15));
  lines.push('');
  if (r.bot) {
    const l = r.bot.loop;
    lines.push(`bot main thread, event-loop delay: p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms`);
    for (const w of r.bot.windows) lines.push(`  ${w.label.padEnd(14)} p50 ${w.loop.p50} ms, p99 ${w.loop.p99} ms, max ${w.loop.max} ms`);
    const s = r.bot.rssMb;
    lines.push(`bot RSS: start ${s.start} MB, middle ${s.middle} MB, end ${s.end} MB; last third ${s.lastThirdMin}..${s.lastThirdMax} MB`);
  } else {
    lines.push('bot event loop and RSS: not measured (--url drives a server this run did not start)');
  }
  if (r.shutdown) lines.push(`bot stopped by SIGTERM in ${r.shutdown.ms} ms (exit code ${r.shutdown.code ?? '-'}${r.shutdown.signal ? `, signal ${r.shutdown.signal}` : ''})`);
  lines.push('', 'targets:');
  for (const t of r.targets) lines.push(`  ${t.ok ? 'met   ' : 'MISSED'} ${t.name}: ${t.detail}`);
  return lines.join('\n');
}
