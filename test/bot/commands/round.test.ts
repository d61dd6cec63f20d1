import { afterEach, describe, expect, it } from 'vitest';
import { roundBaseSeed, roundQuestion } from '../../../src/bot/rounds/round-manager.js';
import { keyText, TOPIC_IDS, type Difficulty, type TopicId } from '../../../src/quiz/index.js';
import { DEFAULT_CHAT_SETTINGS, chatKey, userKey } from '../../../src/store/types.js';
import { toPlainText } from '../../../src/bot/rich-text.js';
import { HARNESS_EPOCH, type Harness, type Sent } from '../harness.js';
import { idIn, playHarness, questionOf, rightAnswer, wrongAnswer } from '../rounds/play-helpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Messages in the group that everybody sees (private feedback left out). */
const publicIn = (hh: Harness, chatId: string): Sent[] => hh.messages(hh.group(chatId)).filter((s) => !s.private);

/** A topic and difficulty whose round question 0 (round 1, started at the harness epoch) has choices. */
function choiceRound(chat: string): { topic: TopicId; difficulty: Difficulty } {
  const base = roundBaseSeed(chatKey('local', chat), 1, HARNESS_EPOCH);
  for (const difficulty of [1, 2, 3] as const) {
    for (const topic of TOPIC_IDS) {
      const q = roundQuestion(base, { topic, allowedTopics: null, difficulty }, 0);
      if (q.answer.kind === 'choice' && !q.picture) return { topic, difficulty };
    }
  }
  throw new Error('no choice question found');
}

