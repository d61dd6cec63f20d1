/**
 * Timed rounds in group chats: N questions one after another, T seconds each, the same
 * question for everybody. One round per chat at a time (in memory here, and in the store: a
 * round left "running" by a crash is marked stopped when the chat starts a new one).
 *
 * Counting: each person's first answer per question counts exactly once. The check ("has this
 * user a counted attempt on this question in this round?") and the insert run in one
 * synchronous store transaction with no `await` between them, so 30 presses in the same tick
 * give 30 attempts, and a second press by the same person gives none.
 *
 * Messages (Telegram allows about 20 a minute per group): one per question (the first carries
 * the round's intro), and one after it with the answer and the scoreboard (the last one with the
 * final board). Per-answer feedback goes only where the door has private replies; elsewhere the
 * board after the question tells. A closed question's message is edited so its buttons are gone.
 *
 * Timers: one `runtime.setTimeout` per question, cancelled when the question closes early. On
 * bot close (SIGTERM) the close hook ends every round: the current question is closed, the final
 * board says the round was stopped, the status becomes 'stopped', and the scores stay.
 */
import type { Lang, LocalizedText } from '../../core/errors.js';
import { seedFrom } from '../../core/rng.js';
import { checkAnswer, choiceLetter, generateQuestion, TOPICS, type Difficulty, type Question, type TopicId } from '../../quiz/index.js';
import { StoreError } from '../../store/store-error.js';
import type { ChatKey, UserKey } from '../../store/types.js';
import type { BaseContext } from '../command.js';
import { say } from '../features/say.js';
import { b } from '../rich-text.js';
import type { BotRuntime } from '../runtime.js';
import type { BotServices } from '../services.js';
import type { MessageRef, OutMessage, RichText } from '../types.js';
import { keysOf } from '../quiz-play/keys.js';
import { countOf, points } from '../quiz-play/numbers.js';
import { drawQuestionPicture } from '../quiz-play/pictures.js';
import { pickTopic } from '../quiz-play/question-id.js';
import { closedVersion } from '../quiz-play/question-close.js';
import { choiceLabels, howToAnswer } from '../quiz-play/question-message.js';
import { RIGHT_MARK, WRONG_MARK } from '../quiz-play/submit-answer.js';
import { roundKey, roundQuestionMessage } from './round-question.js';
import { ROUND } from './round-texts.js';
import { FINAL_BOARD, SHORT_BOARD, scoreboard } from './scoreboard.js';

/** The action name of a round's choice buttons (handled by the round command). */
export const ROUND_PICK_ACTION = 'pick';

/** What a round button keeps server-side: round, question index, choice. */
export interface RoundPickData {
  r: number;
  i: number;
  c: number;
}

/** Round question messages remembered for late replies. */
const MAX_RECENT_MESSAGES = 5000;
/** Least time between two edits of a round question's answer count. */
export const COUNT_EDIT_MS = 2000;

/** The question message as sent, with a note under its text and its buttons kept. */
function withNote(sent: OutMessage, note: string): OutMessage {
  return { ...sent, text: [...sent.text, '\n\n', note] };
}

/** How a round is set up. */
export interface RoundParams {
  /** One topic, or null for topics drawn from `allowedTopics` (all when null). */
  topic: TopicId | null;
  allowedTopics: string[] | null;
  count: number;
  seconds: number;
  difficulty: Difficulty;
}

interface LiveQuestion {
  index: number;
  q: Question;
  msg: OutMessage;
  ref: MessageRef | undefined;
  /** Accepting answers (set once the message is out, cleared when time is up). */
  open: boolean;
  cancelTimer: (() => void) | undefined;
  answered: number;
  right: number;
  /** Its answer and board were posted. */
  resultPosted: boolean;
  /** A pending edit that shows how many have answered (see `showCount`). */
  countPending: boolean;
}

