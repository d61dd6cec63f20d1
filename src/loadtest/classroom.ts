/**
 * The simulated class: N students, each in a private chat with the bot, sending one command at
 * a time and waiting for its reply, with a seeded think time in between; and one `/round` in
 * the class group chat, started by the teacher, where every student answers every question.
 *
 * The mix (weights per pick): /plot 22 (activations and expressions), /quiz 30 (then an answer,
 * typed or by button, after a /hint one time in five; 65 % right), /grad 14 (then ▶ once or
 * twice half the time), /spells 10, /train 6 (a 120-row CSV; at most `trainMax` at once in the
 * class). Everything is bounded: no command starts after the deadline and every wait has a
 * timeout, so the run always ends.
 */
import { performance } from 'node:perf_hooks';
import type { Lang } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import { TOPIC_IDS } from '../quiz/index.js';
import type { WireMessage } from '../adapters/local/wire.js';
import { planAnswer, questionFromId } from './answers.js';
import { ChatFeed, type ChatClient, type From } from './chat-client.js';
import { classCsv } from './class-data.js';
import { exchange, type ExchangeResult, type TraceRecord } from './exchange.js';
import { hasImage, isProgress, isQuestion, isSolutionOf, isSpellNames, isVerdict, questionIdIn } from './replies.js';
import { RoundDirector, type RoundQuestion } from './round-director.js';
import { CommandStats, type CommandFigures } from './stats.js';

/** The commands in the report, in this order. */
export const MEASURED = ['/plot', '/quiz', '/hint', 'answer (typed)', 'answer (button)', '/grad', 'grad ▶', '/spells', '/train', '/round', 'round answer'] as const;
export type Measured = (typeof MEASURED)[number];

/** How the class behaves. */
export interface ClassOptions {
  students: number;
  seconds: number;
  seed: number;
  /** Think time between two commands of one student, uniform in [min, max] ms. */
  thinkMs: [number, number];
  /** Trainings running at once in the whole class, at most. */
  trainMax: number;
  /** A command with no final reply within this is lost (training: three times as long). */
  replyTimeoutMs: number;
  /** Play the one /round (needs at least 20 s). */
  round: boolean;
  /** Told about every exchange, with its command (`--trace`). */
  trace?: (t: TraceRecord & { command: Measured }) => void;
}

/** What the run measured on the client side. */
export interface ClassResult {
  commands: Record<Measured, CommandFigures>;
  round: { started: boolean; questions: number; answers: number };
  streamReconnects: number;
  /** From the first command to the last reply, ms. */
  durationMs: number;
}

const PLOTS = ['relu', 'relu,gelu -3 3', 'sigmoid,tanh', 'leaky_relu,elu -4 2', 'x^2-1 -2 2', 'sin(x)*x -6 6', 'softplus,silu', 'mish', 'tanh(x)^2', 'hardsigmoid,relu6 -8 8'];
const GRADS = ['1 + exp(w0 + w1*x) x=-1 w0=1 w1=2', 'x*y + max(x, y) x=3 y=-2', 'sigmoid(w*x + b) w=2 x=-1 b=0.5', 'tanh(a*b + c) a=0.5 b=-1 c=0.3', '(x + y)*(x - y) x=2 y=1'];
const SPELLS = ['dnd 6 0.8', 'hp 5 1.0', 'dnd 8 1.2', 'hp 6 0.7'];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** The language a student's locale gives (what the bot answers in). */
function langOf(locale: string): Lang {
  return locale.startsWith('ru') ? 'ru' : 'en';
}

interface Shared {
  client: ChatClient;
  o: ClassOptions;
  stats: Record<Measured, CommandStats>;
  deadline: number;
  trainsRunning: number;
  csv: Uint8Array;
  director: RoundDirector | undefined;
  roundAnswers: number;
  /** Every feed opened (for the reconnect count). */
  feeds: Set<ChatFeed>;
}

const GROUP = 'class';

/** The `trace` option of an exchange of `command`, when tracing. */
function tracer(s: Shared, command: Measured): { trace?: (t: TraceRecord) => void } {
  const t = s.o.trace;
  return t ? { trace: (r) => t({ command, ...r }) } : {};
}

class Student {
  readonly from: From;
  readonly locale: string;
  readonly lang: Lang;
  readonly chat: string;
  private readonly rng: Rng;
  private feed: ChatFeed;
  private groupFeed: ChatFeed | undefined;
  private readonly answered = new Set<string>();

  constructor(
    private readonly s: Shared,
    index: number,
  ) {
    this.from = { id: `s${index + 1}`, name: `Student ${index + 1}` };
    // A Russian course: two students in three write from a Russian locale.
    this.locale = index % 3 === 2 ? 'en-GB' : 'ru-RU';
    this.lang = langOf(this.locale);
    this.chat = `p-${this.from.id}`;
    this.rng = new Rng(`loadtest:${s.o.seed}:student:${index}`);
    this.feed = new ChatFeed(s.client, this.chat, this.from.id);
  }

  async open(): Promise<void> {
    await this.feed.open();
    this.s.feeds.add(this.feed);
  }

