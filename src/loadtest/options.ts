/**
 * The load test's command line: `npm run loadtest -- --students 60 --seconds 60 --seed 1 --json`.
 */
import { parseArgs } from 'node:util';

/** Parsed options. */
export interface LoadOptions {
  students: number;
  seconds: number;
  seed: number;
  /** Seconds of unmeasured load before the measured one (warm workers; 0: start cold). */
  warmupSeconds: number;
  json: boolean;
  /** Drive an already running server (loopback only) instead of starting the bot. */
  url: string | undefined;
  thinkMs: [number, number];
  trainMax: number;
  replyTimeoutMs: number;
  round: boolean;
  /** The bot's entry (default src/main.ts, what `npm start` runs). */
  entry: string;
  /** Keep the bot's rate limits (by default the child gets generous ones; see the README). */
  keepLimits: boolean;
  /** Folder for a CPU profile of the bot's main thread (finding out what blocks it). */
  cpuProf: string | undefined;
  /** Write every exchange as a JSON line into this file. */
  trace: string | undefined;
  /** Exit with code 1 when a target is missed. */
  strict: boolean;
  help: boolean;
}

/** The usage text. */
export const USAGE = `Usage: npm run loadtest -- [options]
  --students N     simulated students (default 30)
  --seconds S      length of the load in seconds (default 60)
  --seed N         seed of every random choice (default 1)
  --warmup S       seconds of unmeasured load first, so the workers are warm (default 0)
  --json           print the report as one JSON object
  --url URL        drive a running local chat (127.0.0.1 only) instead of starting the bot
  --think MIN:MAX  think time between a student's commands in ms (default 1000:4000)
  --train-max N    trainings at once in the whole class (default 2)
  --timeout S      a reply later than this is lost (default 30; /train: 3x)
  --no-round       skip the class /round
  --keep-limits    keep the bot's own rate limits (default: raised, see the README)
  --entry FILE     the bot's entry point (default src/main.ts)
  --cpu-prof DIR   write a CPU profile of the bot's main thread into DIR (open it in Chrome DevTools)
  --trace FILE     write every command (time sent, first and final reply) as JSON lines
  --strict         exit with code 1 when a target is missed`;

/** Thrown for a bad command line; the message says what to fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function int(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

/** Parses the arguments (without `node` and the script). */
export function parseLoadArgs(argv: string[]): LoadOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        students: { type: 'string' },
        seconds: { type: 'string' },
        seed: { type: 'string' },
        warmup: { type: 'string' },
        json: { type: 'boolean' },
        url: { type: 'string' },
        think: { type: 'string' },
        'train-max': { type: 'string' },
        timeout: { type: 'string' },
        'no-round': { type: 'boolean' },
        'keep-limits': { type: 'boolean' },
        entry: { type: 'string' },
        'cpu-prof': { type: 'string' },
        trace: { type: 'string' },
        strict: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const think = str('think') ?? '1000:4000';
  const m = /^(\d{1,6}):(\d{1,6})$/.exec(think);
  if (!m || Number(m[1]) > Number(m[2])) throw new UsageError(`--think must be MIN:MAX in milliseconds with MIN <= MAX (got "${think}")`);
  return {
    students: int('students', str('students'), 30, 1, 180),
    seconds: int('seconds', str('seconds'), 60, 5, 3600),
    seed: int('seed', str('seed'), 1, 0, 2 ** 31),
    warmupSeconds: int('warmup', str('warmup'), 0, 0, 600),
    json: values.json === true,
    url: str('url'),
    thinkMs: [Number(m[1]), Number(m[2])],
    trainMax: int('train-max', str('train-max'), 2, 0, 20),
    replyTimeoutMs: int('timeout', str('timeout'), 30, 1, 600) * 1000,
    round: values['no-round'] !== true,
    entry: str('entry') ?? 'src/main.ts',
    keepLimits: values['keep-limits'] === true,
    cpuProf: str('cpu-prof'),
    trace: str('trace'),
    strict: values.strict === true,
    help: values.help === true,
  };
}