interface LiveRound {
  id: number;
  chat: ChatKey;
  /** The starter's context: the round posts through its replier. */
  ctx: BaseContext;
  lang: Lang;
  starter: { key: UserKey; name: string };
  params: RoundParams;
  baseSeed: number;
  state: 'running' | 'ending' | 'done';
  current: LiveQuestion | undefined;
  /** Question message id -> index, so a reply to an old question is told it is late. */
  messages: Map<string, number>;
}

/** What became of one answer in a round (decided synchronously). */
export type RoundAnswer =
  | { kind: 'late' }
  | { kind: 'duplicate' }
  | { kind: 'unreadable'; feedback: LocalizedText; q: Question }
  | { kind: 'recorded'; correct: boolean; score: number; attemptId: number };

/** A round and which of its questions a typed answer is about. */
export interface RoundTarget {
  round: LiveRound;
  index: number;
}

/** Why a round was stopped early. */
export type StopReason = { kind: 'shutdown' } | { kind: 'error' } | { kind: 'user'; name: string };

/** The seed a round's questions derive from: its chat, id and start time. */
export function roundBaseSeed(chat: ChatKey, roundId: number, startedAt: number): number {
  return seedFrom('round', chat, roundId, Math.round(startedAt));
}

/** Question `index` of a round (pure: the same round seed gives the same questions). */
export function roundQuestion(baseSeed: number, params: Pick<RoundParams, 'topic' | 'allowedTopics' | 'difficulty'>, index: number): Question {
  const seed = seedFrom('round-question', baseSeed, index) >>> 0;
  const topic = params.topic ?? pickTopic(seed, params.allowedTopics);
  return generateQuestion(topic, seed, params.difficulty);
}

/** The running rounds of one bot. */
export class RoundManager {
  private readonly rounds = new Map<ChatKey, LiveRound>();
  /** Question messages of recent rounds (running or ended), so a late reply is told it is late. */
  private readonly recent = new Map<string, LiveRound>();

  constructor(
    private readonly services: BotServices,
    private readonly runtime: BotRuntime,
  ) {
    runtime.onClose(() => this.stopAll());
  }

  /** The live round in a chat, if any. */
  running(chat: ChatKey): LiveRound | undefined {
    return this.rounds.get(chat);
  }

  /** How many rounds are running. */
  get size(): number {
    return this.rounds.size;
  }

  /**
   * Starts a round and posts its first question; refuses politely (one message) when the chat
   * has one running. Resolves once the first question is out.
   */
  async start(ctx: BaseContext, params: RoundParams): Promise<void> {
    const { store } = this.services;
    const keys = keysOf(ctx);
    const existing = this.rounds.get(keys.chat);
    if (existing) {
      await ctx.send([this.runningText(existing, ctx.lang)]);
      return;
    }
    // From here to `rounds.set` nothing awaits: two /round in the same tick cannot both start.
    const stale = store.rounds.running(keys.chat);
    if (stale) store.rounds.finish(stale.id, 'stopped'); // left running by a crash or a kill
    const startedAt = this.services.now();
    let id: number;
    try {
      id = store.rounds.start({ chat: keys.chat, topic: params.topic ?? 'mixed', count: params.count, seconds: params.seconds, startedAt });
    } catch (e) {
      if (e instanceof StoreError) {
        await ctx.send([e.render(ctx.lang)]);
        return;
      }
      throw e;
    }
    const live: LiveRound = {
      id,
      chat: keys.chat,
      ctx,
      lang: ctx.lang,
      starter: { key: keys.user, name: ctx.user.name },
      params,
      baseSeed: roundBaseSeed(keys.chat, id, startedAt),
      state: 'running',
      current: undefined,
      messages: new Map(),
    };
    this.rounds.set(keys.chat, live);
    this.services.log.info({ round: id, chat: keys.chat, count: params.count, seconds: params.seconds }, 'round started');
    await this.ask(live, 0);
  }

