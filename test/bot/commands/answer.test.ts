import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/bot/rich-text.js';
import { openStore } from '../../../src/store/index.js';
import { chatKey, userKey } from '../../../src/store/types.js';
import type { Harness } from '../harness.js';
import { playHarness, questionOf, rightAnswer, wrongAnswer } from '../rounds/play-helpers.js';

const attemptsIn = (h: Harness, chatId: string) => h.store.attempts.forChat(chatKey('local', chatId));

describe('/answer and answers by reply or plain text', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await playHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('marks a right answer ✅ and a wrong one ❌ (private chat, STACK penalty for the wrong try)', async () => {
    const u = h.user('p1', 'Pat', 'ru');
    const chat = h.privateChat(u);
    const q = questionOf((await h.command('/quiz id:gates:17:1', { user: u, chat })).sent[0]);
    const wrong = await h.command(`/answer ${wrongAnswer(q)}`, { user: u, chat });
    expect(wrong.text.startsWith('❌')).toBe(true);
    expect(wrong.text).toContain('Следующая попытка: −0,1\u00a0балла.');
    expect(h.store.sessions.get(chatKey('local', u.id), userKey('local', u.id))?.wrongTries).toBe(1);
    const right = await h.command(`/answer ${rightAnswer(q)}`, { user: u, chat });
    expect(right.text.startsWith('✅')).toBe(true);
    // The points are said once, in the count line (not also as the quiz's «Балл 0,9»).
    expect(right.text).not.toMatch(/Балл \d/);
    expect(right.text).toContain('В зачёт: +0,9\u00a0балла (подсказки и прошлые попытки снижают балл).');
    expect(right.text).toContain(`Решение вопроса ${q.id}`);
    expect(attemptsIn(h, u.id).map((a) => [a.answer, a.correct, a.counted, a.score])).toEqual([
      [wrongAnswer(q), false, false, 0],
      [rightAnswer(q), true, true, 0.9],
    ]);
    expect(h.store.sessions.get(chatKey('local', u.id), userKey('local', u.id))?.closed).toBe(true);
    // solved: a further /answer has no open question to go to
    const after = await h.command(`/answer ${rightAnswer(q)}`, { user: u, chat });
    expect(after.text).toContain('У вас нет открытого вопроса');
  });

  it('shows Russian groups a decimal comma in the example, and takes one', async () => {
    const u = h.user('r1', 'Рита', 'ru');
    const g = h.group('class-ru');
    const asked = await h.command('/quiz id:gates:17:2', { user: u, chat: g });
    expect(asked.text).toContain('Ответ — число: /answer 0,5 или ответом на это сообщение.');
    const empty = await h.command('/answer', { user: u, chat: g });
    expect(empty.text).toBe('Напишите ответ после команды: /answer 0,5 (число), /answer б (вариант) или /answer 2*x (выражение).');
    const q = questionOf(asked.sent[asked.sent.length - 1]);
    const right = await h.command(`/answer ${rightAnswer(q).replace('.', ',')}`, { user: u, chat: g });
    expect(right.text.startsWith('✅ Рита: ')).toBe(true);
  });

  it('takes answers by reply to the question: plain text and /answer, from anyone in a group', async () => {
    const alice = h.user('a', 'Alice', 'en');
    const bob = h.user('b', 'Bob', 'en');
    const carol = h.user('c', 'Carol', 'en');
    const g = h.group('class');
    const asked = await h.command('/quiz id:gates:17:2', { user: alice, chat: g });
    const qm = asked.sent[asked.sent.length - 1]!;
    const q = questionOf(qm);
    const byText = await h.text(rightAnswer(q), { user: bob, chat: g, replyTo: qm });
    expect(byText.text.startsWith('✅ Bob: ')).toBe(true);
    expect(byText.sent[0]!.message.replyTo?.id).toMatch(/^u\d+$/);
    const byCommand = await h.command(`/answer ${wrongAnswer(q)}`, { user: carol, chat: g, replyTo: qm });
    expect(byCommand.text.startsWith('❌ Carol: ')).toBe(true);
    expect(byCommand.text).toContain('Your first answer is counted: 0\u00a0points.');
    // a group reply to something that is not a question is just chatter
    const chatter = await h.text('nice one', { user: bob, chat: g, replyTo: byText.sent[0]! });
    expect(chatter.sent).toHaveLength(0);
    expect(attemptsIn(h, g.id).map((a) => [a.user, a.correct, a.counted])).toEqual([
      ['local:b', true, true],
      ['local:c', false, true],
    ]);
  });

  it('takes any plain message in a private chat with an open question, and only then', async () => {
    const u = h.user('p2', 'Quinn', 'en');
    const chat = h.privateChat(u);
    const idle = await h.text('4', { user: u, chat });
    expect(idle.text.startsWith('✅') || idle.text.startsWith('❌')).toBe(false);
    const q = questionOf((await h.command('/quiz id:gates:17:1', { user: u, chat })).sent[0]);
    const r = await h.text(` ${rightAnswer(q)} `, { user: u, chat });
    expect(r.text.startsWith('✅')).toBe(true);
    expect(attemptsIn(h, u.id)).toHaveLength(1);
  });

  it('answers an unreadable answer with help, neither ✅ nor ❌, and records nothing', async () => {
    const u = h.user('p3', 'Rae', 'ru');
    const chat = h.privateChat(u);
    await h.command('/quiz id:gates:17:1', { user: u, chat });
    for (const bad of ['/answer abc', '/answer 1/0', '/answer ' + '9'.repeat(300)]) {
      const r = await h.command(bad, { user: u, chat });
      expect(r.text.startsWith('✅') || r.text.startsWith('❌')).toBe(false);
      expect(r.text).toContain('Ответ — число');
    }
    const empty = await h.command('/answer', { user: u, chat });
    expect(empty.text).toContain('Напишите ответ после команды');
    expect(attemptsIn(h, u.id)).toHaveLength(0);
    expect(h.store.sessions.get(chatKey('local', u.id), userKey('local', u.id))?.wrongTries).toBe(0);
  });

  it('in a group each person’s first answer counts, later ones get feedback only', async () => {
    const [alice, bob, carol] = [h.user('a', 'Alice'), h.user('b', 'Bob'), h.user('c', 'Carol')];
    const g = h.group('g-first');
    const asked = await h.command('/quiz id:gates:17:3', { user: alice, chat: g });
    const qm = asked.sent[asked.sent.length - 1]!;
    const q = questionOf(qm);
    const bobWrong = await h.command(`/answer ${wrongAnswer(q)}`, { user: bob, chat: g, replyTo: qm });
    expect(bobWrong.text.startsWith('❌')).toBe(true);
    const bobRight = await h.command(`/answer ${rightAnswer(q)}`, { user: bob, chat: g, replyTo: qm });
    expect(bobRight.text.startsWith('✅')).toBe(true);
    expect(bobRight.text).toContain('Not counted: only each person’s first answer to a question counts.');
    const carolRight = await h.text(rightAnswer(q), { user: carol, chat: g, replyTo: qm });
    expect(carolRight.text).toContain('Counted: +1\u00a0point.');
    // the owner answers without a reply: their own open question
    const aliceRight = await h.command(`/answer ${rightAnswer(q)}`, { user: alice, chat: g });
    expect(aliceRight.text.startsWith('✅ Alice: ')).toBe(true);
    const board = h.store.leaderboard.top(chatKey('local', g.id), 'all', 10, h.clock.now());
    expect(board.map((r) => [r.name, r.score, r.attempts])).toEqual([
      ['Alice', 1, 1],
      ['Carol', 1, 1],
      ['Bob', 0, 1],
    ]);
    // the worked solution was posted once, after the first right answer
    expect(h.messages(g).filter((s) => s.text.includes(`Solution of ${q.id}`))).toHaveLength(1);
  });
});