describe('/round', () => {
  it('plays 3 questions with 3 students: one message per question plus its board, scores on the leaderboard', async () => {
    h = await playHarness({ caps: { ephemeral: false } });
    const [alice, bob, carol] = [h.user('a', 'Alice', 'en'), h.user('b', 'Bob', 'en'), h.user('c', 'Carol', 'en')];
    const g = h.group('g3');
    const start = await h.command('/round gates 3 10', { user: alice, chat: g });
    expect(start.text).toContain('🎯 Round: 3\u00a0questions, 10\u00a0seconds each. Topic: Gate rules of backpropagation (gates).');
    expect(start.text).toContain('Question 1 of 3 · 10\u00a0seconds');
    type Move = 'right' | 'wrong' | 'none';
    const plan: Array<Record<'alice' | 'bob' | 'carol', Move>> = [
      { alice: 'right', bob: 'right', carol: 'wrong' },
      { alice: 'right', bob: 'wrong', carol: 'none' },
      { alice: 'right', bob: 'right', carol: 'right' },
    ];
    const ids: string[] = [];
    for (const [k, step] of plan.entries()) {
      const qm = publicIn(h, g.id).at(-1)!;
      expect(qm.text).toContain(`Question ${k + 1} of 3`);
      const q = questionOf(qm);
      ids.push(q.id);
      const say = (who: Move, q0: typeof q) => (who === 'right' ? rightAnswer(q0) : wrongAnswer(q0));
      // Alice by /answer, Bob by replying with plain text, Carol by /answer as a reply
      if (step.alice !== 'none') expect((await h.command(`/answer ${say(step.alice, q)}`, { user: alice, chat: g })).sent).toHaveLength(0);
      if (step.bob !== 'none') await h.text(say(step.bob, q), { user: bob, chat: g, replyTo: qm });
      if (step.carol !== 'none') await h.command(`/answer ${say(step.carol, q)}`, { user: carol, chat: g, replyTo: qm });
      // a second answer by Bob does not count, and says nothing in the group
      const again = await h.text(rightAnswer(q), { user: bob, chat: g, replyTo: qm });
      expect(again.sent).toHaveLength(0);
      await h.clock.advance(10_000);
      const result = publicIn(h, g.id).find((s) => s.text.startsWith(`⏱ Question ${k + 1} of 3: time is up.`))!;
      expect(result.text).toContain(`Answer: ${keyText(q).en}`);
    }
    expect(new Set(ids).size).toBe(3);
    const all = publicIn(h, g.id);
    // question 1, result 1, question 2, result 2, question 3, result 3 + final board
    expect(all.map((s) => s.text.split('\n')[0])).toEqual([
      expect.stringMatching(/^🎯 Round/),
      '⏱ Question 1 of 3: time is up.',
      'Question 2 of 3 · 10\u00a0seconds',
      '⏱ Question 2 of 3: time is up.',
      'Question 3 of 3 · 10\u00a0seconds',
      '⏱ Question 3 of 3: time is up.',
    ]);
    const final = all.at(-1)!;
    expect(final.text).toContain('🏁 The round is over: 3\u00a0questions.');
    expect(final.text).toContain('🥇 Alice — 3\u00a0points (3\u00a0correct answers)');
    expect(final.text).toContain('🥈 Bob — 2\u00a0points (2\u00a0correct answers)');
    expect(final.text).toContain('🥉 Carol — 1\u00a0point (1\u00a0correct answer)');
    expect(all[1]!.text).toContain('Right: 2 of 3.');
    const round = h.store.rounds.get(1)!;
    expect(round.status).toBe('finished');
    const board = h.store.leaderboard.top(chatKey('local', g.id), 'all', 10, h.clock.now());
    expect(board.map((r) => [r.name, r.score, r.correct, r.attempts])).toEqual([
      ['Alice', 3, 3, 3],
      ['Bob', 2, 2, 3],
      ['Carol', 1, 1, 2],
    ]);
    expect(h.store.attempts.forChat(chatKey('local', g.id)).every((a) => a.roundId === 1 && a.counted)).toBe(true);
    expect(h.clock.pending).toBe(0);
    // a late answer to the first question scores nothing
    await h.command(`/answer ${rightAnswer(questionOf(all[0]))}`, { user: carol, chat: g, replyTo: all[0]! });
    expect(h.store.attempts.forChat(chatKey('local', g.id))).toHaveLength(8);
  });

  it('scores 30 students pressing within one tick exactly once each, with a quiz-poll hint', async () => {
    h = await playHarness();
    const g = h.group('g30');
    const { topic, difficulty } = choiceRound(g.id);
    const teacher = h.user('t', 'Teacher');
    h.store.chats.ensure(chatKey('local', g.id), 'group');
    h.store.chats.setSettings(chatKey('local', g.id), { ...DEFAULT_CHAT_SETTINGS, defaultDifficulty: difficulty });
    const start = await h.command(`/round ${topic} 1 20`, { user: teacher, chat: g });
    const qm = start.sent.at(-1)!;
    const q = questionOf(qm);
    expect(q.answer.kind).toBe('choice');
    if (q.answer.kind !== 'choice') return;
    const poll = qm.message.poll!;
    expect(poll.options).toHaveLength(q.answer.choices.length);
    expect(poll.correctIndex).toBe(q.answer.value);
    expect(poll.openSeconds).toBe(20);
    expect(poll.optionActionIds).toEqual((qm.message.buttons ?? []).flat().map((b) => b.id));
    expect(poll.explanation!.length).toBeLessThanOrEqual(200);
    expect(poll.explanation).not.toContain('\n');

    const students = Array.from({ length: 30 }, (_, k) => h!.user(`s${k}`, `Student ${k}`));
    const ids = poll.optionActionIds;
    const correct = q.answer.value;
    const presses = students.map((u, k) => h!.pressId(ids[k % 3 === 0 ? correct : (correct + 1) % ids.length]!, { user: u, chat: g }, qm.ref));
    // the same student twice in the same tick, and once more on another option
    presses.push(h.pressId(ids[0]!, { user: students[0]!, chat: g }, qm.ref), h.pressId(ids[1]!, { user: students[0]!, chat: g }, qm.ref));
    await Promise.all(presses);
    const attempts = h.store.attempts.forChat(chatKey('local', g.id));
    expect(attempts).toHaveLength(30);
    expect(new Set(attempts.map((a) => a.user)).size).toBe(30);
    expect(attempts.filter((a) => a.correct)).toHaveLength(10);
    const toFirst = h.messages(g).filter((s) => s.private && s.to.id === 's0').map((s) => s.text);
    expect(toFirst.filter((t) => t === 'You have answered this question already; only your first answer counts.')).toHaveLength(2);
    expect(toFirst.filter((t) => t.startsWith('✅') || t.startsWith('❌'))).toHaveLength(1);
    const scores = h.store.rounds.scores(1);
    expect(scores.map((r) => r.score)).toEqual([...Array<number>(10).fill(1), ...Array<number>(20).fill(0)]);

    await h.clock.advance(20_000);
    expect(qm.message.buttons).toEqual([]);
    // Sent, one merged "Answers so far: 30" edit, closed: 30 presses never mean 30 edits.
    expect(qm.versions).toHaveLength(3);
    expect(toPlainText(qm.versions[1]!.text)).toContain('Answers so far: 30');
    const final = h.last(g)!;
    expect(final.text).toContain('Right: 10 of 30.');
    expect(final.text).toContain('🏁 The round is over: 1\u00a0question.');
    // ties share the place: 10 students with 1 point, then 20 with none from place 11
    expect(final.text.match(/🥇/g)).toHaveLength(10);
    expect(final.text.match(/^11\. Student \d+ — 0\u00a0points \(0\u00a0correct answers\)$/gm)).toHaveLength(20);
    expect(h.store.rounds.get(1)?.status).toBe('finished');
  });

  it('on bot close ends the running round: the question closes, the board says it was stopped, scores stay', async () => {
    h = await playHarness({ caps: { ephemeral: false } });
    const [alice, bob] = [h.user('a', 'Алиса', 'ru'), h.user('b', 'Борис', 'ru')];
    const g = h.group('g-close');
    const start = await h.command('/round gates 5 30', { user: alice, chat: g });
    expect(start.text).toContain('🎯 Раунд: 5\u00a0вопросов, на каждый — 30\u00a0секунд. Тема: Правила гейтов при обратном распространении (gates).');
    const q1 = questionOf(start.sent.at(-1));
    await h.command(`/answer ${rightAnswer(q1)}`, { user: alice, chat: g });
    await h.clock.advance(30_000);
    const q2m = publicIn(h, g.id).at(-1)!;
    const q2 = questionOf(q2m);
    await h.command(`/answer ${rightAnswer(q2)}`, { user: bob, chat: g });
    await h.clock.advance(5_000);
    await h.bot.close();
    const final = publicIn(h, g.id).at(-1)!;
    expect(final.text).toContain('🛑 Раунд остановлен на вопросе 2 из 5.');
    expect(final.text).toContain('Бот перезапускается; набранные баллы сохранены.');
    expect(final.text).toContain(`Ответ на вопрос 2: ${keyText(q2).ru}`);
    expect(final.text).toContain('🥇 Алиса — 1\u00a0балл (1\u00a0верный ответ)');
    expect(final.text).toContain('🥇 Борис — 1\u00a0балл (1\u00a0верный ответ)');
    expect(h.store.rounds.get(1)?.status).toBe('stopped');
    expect(h.store.rounds.running(chatKey('local', g.id))).toBe(undefined);
    expect(h.store.leaderboard.top(chatKey('local', g.id), 'all', 5, h.clock.now()).map((r) => r.score)).toEqual([1, 1]);
    expect(h.clock.pending).toBe(0);
    expect(publicIn(h, g.id)).toHaveLength(4);
  });

  it('allows one round per chat, refuses in a private chat, and stops on /round stop by its starter', async () => {
    h = await playHarness();
    const [alice, bob] = [h.user('a', 'Alice', 'en'), h.user('b', 'Bob', 'en')];
    const g = h.group('g-one');
    await h.command('/round gates 2 10', { user: alice, chat: g });
    const second = await h.command('/round loss', { user: bob, chat: g });
    expect(second.text).toContain('A round is already running here (gates, question 1 of 2, started by Alice).');
    const priv = await h.command('/round', { user: bob, chat: h.privateChat(bob) });
    expect(priv.text).toContain('A round is a game for a group');
    const notYours = await h.command('/round stop', { user: bob, chat: g });
    expect(notYours.text).toBe('Only Alice, who started the round, or a group admin can stop it.');
    const hint = await h.command('/hint', { user: bob, chat: g, replyTo: publicIn(h, g.id)[0]! });
    expect(hint.text).toBe('A round question has no hints: its answer comes when time is up.');
    const stop = await h.command('/round stop', { user: alice, chat: g });
    expect(stop.text).toContain('🛑 The round was stopped at question 1 of 2.');
    expect(stop.text).toContain('Stopped by Alice; the scores so far are kept.');
    expect(h.store.rounds.get(1)?.status).toBe('stopped');
    expect(h.clock.pending).toBe(0);
    const again = await h.command('/round gates 1 10', { user: bob, chat: g });
    expect(again.text).toContain('Question 1 of 1');
  });

  it('bad counts and seconds get the option’s bounds; a round left running by a crash is taken over', async () => {
    h = await playHarness();
    const u = h.user('a', 'Alice', 'ru');
    const g = h.group('g-bounds');
    const many = await h.command('/round gates 50', { user: u, chat: g });
    expect(many.text).toContain('Параметр «count» должен быть от 1 до 20; получено 50.');
    const fast = await h.command('/round gates 3 2', { user: u, chat: g });
    expect(fast.text).toContain('Параметр «seconds» должен быть от 10 до 300; получено 2.');
    const stale = h.store.rounds.start({ chat: chatKey('local', g.id), topic: 'gates', count: 5, seconds: 30, startedAt: HARNESS_EPOCH - 60_000 });
    const r = await h.command('/round gates 1 10', { user: u, chat: g });
    expect(r.text).toContain('Вопрос 1 из 1 · 10\u00a0секунд');
    expect(h.store.rounds.get(stale)?.status).toBe('stopped');
    expect(idIn(r.text)).toMatch(/^gates:\d+:2$/);
  });

  it('answers privately where the door can, and stops a native poll instead of editing it', async () => {
    h = await playHarness({ caps: { ephemeral: true, nativeQuizPolls: true } });
    const g = h.group('g-poll');
    const { topic, difficulty } = choiceRound(g.id);
    const u = h.user('a', 'Alice', 'en');
    h.store.chats.ensure(chatKey('local', g.id), 'group');
    h.store.chats.setSettings(chatKey('local', g.id), { ...DEFAULT_CHAT_SETTINGS, defaultDifficulty: difficulty });
    const start = await h.command(`/round ${topic} 1 15`, { user: u, chat: g });
    const qm = start.sent.at(-1)!;
    const q = questionOf(qm);
    if (q.answer.kind !== 'choice') throw new Error('expected a choice question');
    const r = await h.pressId(qm.message.poll!.optionActionIds[q.answer.value]!, { user: u, chat: g }, qm.ref);
    expect(r.sent.map((s) => [s.private, s.text])).toEqual([[true, '✅ Right! +1\u00a0point']]);
    await h.clock.advance(15_000);
    expect(h.calls.closePoll.map((ref) => ref.id)).toEqual([qm.id]);
    expect(qm.versions).toHaveLength(1);
    expect(h.store.attempts.forChat(chatKey('local', g.id)).map((a) => [a.user, a.correct, a.roundId])).toEqual([[userKey('local', 'a'), true, 1]]);
  });
});