  /**
   * The round a typed answer is for: a reply to one of the round's questions, or (when
   * `replyTo` is absent and `requireReply` is false) the chat's running round.
   */
  target(chat: ChatKey, replyTo: string | undefined, requireReply: boolean): RoundTarget | undefined {
    if (replyTo !== undefined) {
      const round = this.recent.get(`${chat}|${replyTo}`);
      const index = round?.messages.get(replyTo);
      return round && index !== undefined ? { round, index } : undefined;
    }
    const live = this.rounds.get(chat);
    if (!live || requireReply) return undefined;
    return { round: live, index: live.current?.index ?? -1 };
  }

  /**
   * Records an answer to question `index` of the round. Synchronous on purpose: the check for
   * an earlier counted answer and the insert are one transaction, with no await in between.
   */
  answer(ctx: BaseContext, round: LiveRound, index: number, text: string, recorded?: string): RoundAnswer {
    const cur = round.current;
    if (round.state !== 'running' || !cur || cur.index !== index || !cur.open) return { kind: 'late' };
    const r = checkAnswer(cur.q, text);
    if (r.unreadable) return { kind: 'unreadable', feedback: r.feedback, q: cur.q };
    const { store } = this.services;
    const keys = keysOf(ctx);
    const at = this.services.now();
    return store.transaction((): RoundAnswer => {
      if (store.attempts.hasCounted(keys.chat, keys.user, cur.q.id, round.id)) return { kind: 'duplicate' };
      const score = r.correct ? r.score : 0;
      const attemptId = store.attempts.record({
        chat: keys.chat,
        user: keys.user,
        questionId: cur.q.id,
        topic: cur.q.topic,
        answer: recorded ?? text.trim(),
        correct: r.correct,
        score,
        hintsUsed: 0,
        counted: true,
        roundId: round.id,
        at,
      });
      cur.answered++;
      if (r.correct) cur.right++;
      return { kind: 'recorded', correct: r.correct, score, attemptId };
    });
  }

  /** A pressed round button (or a poll answer mapped to it). */
  async pressed(ctx: BaseContext, data: RoundPickData): Promise<RoundAnswer> {
    const live = this.rounds.get(keysOf(ctx).chat);
    if (!live || live.id !== data.r) {
      const late: RoundAnswer = { kind: 'late' };
      await this.feedback(ctx, late, undefined);
      return late;
    }
    const q = live.current?.index === data.i ? live.current.q : roundQuestion(live.baseSeed, live.params, data.i);
    const label = choiceLabels(q, ctx.lang)[data.c] ?? String(data.c + 1);
    // The Latin letter reads the same whatever the chat's language.
    const outcome = this.answer(ctx, live, data.i, choiceLetter(data.c, 'en'), label);
    if (outcome.kind === 'recorded') this.showCount(live);
    await this.feedback(ctx, outcome, undefined);
    return outcome;
  }

  /** A typed answer (`/answer`, a reply) to a round question. */
  async typed(ctx: BaseContext, t: RoundTarget, text: string, replyTo: MessageRef | undefined): Promise<RoundAnswer> {
    const outcome = this.answer(ctx, t.round, t.index, text);
    if (outcome.kind === 'recorded') this.showCount(t.round);
    await this.feedback(ctx, outcome, replyTo);
    return outcome;
  }

  /**
   * Tells the person how their answer went, privately where the door can. A door without
   * private replies stays quiet (a class of 30 would flood the group), except for an answer
   * that could not be read: that one needs the help.
   */
  private async feedback(ctx: BaseContext, o: RoundAnswer, replyTo: MessageRef | undefined): Promise<void> {
    const lang = ctx.lang;
    const ephemeral = ctx.replier.caps.ephemeral;
    let text: RichText;
    if (o.kind === 'unreadable') text = [o.feedback[lang], '\n', howToAnswer(o.q, lang, 'group')];
    else if (!ephemeral) return;
    else if (o.kind === 'late') text = [ROUND.late[lang]];
    else if (o.kind === 'duplicate') text = [ROUND.duplicate[lang]];
    else if (o.correct) text = [`${RIGHT_MARK} `, say(lang, ROUND.roundRight, { points: points(lang, o.score) })];
    else text = [`${WRONG_MARK} `, ROUND.roundWrong[lang]];
    const msg: OutMessage = { text, private: ephemeral };
    if (replyTo) msg.replyTo = replyTo;
    await ctx.send(msg);
  }

