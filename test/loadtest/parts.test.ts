/**
 * The load test's own parts: percentiles, the event-stream reader, the command line, the
 * targets, what counts as which reply; and `npm run loadtest` end to end with a tiny class
 * (it starts the bot as a child, measures, stops by itself and kills the child).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../src/adapters/local/wire.js';
import { isLoopbackUrl } from '../../src/loadtest/chat-client.js';
import { REPO_ROOT } from '../../src/loadtest/child.js';
import { MEASURED } from '../../src/loadtest/classroom.js';
import { parseLoadArgs, UsageError } from '../../src/loadtest/options.js';
import { isQuestion, isSolutionOf, isSpellNames, troubleIn } from '../../src/loadtest/replies.js';
import { checkTargets, type LoadReport } from '../../src/loadtest/report.js';
import { readSse, type SseEvent } from '../../src/loadtest/sse.js';
import { CommandStats, percentiles, type CommandFigures } from '../../src/loadtest/stats.js';

const msg = (text: string, extra: Partial<WireMessage> = {}): WireMessage => ({
  id: '5',
  seq: 5,
  from: { id: 'gradbot', name: 'gradbot', bot: true },
  text,
  rich: [],
  images: [],
  imageAlts: [],
  buttons: [],
  files: [],
  at: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('percentiles', () => {
  it('are nearest-rank over the values', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(v)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7 });
    expect(percentiles([])).toEqual({ p50: null, p95: null, p99: null, max: null });
  });

  it('count errors and lost replies apart from the times', () => {
    const s = new CommandStats();
    s.ok(10, 20);
    s.error('bad', 5);
    s.lostReply('gone');
    const f = s.figures();
    expect([f.count, f.errors, f.lost]).toEqual([3, 1, 1]);
    expect(f.firstMs.max).toBe(10);
    expect(f.finalMs).toEqual({ p50: 20, p95: 20, p99: 20, max: 20 });
    expect(f.errorSamples).toEqual(['bad', 'lost: gone']);
  });
});

describe('the event-stream reader', () => {
  it('splits events across chunk boundaries and skips comments', async () => {
    const chunks = ['retry: 2000\n: connected\n\nid: 3\nda', 'ta: {"a":1}\n\n', 'event: typing\ndata: x\ndata: y\n\n: ping\n\n'];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const k of chunks) c.enqueue(new TextEncoder().encode(k));
        c.close();
      },
    });
    const seen: SseEvent[] = [];
    await readSse(body, (e) => seen.push(e));
    expect(seen).toEqual([
      { event: 'message', data: '{"a":1}', id: '3' },
      { event: 'typing', data: 'x\ny', id: undefined },
    ]);
  });
});

describe('the command line', () => {
  it('has the documented defaults and reads every option', () => {
    const d = parseLoadArgs([]);
    expect([d.students, d.seconds, d.seed, d.json, d.url, d.thinkMs, d.round]).toEqual([30, 60, 1, false, undefined, [1000, 4000], true]);
    const o = parseLoadArgs(['--students', '120', '--seconds', '30', '--seed', '7', '--json', '--url', 'http://127.0.0.1:8787', '--think', '500:900', '--no-round']);
    expect([o.students, o.seconds, o.seed, o.json, o.url, o.thinkMs, o.round]).toEqual([120, 30, 7, true, 'http://127.0.0.1:8787', [500, 900], false]);
  });

  it('refuses bad values with what to fix', () => {
    expect(() => parseLoadArgs(['--students', '0'])).toThrow(new UsageError('--students must be a whole number from 1 to 180 (got "0")'));
    expect(() => parseLoadArgs(['--think', '9:1'])).toThrow(UsageError);
    expect(() => parseLoadArgs(['--bogus'])).toThrow(UsageError);
  });

  it('only talks to loopback addresses', () => {
    expect(isLoopbackUrl('http://127.0.0.1:8787')).toBe(true);
    expect(isLoopbackUrl('http://localhost:1')).toBe(true);
    expect(isLoopbackUrl('http://10.0.0.5:8787')).toBe(false);
    expect(isLoopbackUrl('https://example.org')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
  });
});

describe('which reply is which', () => {
  it('tells a question from a message that only names one, and a failure from a reply', () => {
    expect(isQuestion(msg('Вопрос backprop:17:2 · сложность 2 · Обратное распространение\n\n…'))).toBe(true);
    expect(isQuestion(msg('🎯 Round: 2 questions\n\nQuestion 1 of 2 · 10 seconds\nQuestion linear:5:1 · difficulty 1 · Linear'))).toBe(true);
    expect(isQuestion(msg('Question backprop:1:2 cannot be answered without its picture, and the picture could not be drawn (x).'))).toBe(false);
    expect(troubleIn(msg('Очередь заполнена (ждут 32 заданий). Попробуйте через минуту.'))).toBe('Очередь заполнена (ждут');
    expect(troubleIn(msg('Готово: 30 эпох за 0.1 с.'))).toBeUndefined();
    expect(isSolutionOf(msg('Решение вопроса backprop:17:2\n1. …'), 'backprop:17:2', 'ru')).toBe(true);
    expect(isSolutionOf(msg('Solution of backprop:17:2\n1. …'), 'backprop:17:3', 'en')).toBe(false);
    expect(isSpellNames(msg('Dungeons & Dragons spells\n\n  Ec Mation  new\n\nLoss per character (nats): train 1.79'))).toBe(true);
  });
});

describe('the targets', () => {
  it('are met or missed by the figures', () => {
    const ok: CommandFigures = { count: 10, errors: 0, lost: 0, firstMs: percentiles([100, 200]), finalMs: percentiles([300, 400]), errorSamples: [] };
    const commands = Object.fromEntries(MEASURED.map((m) => [m, ok])) as LoadReport['commands'];
    const loop = { p50: 0.1, p99: 12, max: 40, mean: 0.5, samples: 100 };
    const bot = { loop, windows: [], rssMb: { start: 300, middle: 500, end: 520, lastThirdMin: 480, lastThirdMax: 530 }, rssSeriesMb: [] };
    expect(checkTargets(commands, bot).map((t) => t.ok)).toEqual([true, true, true, true, true]);
    const slow = { ...commands, '/plot': { ...ok, errors: 1, finalMs: percentiles([2500]) } };
    const fat = { ...bot, loop: { ...loop, p99: 25 }, rssMb: { ...bot.rssMb, lastThirdMax: 600 } };
    expect(checkTargets(slow, fat).map((t) => t.ok)).toEqual([false, true, false, false, false]);
  });
});

describe('npm run loadtest', () => {
  it('runs a tiny class against the bot it starts, reports JSON and stops by itself', async () => {
    const run = spawn(process.execPath, ['--import', 'tsx', 'src/loadtest/run.ts', '--students', '3', '--seconds', '8', '--json', '--no-round', '--train-max', '1'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    run.stdout.on('data', (c: Buffer) => (out += c.toString()));
    run.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => run.on('exit', (c) => resolve(c)));
    expect({ code, err: err.slice(-2000) }).toEqual({ code: 0, err: '' });
    const report = JSON.parse(out) as LoadReport;
    expect(report.options.students).toBe(3);
    expect(report.totals.commands).toBeGreaterThan(3);
    expect(report.totals.lost).toBe(0);
    expect(Object.keys(report.commands)).toEqual([...MEASURED]);
    expect(report.bot?.loop.samples).toBeGreaterThan(50);
    expect(report.bot?.rssMb.start).toBeGreaterThan(50);
    // The bot was stopped by SIGTERM and shut down cleanly.
    expect(report.shutdown?.code).toBe(0);
    expect(report.targets.map((t) => t.name)).toHaveLength(5);
  }, 180_000);
});
