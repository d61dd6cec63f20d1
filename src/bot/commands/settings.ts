/**
 * `/settings [setting] [value]` (group admins; anyone in a private chat): what /quiz and /round
 * use in this chat. `/settings` alone shows them.
 *
 * | setting      | value                                   | example                          |
 * |--------------|-----------------------------------------|----------------------------------|
 * | `topics`     | topic ids, comma or space separated, or `all` | `/settings topics backprop,gates` |
 * | `difficulty` | 1, 2 or 3: /quiz's default              | `/settings difficulty 3`         |
 * | `seconds`    | 10–300: seconds per /round question     | `/settings seconds 20`           |
 * | `count`      | 1–20: questions per /round              | `/settings count 5`              |
 *
 * On Discord: `/settings setting:topics value:backprop,gates`.
 */
import { TOPIC_IDS } from '../../quiz/types.js';
import { chatKey, type ChatSettings } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { botMessages, t } from '../i18n.js';
import { code } from '../rich-text.js';
import type { Lang } from '../../core/errors.js';
import type { RichText } from '../types.js';

/** Bounds of the round settings (Telegram quiz polls stay open 5–600 s). */
export const ROUND_SECONDS = { min: 10, max: 300 } as const;
export const ROUND_COUNT = { min: 1, max: 20 } as const;

const EXAMPLES = ['/settings topics backprop,gates', '/settings topics all', '/settings difficulty 3', '/settings seconds 20', '/settings count 5'];

/** The settings as a message. */
export function settingsText(s: ChatSettings, lang: Lang): RichText {
  const topics = s.allowedTopics === null ? t(lang, 'settings_all_topics') : s.allowedTopics.join(', ');
  const out: RichText = [
    t(lang, 'settings_title'),
    '\n',
    t(lang, 'settings_topics', { value: topics }),
    '\n',
    t(lang, 'settings_difficulty', { value: s.defaultDifficulty }),
    '\n',
    t(lang, 'settings_seconds', { value: s.roundSeconds }),
    '\n',
    t(lang, 'settings_count', { value: s.roundCount }),
    '\n\n',
    t(lang, 'settings_how'),
  ];
  for (const e of EXAMPLES) out.push('\n• ', code(e));
  return out;
}

const ALL = new Set(['all', 'все', 'всё', '*']);

function parseTopics(value: string): string[] | null {
  const items = value
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((x) => x !== '');
  if (items.length === 0 || items.some((x) => ALL.has(x))) return null;
  for (const x of items) {
    if (!(TOPIC_IDS as readonly string[]).includes(x)) throw botMessages.error('settings_bad_topics', { topic: x, topics: TOPIC_IDS.join(', ') });
  }
  return [...new Set(items)];
}

function parseWhole(setting: string, value: string, min: number, max: number): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw botMessages.error('settings_bad_number', { setting, min, max, value });
  return n;
}

export const command: BotCommand = {
  name: 'settings',
  description: {
    en: 'Chat settings for /quiz and /round: topics, difficulty, round length (admins)',
    ru: 'Настройки чата для /quiz и /round: темы, сложность, длина раунда (для администраторов)',
  },
  adminOnly: true,
  options: [
    {
      name: 'setting',
      type: 'string',
      description: { en: 'What to change: topics, difficulty, seconds or count', ru: 'Что изменить: topics, difficulty, seconds или count' },
      choices: [
        { value: 'topics', label: { en: 'Topics', ru: 'Темы' } },
        { value: 'difficulty', label: { en: 'Default difficulty', ru: 'Сложность' } },
        { value: 'seconds', label: { en: 'Seconds per round question', ru: 'Секунд на вопрос' } },
        { value: 'count', label: { en: 'Questions per round', ru: 'Вопросов в раунде' } },
      ],
    },
    {
      name: 'value',
      type: 'string',
      description: { en: 'The new value, e.g. backprop,gates or 3', ru: 'Новое значение, например backprop,gates или 3' },
      rest: true,
      max: 500,
    },
  ],
  examples: EXAMPLES,
  async run(ctx) {
    const key = chatKey(ctx.chat.door, ctx.chat.id);
    const chats = ctx.services.store.chats;
    const current = chats.ensure(key, ctx.chat.kind).settings;
    const setting = ctx.options.setting;
    const value = typeof ctx.options.value === 'string' ? ctx.options.value : undefined;
    if (setting === undefined) {
      await ctx.send(settingsText(current, ctx.lang));
      return;
    }
    const s = String(setting);
    if (value === undefined) {
      const example = EXAMPLES.find((e) => e.includes(` ${s} `)) ?? EXAMPLES[0] ?? '';
      throw botMessages.error('settings_need_value', { setting: s, example });
    }
    const next: ChatSettings = { ...current };
    if (s === 'topics') next.allowedTopics = parseTopics(value);
    else if (s === 'difficulty') next.defaultDifficulty = parseWhole(s, value, 1, 3) as 1 | 2 | 3;
    else if (s === 'seconds') next.roundSeconds = parseWhole(s, value, ROUND_SECONDS.min, ROUND_SECONDS.max);
    else next.roundCount = parseWhole(s, value, ROUND_COUNT.min, ROUND_COUNT.max);
    chats.setSettings(key, next);
    await ctx.send([t(ctx.lang, 'settings_saved'), '\n\n', ...settingsText(next, ctx.lang)]);
  },
};
