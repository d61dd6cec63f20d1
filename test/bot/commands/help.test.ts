import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command as help } from '../../../src/bot/commands/help.js';
import { command as leaderboard } from '../../../src/bot/commands/leaderboard.js';
import { command as settings } from '../../../src/bot/commands/settings.js';
import { command as start } from '../../../src/bot/commands/start.js';
import { createHarness, type Harness } from '../harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ commands: [start, help, leaderboard, settings] });
});
afterEach(async () => {
  await h.close();
});

describe('/start and /help', () => {
  it('/start says what the bot does and lists the visible commands, in Russian', async () => {
    const r = await h.command('/start', { user: h.user('u1', 'Аня', 'ru'), chat: h.group() });
    expect(r.text.startsWith('Я gradbot — помощник для первого курса по нейросетям')).toBe(true);
    expect(r.text).toContain('Команды:\n/help — Что умеет бот; /help <команда> — про одну команду\n/leaderboard — Лучшие в этом чате');
    expect(r.text).not.toContain('/start —'); // hidden
  });

  it('/help alone gives the same introduction, in English', async () => {
    const r = await h.command('/help', { user: h.user('u1', 'Ann', 'en'), chat: h.group() });
    expect(r.text.startsWith('I am gradbot, a study companion for a first course on neural networks')).toBe(true);
    expect(r.text).toContain('Options of one command: /help <command>, e.g. /help quiz.');
  });

  it('/help <command> gives its usage, options and examples', async () => {
    const r = await h.command('/help leaderboard', { user: h.user('u1', 'Аня', 'ru'), chat: h.group() });
    expect(r.text).toContain('/leaderboard — Лучшие в этом чате: за неделю или за всё время');
    expect(r.text).toContain('Как вызвать: /leaderboard [period]');
    expect(r.text).toContain('period: week|all');
    expect(r.text).toContain('по умолчанию week');
    expect(r.text).toContain('Примеры:\n• /leaderboard\n• /leaderboard all');
    const admin = await h.command('/help /settings', { user: h.user('u1', 'Ann', 'en'), chat: h.group() });
    expect(admin.text).toContain('Group admins only.');
  });

  it('/help of an unknown command says so', async () => {
    const r = await h.command('/help nosuch', { user: h.user('u1', 'Ann', 'en'), chat: h.group() });
    expect(r.text).toBe('I do not know the command /nosuch.');
    const typo = await h.command('/help hepl', { user: h.user('u2', 'Аня', 'ru'), chat: h.group() });
    expect(typo.text).toBe('Я не знаю команды /hepl. Может быть, вы имели в виду /help?');
  });
});