  private think(): Promise<void> {
    const [lo, hi] = this.s.o.thinkMs;
    return sleep(this.rng.uniform(lo, hi));
  }

  private timeLeft(): boolean {
    return performance.now() < this.s.deadline;
  }

  private say(stat: Measured, text: string, final: (m: WireMessage) => boolean, extra: { interim?: (m: WireMessage) => boolean; timeoutMs?: number } = {}): Promise<ExchangeResult> {
    return exchange({
      feed: this.feed,
      stats: this.s.stats[stat],
      ...tracer(this.s, stat),
      label: text.slice(0, 80),
      send: () => this.s.client.post(this.chat, { from: this.from, text, chatKind: 'private', locale: this.locale }),
      final,
      ...(extra.interim ? { interim: extra.interim } : {}),
      timeoutMs: extra.timeoutMs ?? this.s.o.replyTimeoutMs,
    });
  }

  private press(stat: Measured, message: WireMessage, buttonIndex: number, final: (m: WireMessage) => boolean, interim?: (m: WireMessage) => boolean): Promise<ExchangeResult> {
    const button = message.buttons[buttonIndex];
    if (!button) {
      this.s.stats[stat].error(`no button ${buttonIndex} on message ${message.id}`);
      return Promise.resolve({ outcome: 'error' });
    }
    return exchange({
      feed: this.feed,
      stats: this.s.stats[stat],
      ...tracer(this.s, stat),
      label: `press ${button.label}`,
      send: () => this.s.client.press(this.chat, { from: this.from, messageId: message.id, action: button.id, locale: this.locale }),
      pressed: message.id,
      final,
      ...(interim ? { interim } : {}),
      timeoutMs: this.s.o.replyTimeoutMs,
    });
  }

  /** The student's loop: private commands, and the round when it runs. */
  async run(): Promise<void> {
    // Students do not all start in the same millisecond.
    await sleep(this.rng.uniform(0, this.s.o.thinkMs[1]));
    while (this.timeLeft()) {
      const d = this.s.director;
      if (d && d.state === 'running') {
        await this.playRound(d);
        continue;
      }
      await this.privateCommand();
      if (this.timeLeft()) await this.think();
    }
    this.feed.close();
    this.groupFeed?.close();
  }

  private async privateCommand(): Promise<void> {
    const trainFree = this.s.trainsRunning < this.s.o.trainMax;
    const pick = this.rng.weightedIndex([22, 30, 14, 10, trainFree ? 6 : 0]);
    if (pick === 0) await this.say('/plot', `/plot ${this.rng.choice(PLOTS)}`, hasImage);
    else if (pick === 1) await this.quiz();
    else if (pick === 2) await this.grad();
    else if (pick === 3) await this.say('/spells', `/spells ${this.rng.choice(SPELLS)}`, isSpellNames, { interim: isProgress });
    else await this.train();
  }

  private async quiz(): Promise<void> {
    const topic = this.rng.choice(TOPIC_IDS);
    const r = await this.say('/quiz', `/quiz ${topic} ${this.rng.int(1, 3)}`, isQuestion);
    const question = r.final;
    const id = question ? questionIdIn(question.text) : undefined;
    if (!question || id === undefined || !this.timeLeft()) return;
    await this.think();
    if (this.rng.bernoulli(0.2)) {
      await this.say('/hint', '/hint', (m) => m.text.length > 0);
      await this.think();
    }
    const plan = planAnswer(questionFromId(id), this.rng, 0.65);
    const final = (m: WireMessage) => m.text.startsWith('❌') || isSolutionOf(m, id, this.lang);
    if (plan.kind === 'press') await this.press('answer (button)', question, plan.choice, final, isVerdict);
    else await this.say('answer (typed)', this.rng.bernoulli(0.5) ? plan.text : `/answer ${plan.text}`, final, { interim: isVerdict });
  }

  private async grad(): Promise<void> {
    const r = await this.say('/grad', `/grad ${this.rng.choice(GRADS)}`, hasImage);
    let msg = r.final;
    if (!msg || !this.rng.bernoulli(0.5)) return;
    const steps = this.rng.int(1, 2);
    for (let k = 0; k < steps && this.timeLeft(); k++) {
      await sleep(this.rng.uniform(300, 1000));
      const id = msg.id;
      // The ▶ button is the second one; its press edits the same message with the next picture.
      const step = await this.press('grad ▶', msg, 1, (m) => m.id === id && m.edited === true && hasImage(m));
      if (!step.final) return;
      msg = step.final;
    }
  }

  private async train(): Promise<void> {
    this.s.trainsRunning++;
    try {
      const text = `/train target:label hidden:8 epochs:40 seed:${this.rng.int(1, 1000)}`;
      await exchange({
        feed: this.feed,
        stats: this.s.stats['/train'],
        ...tracer(this.s, '/train'),
        label: text,
        send: () => this.s.client.postFile(this.chat, { from: this.from, text, chatKind: 'private', locale: this.locale }, { name: 'class.csv', bytes: this.s.csv }),
        final: hasImage,
        interim: isProgress,
        timeoutMs: this.s.o.replyTimeoutMs * 3,
      });
    } finally {
      this.s.trainsRunning--;
    }
  }