  /** Stops the chat's round early (its starter or an admin); false when none runs. */
  async stop(chat: ChatKey, reason: StopReason): Promise<boolean> {
    const live = this.rounds.get(chat);
    if (!live) return false;
    await this.end(live, reason);
    return true;
  }

  /** Ends every running round (bot shutdown), keeping the scores. */
  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.rounds.values()].map((live) => this.end(live, { kind: 'shutdown' })));
  }

  /** "A round is already running here (...)". */
  runningText(live: LiveRound, lang: Lang): string {
    const index = (live.current?.index ?? 0) + 1;
    const topic = live.params.topic ?? ROUND.mixed[lang];
    return say(lang, ROUND.alreadyRunning, { topic, index, count: live.params.count, name: live.starter.name });
  }

  /** Whether `user` may stop the round (its starter; admins are checked by the caller). */
  startedBy(chat: ChatKey, user: UserKey): boolean {
    return this.rounds.get(chat)?.starter.key === user;
  }

  /** The starter's name of the chat's round. */
  starterName(chat: ChatKey): string | undefined {
    return this.rounds.get(chat)?.starter.name;
  }

  // ── the round's life ──

  private rememberMessage(live: LiveRound, messageId: string): void {
    this.recent.set(`${live.chat}|${messageId}`, live);
    // A few hundred rounds' worth; the oldest are forgotten first.
    while (this.recent.size > MAX_RECENT_MESSAGES) {
      const oldest = this.recent.keys().next();
      if (oldest.done) break;
      this.recent.delete(oldest.value);
    }
  }

  private intro(live: LiveRound): string {
    const lang = live.lang;
    const p = live.params;
    // The topic's title in the chat's language, with its id for /quiz.
    const topic = p.topic ? say(lang, ROUND.topicOne, { topic: `${TOPICS[p.topic].title[lang]} (${p.topic})` }) : ROUND.topicMixed[lang];
    return say(lang, ROUND.intro, { questions: countOf(lang, p.count, 'question'), seconds: countOf(lang, p.seconds, 'second'), topic });
  }

  private async ask(live: LiveRound, index: number): Promise<void> {
    if (live.state !== 'running') return;
    const { params, lang } = live;
    const q = roundQuestion(live.baseSeed, live.params, index);
    const drawn = await drawQuestionPicture(this.services, q, lang, this.runtime.signal);
    if (live.state !== 'running') return;
    const slot = { index, count: params.count, seconds: params.seconds, ...(index === 0 ? { intro: this.intro(live) } : {}) };
    const ttlMs = (params.seconds + 60) * 1000;
    const msg = roundQuestionMessage(q, lang, slot, drawn.images, (c) => live.ctx.action(ROUND_PICK_ACTION, { r: live.id, i: index, c }, { ttlMs }));
    const cur: LiveQuestion = { index, q, msg, ref: undefined, open: false, cancelTimer: undefined, answered: 0, right: 0, resultPosted: false, countPending: false };
    live.current = cur;
    if (drawn.failure !== undefined) {
      // Without its picture the question cannot be answered: say so, and go on.
      cur.resultPosted = true;
      await this.post(live, [say(lang, ROUND.skipped, { index: index + 1, count: params.count, reason: drawn.failure })]);
      await this.next(live, cur);
      return;
    }
    let ref: MessageRef;
    try {
      ref = await live.ctx.send(msg);
    } catch (e) {
      this.services.log.warn({ err: e instanceof Error ? e.message : String(e), round: live.id }, 'round question could not be sent');
      await this.end(live, { kind: 'error' });
      return;
    }
    cur.ref = ref;
    // Not linked in the store's session messages: a reply to a round question must never reach
    // the /quiz path (it would score after the answer was shown); see `target`.
    live.messages.set(ref.id, index);
    this.rememberMessage(live, ref.id);
    if (live.state !== 'running') {
      // Stopped while the question was being sent: the final board is out; take the buttons away.
      await this.closeMessage(live, cur);
      return;
    }
    cur.open = true;
    cur.cancelTimer = this.runtime.setTimeout(() => this.timeUp(live, cur), params.seconds * 1000);
  }

  private async timeUp(live: LiveRound, cur: LiveQuestion): Promise<void> {
    if (live.state !== 'running' || live.current !== cur || !cur.open) return;
    cur.open = false;
    cur.cancelTimer?.();
    await this.closeMessage(live, cur);
    if (live.state !== 'running') return; // stopped meanwhile: the final board tells the answer
    const last = cur.index + 1 >= live.params.count;
    if (last) this.finish(live, 'finished');
    cur.resultPosted = true;
    await this.post(live, this.resultText(live, cur, last));
    if (!last) await this.ask(live, cur.index + 1);
  }

  private async next(live: LiveRound, cur: LiveQuestion): Promise<void> {
    if (cur.index + 1 >= live.params.count) {
      this.finish(live, 'finished');
      await this.post(live, this.finalText(live, 'finished', undefined));
      return;
    }
    await this.ask(live, cur.index + 1);
  }

  /** Marks the round ended in the store (first: durable before anything is said) and forgets it. */
  private finish(live: LiveRound, status: 'finished' | 'stopped'): void {
    live.state = status === 'finished' ? 'done' : 'ending';
    this.services.store.rounds.finish(live.id, status);
    if (this.rounds.get(live.chat) === live) this.rounds.delete(live.chat);
    this.services.log.info({ round: live.id, status }, 'round ended');
  }

  private async end(live: LiveRound, reason: StopReason): Promise<void> {
    if (live.state !== 'running') return;
    const cur = live.current;
    if (cur) {
      cur.open = false;
      cur.cancelTimer?.();
    }
    this.finish(live, 'stopped');
    if (cur?.ref) await this.closeMessage(live, cur, ROUND.stoppedNote[live.lang]);
    await this.post(live, this.finalText(live, 'stopped', reason));
    live.state = 'done';
  }

  /**
   * Where each answer is told privately (Discord, the local chat), the public question shows how
   * many have answered, so the class sees the round move without seeing who chose what. Edits
   * are merged: at most one every COUNT_EDIT_MS, however many answer at once. Native polls count
   * by themselves, and doors without private replies keep their edits for the results.
   */
  private showCount(live: LiveRound): void {
    const cur = live.current;
    const caps = live.ctx.replier.caps;
    if (!cur?.ref || cur.countPending || !caps.ephemeral || (cur.msg.poll && caps.nativeQuizPolls)) return;
    cur.countPending = true;
    this.runtime.setTimeout(async () => {
      cur.countPending = false;
      if (!cur.open || live.current !== cur || !cur.ref) return;
      const note = say(live.lang, ROUND.answeredSoFar, { n: cur.answered });
      try {
        await live.ctx.edit(cur.ref, { ...withNote(cur.msg, note), poll: undefined });
      } catch (e) {
        this.services.log.warn({ err: e instanceof Error ? e.message : String(e), round: live.id }, 'updating the answer count failed');
      }
    }, COUNT_EDIT_MS);
  }

  /** Takes the buttons off a closed question (a native poll is stopped instead). */
  private async closeMessage(live: LiveRound, cur: LiveQuestion, note: string = ROUND.closedNote[live.lang]): Promise<void> {
    if (!cur.ref) return;
    const replier = live.ctx.replier;
    try {
      if (cur.msg.poll && replier.caps.nativeQuizPolls) {
        await replier.closePoll?.(cur.ref);
        return;
      }
      if (!cur.msg.buttons || cur.msg.buttons.length === 0) return;
      const { poll: _poll, ...rest } = closedVersion(cur.msg, note, replier.caps.maxCaption);
      await live.ctx.edit(cur.ref, rest);
    } catch (e) {
      this.services.log.warn({ err: e instanceof Error ? e.message : String(e), round: live.id }, 'closing a round question failed');
    }
  }

  /** Sends through the round's replier; a failed send is logged, never thrown (the scores are safe). */
  private async post(live: LiveRound, text: RichText): Promise<void> {
    try {
      await live.ctx.send({ text });
    } catch (e) {
      this.services.log.warn({ err: e instanceof Error ? e.message : String(e), round: live.id }, 'round message could not be sent');
    }
  }

  private questionResult(live: LiveRound, cur: LiveQuestion): RichText {
    const lang = live.lang;
    const out: RichText = [
      b(say(lang, ROUND.closedTitle, { index: cur.index + 1, count: live.params.count })),
      '\n',
      say(lang, ROUND.answerWas, { key: roundKey(cur.q, lang) }),
      '\n',
      cur.answered === 0 ? ROUND.nobody[lang] : say(lang, ROUND.rightOf, { right: cur.right, answered: cur.answered }),
    ];
    return out;
  }

  private resultText(live: LiveRound, cur: LiveQuestion, last: boolean): RichText {
    if (last) return [...this.questionResult(live, cur), '\n\n', ...this.finalText(live, 'finished', undefined)];
    const rows = this.services.store.rounds.scores(live.id);
    const out = this.questionResult(live, cur);
    if (rows.length > 0) out.push('\n\n', b(ROUND.scoreTitle[live.lang]), '\n', ...scoreboard(rows, live.lang, SHORT_BOARD, false));
    return out;
  }

  private finalText(live: LiveRound, status: 'finished' | 'stopped', reason: StopReason | undefined): RichText {
    const lang = live.lang;
    const cur = live.current;
    const out: RichText = [];
    if (status === 'finished') {
      out.push(b(say(lang, ROUND.finalTitle, { questions: countOf(lang, live.params.count, 'question') })));
    } else {
      const asked = cur ? cur.index + (cur.ref || cur.resultPosted ? 1 : 0) : 0;
      const title = asked === 0 ? ROUND.stoppedBeforeStart[lang] : say(lang, ROUND.stoppedTitle, { index: asked, count: live.params.count });
      out.push(b(title), '\n');
      if (reason?.kind === 'user') out.push(say(lang, ROUND.stoppedBy, { name: reason.name }));
      else out.push((reason?.kind === 'error' ? ROUND.stoppedError : ROUND.stoppedShutdown)[lang]);
      if (cur?.ref && !cur.resultPosted) {
        cur.resultPosted = true;
        out.push('\n', say(lang, ROUND.interruptedAnswer, { index: cur.index + 1, key: roundKey(cur.q, lang) }));
      }
    }
    const rows = this.services.store.rounds.scores(live.id);
    out.push('\n\n');
    if (rows.length === 0) out.push(ROUND.noScores[lang]);
    else out.push(...scoreboard(rows, lang, FINAL_BOARD, true), '\n\n', ROUND.leaderboardLine[lang]);
    return out;
  }
}

const managers = new WeakMap<BotRuntime, RoundManager>();

/** The round manager of the bot a context belongs to (created on first use; ends its rounds on close). */
export function roundsFor(ctx: { services: BotServices; runtime: BotRuntime }): RoundManager {
  let m = managers.get(ctx.runtime);
  if (!m) {
    m = new RoundManager(ctx.services, ctx.runtime);
    managers.set(ctx.runtime, m);
  }
  return m;
}