describe('/round on a door with private replies', () => {
  it('shows on the question how many have answered, merged into one edit, and keeps the buttons', async () => {
    h = await playHarness({ caps: { ephemeral: true } });
    const g = h.group('gc');
    const { topic, difficulty } = choiceRound(g.id);
    const students = ['a', 'b', 'c'].map((id) => h!.user(id, `Student ${id}`, 'en'));
    await h.command(`/settings difficulty ${difficulty}`, { user: students[0]!, chat: g, admin: true });
    await h.command(`/round ${topic} 1 30`, { user: students[0]!, chat: g });
    const qm = publicIn(h, g.id).find((s) => s.message.buttons && s.message.buttons.length > 0)!;
    const q = questionOf(qm);
    if (q.answer.kind !== 'choice') throw new Error('expected a choice question');
    for (const s of students) await h.press(qm.message.buttons!.flat()[0]!.id, { user: s, chat: g });
    expect(qm.versions).toHaveLength(1);
    await h.clock.advance(2000);
    // Three answers, one edit: the count under the text, the buttons still there.
    expect(qm.versions).toHaveLength(2);
    expect(qm.text).toContain('Answers so far: 3');
    expect(qm.message.buttons?.flat().length).toBe(q.answer.choices.length);
  });
});

describe('/round stop', () => {
  it('closes the current question as stopped, not as timed out', async () => {
    h = await playHarness();
    const alice = h.user('a', 'Alice', 'ru');
    const g = h.group('g-stop');
    const { topic, difficulty } = choiceRound(g.id);
    await h.command(`/settings difficulty ${difficulty}`, { user: alice, chat: g, admin: true });
    await h.command(`/round ${topic} 2 30`, { user: alice, chat: g });
    const qm = publicIn(h, g.id).find((s) => s.message.buttons && s.message.buttons.length > 0)!;
    await h.command('/round stop', { user: alice, chat: g });
    expect(qm.message.buttons).toEqual([]);
    expect(qm.text).toContain('⏹ Раунд остановлен.');
    expect(qm.text).not.toContain('Время вышло');
  });
});