  /** Joins the group chat for the round (one open stream per student, as one browser tab). */
  private async playRound(d: RoundDirector): Promise<void> {
    if (!this.groupFeed) {
      this.feed.close();
      this.groupFeed = new ChatFeed(this.s.client, GROUP, this.from.id);
      await this.groupFeed.open();
      this.s.feeds.add(this.groupFeed);
    }
    while (d.state === 'running' && this.timeLeft()) {
      const q = d.current;
      if (q && q.open && !this.answered.has(q.messageId)) {
        this.answered.add(q.messageId);
        await this.answerRound(q);
      } else {
        await d.changed(1000);
      }
    }
    this.groupFeed.close();
    this.groupFeed = undefined;
    const after = this.feed.lastSeq;
    await this.feed.open(after);
  }

  private async answerRound(q: RoundQuestion): Promise<void> {
    const feed = this.groupFeed as ChatFeed;
    // Reading the question takes a moment; everyone answers well within its time.
    await sleep(this.rng.uniform(500, 3500));
    if (!q.open) return;
    const plan = planAnswer(questionFromId(q.questionId), this.rng, 0.7);
    const stats = this.s.stats['round answer'];
    this.s.roundAnswers++;
    if (plan.kind === 'press') {
      const action = q.buttons[plan.choice];
      if (action === undefined) {
        stats.error(`round question ${q.questionId} has no button ${plan.choice}`);
        return;
      }
      await exchange({
        feed,
        stats,
        ...tracer(this.s, 'round answer'),
        label: `round press ${plan.choice}`,
        send: () => this.s.client.press(GROUP, { from: this.from, messageId: q.messageId, action, locale: this.locale }),
        to: this.from.id,
        final: isVerdict,
        timeoutMs: this.s.o.replyTimeoutMs,
      });
    } else {
      const text = `/answer ${plan.text}`;
      await exchange({
        feed,
        stats,
        ...tracer(this.s, 'round answer'),
        label: text,
        send: () => this.s.client.post(GROUP, { from: this.from, text, chatKind: 'group', locale: this.locale, replyTo: q.messageId }),
        to: this.from.id,
        final: isVerdict,
        timeoutMs: this.s.o.replyTimeoutMs,
      });
    }
  }
}

/** Round size for a run of `seconds`: 10 s questions filling about 60 % of it (1 to 5). */
export function roundPlan(seconds: number): { count: number; seconds: number; startAtMs: number } | undefined {
  if (seconds < 20) return undefined;
  const count = Math.max(1, Math.min(5, Math.floor((seconds * 0.6) / 11)));
  return { count, seconds: 10, startAtMs: Math.round(seconds * 150) };
}

/** Runs the class against the server behind `client`. */
export async function runClass(client: ChatClient, o: ClassOptions): Promise<ClassResult> {
  const stats = Object.fromEntries(MEASURED.map((m) => [m, new CommandStats()])) as Record<Measured, CommandStats>;
  const t0 = performance.now();
  const s: Shared = { client, o, stats, deadline: t0 + o.seconds * 1000, trainsRunning: 0, csv: classCsv(o.seed), director: undefined, roundAnswers: 0, feeds: new Set() };
  const students = Array.from({ length: o.students }, (_, i) => new Student(s, i));
  for (const st of students) await st.open();

  const plan = o.round ? roundPlan(o.seconds) : undefined;
  let teacherFeed: ChatFeed | undefined;
  let roundStarted = false;
  const teacherRun = (async () => {
    if (!plan) return;
    const teacher: From = { id: 'teacher', name: 'Учитель' };
    teacherFeed = new ChatFeed(client, GROUP, teacher.id);
    await teacherFeed.open();
    s.director = new RoundDirector(teacherFeed);
    await sleep(plan.startAtMs);
    if (performance.now() >= s.deadline) return;
    const text = `/round count:${plan.count} seconds:${plan.seconds}`;
    const r = await exchange({
      feed: teacherFeed,
      stats: stats['/round'],
      ...tracer(s, '/round'),
      label: text,
      send: () => client.post(GROUP, { from: teacher, text, chatKind: 'group', locale: 'ru' }),
      final: isQuestion,
      timeoutMs: o.replyTimeoutMs,
    });
    roundStarted = r.outcome === 'ok';
    // Follow the round to its end (bounded: its length plus a margin).
    const until = performance.now() + plan.count * (plan.seconds + 5) * 1000 + 10_000;
    while (s.director.state !== 'over' && performance.now() < until) await s.director.changed(1000);
  })();

  await Promise.all([...students.map((st) => st.run()), teacherRun]);
  s.director?.close();
  teacherFeed?.close();
  const reconnects = [...s.feeds].reduce((n, f) => n + f.reconnects, 0);
  return {
    commands: Object.fromEntries(MEASURED.map((m) => [m, stats[m].figures()])) as Record<Measured, CommandFigures>,
    round: { started: roundStarted, questions: s.director?.questions.length ?? 0, answers: s.roundAnswers },
    streamReconnects: reconnects,
    durationMs: Math.round(performance.now() - t0),
  };
}
