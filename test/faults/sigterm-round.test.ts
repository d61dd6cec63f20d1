/**
 * SIGTERM while a round is running: the bot started as `npm start` starts it (a child
 * process), a group playing a round, half the class already answered; then SIGTERM. The
 * process exits 0 on its own, the round is ended (stopped, not left running) and every
 * answer given is in the database with its score.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { planAnswer, questionFromId, type PlannedAnswer } from '../../src/loadtest/answers.js';
import { ChatClient, ChatFeed, type From } from '../../src/loadtest/chat-client.js';
import { startBotChild, type BotChild } from '../../src/loadtest/child.js';
import { isQuestion, isVerdict, questionIdIn } from '../../src/loadtest/replies.js';
import { openStore } from '../../src/store/index.js';
import { chatKey, userKey } from '../../src/store/types.js';

const GROUP = 'evening-class';
const teacher: From = { id: 't1', name: 'Учитель' };
const students: From[] = Array.from({ length: 6 }, (_, i) => ({ id: `s${i + 1}`, name: `Ученик ${i + 1}` }));

let child: BotChild;
const feeds: ChatFeed[] = [];

beforeAll(async () => {
  child = await startBotChild({ probe: false, env: { GRADBOT_LANG: 'ru', LOG_LEVEL: 'info', GRADBOT_WORKERS: '1' } });
}, 90_000);

afterAll(async () => {
  for (const f of feeds) f.close();
  if (child && !child.dead) await child.stop();
  if (child) rmSync(child.dataDir, { recursive: true, force: true });
});

describe('SIGTERM during a round', () => {
  it('ends the round cleanly and keeps its scores', async () => {
    const client = new ChatClient(child.url);
    const open = async (who: From) => {
      const f = new ChatFeed(client, GROUP, who.id);
      await f.open();
      feeds.push(f);
      return f;
    };
    const tf = await open(teacher);
    const sf = await Promise.all(students.map(open));
    const mark = tf.mark();
    expect((await client.post(GROUP, { from: teacher, text: '/round linear 3 120', chatKind: 'group', locale: 'ru' })).status).toBe(202);
    const asked = await tf.waitFor((m) => m.from.bot && isQuestion(m), mark, 60_000);
    const qMsg = asked?.msg;
    if (!qMsg) throw new Error('no round question within 60 s');
    const id = questionIdIn(qMsg.text) as string;
    const q = questionFromId(id);
    const rng = new Rng('sigterm-round');
    const plans = students.map(() => planAnswer(q, rng, 0.5));
    const answered = students.slice(0, 4);
    const marks = sf.map((f) => f.mark());
    await Promise.all(
      answered.map((s, i) => {
        const plan = plans[i] as PlannedAnswer;
        return plan.kind === 'press'
          ? client.press(GROUP, { from: s, messageId: qMsg.id, action: qMsg.buttons[plan.choice]?.id ?? '', locale: 'ru' })
          : client.post(GROUP, { from: s, text: `/answer ${plan.text}`, chatKind: 'group', locale: 'ru', replyTo: qMsg.id });
      }),
    );
    const verdicts = await Promise.all(answered.map((s, i) => (sf[i] as ChatFeed).waitFor((m) => m.from.bot && m.to === s.id && isVerdict(m), marks[i] as number, 30_000)));
    expect(verdicts.map((v) => v?.msg.text.slice(0, 1))).toEqual(answered.map((_, i) => ((plans[i] as PlannedAnswer).right ? '✅' : '❌')));

    // The round is still on (120 s per question). Stop the bot as a service manager would.
    const t0 = Date.now();
    const exit = await child.stop({ keepData: true, graceMs: 25_000 });
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(20_000);
    const out = child.output();
    expect(out).toMatch(/"status":"stopped"[^\n]*"msg":"round ended"|"msg":"round ended"[^\n]*"status":"stopped"/);
    // No error-level line (pino: 50 error, 60 fatal).
    expect(out.split('\n').filter((l) => /"level":(50|60)\b/.test(l))).toEqual([]);

    const store = openStore(child.databasePath);
    try {
      const attempts = store.attempts.forChat(chatKey('local', GROUP)).filter((a) => a.questionId === id);
      expect(attempts.map((a) => a.user).sort()).toEqual(answered.map((s) => userKey('local', s.id)).sort());
      const roundId = attempts[0]?.roundId as number;
      expect(store.rounds.get(roundId)?.status).toBe('stopped');
      expect(store.rounds.running(chatKey('local', GROUP))).toBeUndefined();
      const scores = store.rounds.scores(roundId);
      for (const [i, s] of answered.entries()) {
        const row = scores.find((r) => r.user === userKey('local', s.id));
        expect(row?.correct ?? 0).toBe((plans[i] as PlannedAnswer).right ? 1 : 0);
      }
    } finally {
      store.close();
    }
  }, 120_000);
});
