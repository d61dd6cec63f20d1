import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_SETTINGS, chatKey, userKey } from '../../../src/store/types.js';
import { generateQuestion, questionText } from '../../../src/quiz/index.js';
import type { Harness } from '../harness.js';
import { idIn, playHarness, questionOf } from '../rounds/play-helpers.js';

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('/quiz', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await playHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('asks a question with its id and its picture, and opens a session linked to the message', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    const chat = h.privateChat(alice);
    const r = await h.command('/quiz backprop 2', { user: alice, chat });
    const id = idIn(r.text);
    expect(id).toMatch(/^backprop:\d+:2$/);
    const q = generateQuestion('backprop', Number(id.split(':')[1]), 2);
    expect(r.text).toContain(questionText(q, 'en'));
    const images = r.sent.flatMap((s) => s.message.images ?? []);
    expect(images).toHaveLength(1);
    expect([...images[0]!.png.slice(0, 4)]).toEqual(PNG);
    const last = r.sent[r.sent.length - 1]!;
    const s = h.store.sessions.get(chatKey('local', alice.id), userKey('local', alice.id));
    expect(s).toMatchObject({ questionId: id, wrongTries: 0, hintsUsed: 0, closed: false, messageId: last.id });
    expect(h.store.sessions.questionForMessage(chatKey('local', alice.id), last.id)).toBe(id);
  });

  it('asks exactly the same question again by id, named or as the first positional', async () => {
    const bob = h.user('u2', 'Bob', 'ru');
    const chat = h.privateChat(bob);
    const a = await h.command('/quiz id:gates:17:3', { user: bob, chat });
    const b = await h.command('/quiz gates:17:3', { user: bob, chat });
    const c = await h.invoke('quiz', { id: 'gates:17:3' }, { user: bob, chat });
    expect(idIn(a.text)).toBe('gates:17:3');
    expect(b.text).toBe(a.text);
    expect(c.text).toBe(a.text);
    expect(a.text).toContain(questionText(generateQuestion('gates', 17, 3), 'ru'));
    expect(a.text).toContain('Вопрос');
    expect(a.text).toContain('/hint — подсказка (−0,2\u00a0балла)');
  });

  it('draws different seeds for two plain /quiz calls and keeps to the chat settings', async () => {
    const u = h.user('u3', 'Carol', 'en');
    const g = h.group('g-settings');
    // the chat exists once the bot saw it
    await h.command('/quiz gates', { user: u, chat: g });
    h.store.chats.setSettings(chatKey('local', g.id), { ...DEFAULT_CHAT_SETTINGS, allowedTopics: ['gates', 'loss'], defaultDifficulty: 3 });
    const ids = [];
    for (let k = 0; k < 4; k++) ids.push(idIn((await h.command('/quiz', { user: u, chat: g })).text));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^(gates|loss):\d+:3$/);
    const refused = await h.command('/quiz backprop', { user: u, chat: g });
    expect(refused.text).toContain('Topic «backprop» is switched off in this chat. Allowed topics: gates, loss.');
    expect(refused.sent.flatMap((s) => s.message.images ?? [])).toHaveLength(0);
  });

  it('a lone 1, 2 or 3 is the difficulty', async () => {
    const u = h.user('u4', 'Dan', 'en');
    const r = await h.command('/quiz 1', { user: u, chat: h.privateChat(u) });
    expect(idIn(r.text)).toMatch(/:1$/);
  });

  it('answers a bad id or topic with a specific message in the chat language', async () => {
    const u = h.user('u5', 'Eve', 'ru');
    const chat = h.privateChat(u);
    const bad = await h.command('/quiz id:../../etc', { user: u, chat });
    expect(bad.text).toContain('«../../etc» — не id вопроса');
    const topic = await h.command('/quiz backprp', { user: u, chat });
    expect(topic.text).toContain('Неизвестная тема «backprp»');
    const seed = await h.command('/quiz gates:-1:2', { user: u, chat });
    expect(seed.text).toContain('Seed должен быть целым числом');
    expect(bad.text).toContain('он стоит в первой строке каждого вопроса');
    const level = await h.command('/quiz backprop 5', { user: u, chat });
    expect(level.text).toBe('Сложность должна быть 1, 2 или 3, а получено «5».');
    const lone = await h.command('/quiz 7', { user: u, chat });
    expect(lone.text).toBe('Сложность должна быть 1, 2 или 3, а получено «7».');
    for (const r of [bad, topic, seed, level, lone]) expect(r.text).not.toMatch(/at .*\.ts|Error:/);
  });

  it('shows choices as buttons; a press is answered ✅ or ❌ and the right one takes the buttons away', async () => {
    const u = h.user('u6', 'Fay', 'en');
    const chat = h.privateChat(u);
    const asked = await h.command('/quiz id:activations:17:2', { user: u, chat });
    const q = questionOf(asked.sent[0]);
    expect(q.answer.kind).toBe('choice');
    if (q.answer.kind !== 'choice') return;
    expect(asked.buttons).toHaveLength(q.answer.choices.length);
    // opaque, distinct ids: which choice is right stays on the server
    expect(new Set(asked.buttons.map((b) => b.id)).size).toBe(asked.buttons.length);
    for (const b of asked.buttons) expect(b.id).toMatch(/^a[0-9a-z]{1,19}$/);
    const wrongIndex = (q.answer.value + 1) % q.answer.choices.length;
    const wrong = await h.press(asked.buttons[wrongIndex]!, { user: u, chat });
    expect(wrong.text.startsWith('❌')).toBe(true);
    const right = await h.press(asked.buttons[q.answer.value]!, { user: u, chat });
    expect(right.text.startsWith('✅')).toBe(true);
    expect(right.text).toContain('Counted: +0.9\u00a0points (hints and earlier tries cost points).');
    expect(right.text).toContain(`Solution of ${q.id}`);
    const questionMsg = asked.sent[asked.sent.length - 1]!;
    expect(questionMsg.message.buttons).toEqual([]);
    const attempts = h.store.attempts.forChat(chatKey('local', u.id));
    expect(attempts.map((a) => [a.correct, a.counted, a.score])).toEqual([
      [false, false, 0],
      [true, true, 0.9],
    ]);
    expect(attempts[1]!.answer).toBe(`${['a', 'b', 'c', 'd'][q.answer.value]}) ${q.answer.choices[q.answer.value]!.en}`);
  });

  it('in a group anyone presses; the solution comes once, and the buttons go when the asker solved it', async () => {
    const [alice, bob] = [h.user('a', 'Alice', 'en'), h.user('b', 'Bob', 'en')];
    const g = h.group('g-buttons');
    const asked = await h.command('/quiz id:sgd:17:2', { user: alice, chat: g });
    const qm = asked.sent.at(-1)!;
    const q = questionOf(qm);
    if (q.answer.kind !== 'choice') throw new Error('sgd:17:2 is a choice question');
    const bobPress = await h.press(asked.buttons[q.answer.value]!, { user: bob, chat: g });
    expect(bobPress.text.startsWith('✅ Bob: ')).toBe(true);
    expect(bobPress.text).toContain('Solution of sgd:17:2');
    expect(qm.message.buttons).toHaveLength(asked.buttons.length);
    const alicePress = await h.press(asked.buttons[q.answer.value]!, { user: alice, chat: g });
    expect(alicePress.text.startsWith('✅ Alice: ')).toBe(true);
    expect(alicePress.text).not.toContain('Solution of');
    expect(qm.message.buttons).toEqual([]);
    expect(qm.text).toContain('Next question: /quiz');
    expect(h.store.leaderboard.top(chatKey('local', g.id), 'all', 5, h.clock.now()).map((r) => [r.name, r.score])).toEqual([
      ['Alice', 1],
      ['Bob', 1],
    ]);
  });
});