describe('durability', () => {
  it('commits the attempt before the ✅/❌ reply is sent', async () => {
    const seen: Array<{ mark: string; attempts: number }> = [];
    let hh: Harness | undefined;
    const h = await playHarness({
      fail(op, msg) {
        const text = toPlainText(msg.text);
        if (op === 'send' && hh && (text.startsWith('✅') || text.startsWith('❌'))) {
          seen.push({ mark: text.slice(0, 1), attempts: hh.store.attempts.forChat(chatKey('local', 'd1')).length });
        }
        return undefined;
      },
    });
    hh = h;
    try {
      const u = h.user('d1', 'Dee');
      const chat = h.privateChat(u);
      const q = questionOf((await h.command('/quiz id:gates:17:1', { user: u, chat })).sent[0]);
      await h.command(`/answer ${wrongAnswer(q)}`, { user: u, chat });
      await h.text(rightAnswer(q), { user: u, chat });
      expect(seen).toEqual([
        { mark: '❌', attempts: 1 },
        { mark: '✅', attempts: 2 },
      ]);
    } finally {
      await h.close();
    }
  });

  it('keeps the session (wrong tries, hints) across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradbot-answer-'));
    const file = join(dir, 'bot.db');
    try {
      const u = { id: 'r1', name: 'Ros' };
      const first = await playHarness({ store: openStore(file) });
      const chat = first.privateChat(u.id);
      const q = questionOf((await first.command('/quiz id:gates:17:1', { user: u, chat })).sent[0]);
      await first.command(`/answer ${wrongAnswer(q)}`, { user: u, chat });
      await first.command('/hint', { user: u, chat });
      await first.close();
      const second = await playHarness({ store: openStore(file) });
      try {
        const r = await second.text(rightAnswer(q), { user: u, chat });
        expect(r.text.startsWith('✅')).toBe(true);
        const attempts = second.store.attempts.forChat(chatKey('local', u.id));
        expect(attempts.map((a) => [a.correct, a.score, a.hintsUsed])).toEqual([
          [false, 0, 0],
          [true, 0.7, 1],
        ]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
