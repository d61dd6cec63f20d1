/**
 * Every string the bot layer itself shows (dispatch, limits, help, /lang, /settings,
 * /leaderboard, /stats, /export), in Russian and English. Feature texts (quiz, training,
 * spells) live beside their features. Plural forms go through src/core/plural.ts.
 */
import { defineMessages, formatTemplate, type Lang, type MessageParams } from '../core/errors.js';
import { countOf, plural, type PluralForms } from '../core/plural.js';

export const botMessages = defineMessages('bot', {
  unknown_command: {
    en: 'I do not know the command /{name}.',
    ru: 'Я не знаю команды /{name}.',
  },
  unknown_command_near: {
    en: 'I do not know the command /{name}. Did you mean /{near}?',
    ru: 'Я не знаю команды /{name}. Может быть, вы имели в виду /{near}?',
  },
  commands_header: { en: 'Commands:', ru: 'Команды:' },
  help_more: {
    en: 'Options of one command: /help <command>, e.g. /help quiz.',
    ru: 'Параметры одной команды: /help <команда>, например /help quiz.',
  },
  something_wrong: {
    en: 'Something went wrong on my side. Please try again in a moment.',
    ru: 'У меня что-то пошло не так. Попробуйте ещё раз чуть позже.',
  },
  rate_user: {
    en: 'You are sending commands too fast. Please try again in {wait}.',
    ru: 'Вы отправляете команды слишком часто. Попробуйте снова через {wait}.',
  },
  rate_chat: {
    en: 'This chat is sending commands too fast. Please try again in {wait}.',
    ru: 'В этом чате команды идут слишком часто. Попробуйте снова через {wait}.',
  },
  action_expired: {
    en: 'This button is no longer active. Run the command again to get a fresh one.',
    ru: 'Эта кнопка уже не действует. Запустите команду заново.',
  },
  admin_only: {
    en: 'Only the admins of this group can use /{command}.',
    ru: 'Команда /{command} доступна только администраторам группы.',
  },
  closing: {
    en: 'The bot is restarting. Please try again in a minute.',
    ru: 'Бот перезапускается. Попробуйте через минуту.',
  },
  private_hint: {
    en: 'Type /help to see what I can do.',
    ru: 'Наберите /help, чтобы узнать, что я умею.',
  },
  usage: { en: 'Usage:', ru: 'Как вызвать:' },
  examples: { en: 'Examples:', ru: 'Примеры:' },
  admin_note: { en: 'Group admins only.', ru: 'Только для администраторов группы.' },
  named_note: {
    en: 'Options go in this order, or by name in any order: name:value.',
    ru: 'Параметры идут в этом порядке или по имени в любом порядке: имя:значение.',
  },
  intro: {
    en: 'I am gradbot, a study companion for a first course on neural networks: computation graphs and backprop, activation functions, quizzes and timed rounds for the class, tiny networks trained on your CSV, and invented spell names from a character-level model.',
    ru: 'Я gradbot — помощник для первого курса по нейросетям: графы вычислений и обратное распространение, функции активации, вопросы и раунды на время для всей группы, маленькие сети, обученные на вашем CSV, и придуманные названия заклинаний от символьной модели.',
  },
  try_these: { en: 'Try these:', ru: 'Попробуйте:' },
  lang_current: {
    en: 'This chat speaks English. Switch with /lang ru or /lang en.',
    ru: 'В этом чате я говорю по-русски. Сменить язык: /lang en или /lang ru.',
  },
  lang_set: {
    en: 'Done: I will answer in English in this chat.',
    ru: 'Готово: в этом чате я буду отвечать по-русски.',
  },
  leaderboard_title_week: { en: 'Leaderboard of this chat, last 7 days:', ru: 'Лидеры этого чата за 7 дней:' },
  leaderboard_title_all: { en: 'Leaderboard of this chat, all time:', ru: 'Лидеры этого чата за всё время:' },
  leaderboard_row: { en: '{place}. {name} — {points} ({correct} of {answers} right)', ru: '{place}. {name} — {points} (верно {correct} из {answers})' },
  leaderboard_empty_week: {
    en: 'No counted answers in this chat in the last 7 days. Start with /quiz or /round.',
    ru: 'За последние 7 дней в этом чате нет засчитанных ответов. Начните с /quiz или /round.',
  },
  leaderboard_empty_all: {
    en: 'No counted answers in this chat yet. Start with /quiz or /round.',
    ru: 'В этом чате пока нет засчитанных ответов. Начните с /quiz или /round.',
  },
  stats_title: { en: 'Results by topic for {name}:', ru: 'Результаты по темам — {name}:' },
  stats_row: { en: '• {topic}: {correct} of {answers} right, {points}', ru: '• {topic}: верно {correct} из {answers}, {points}' },
  stats_total: { en: 'In all: {correct} of {answers} right, {points}.', ru: 'Всего: верно {correct} из {answers}, {points}.' },
  stats_empty: {
    en: 'You have not answered any questions yet. Try /quiz.',
    ru: 'Вы ещё не ответили ни на один вопрос. Попробуйте /quiz.',
  },
  streak: { en: 'Streak: {days} in a row with a right answer.', ru: 'Серия: {days} подряд с верным ответом.' },
  streak_none: {
    en: 'No streak yet: answer one question right today to start one.',
    ru: 'Серии пока нет: ответьте верно хотя бы на один вопрос сегодня, чтобы её начать.',
  },
  settings_title: { en: 'Settings of this chat:', ru: 'Настройки этого чата:' },
  settings_topics: { en: '• topics for /quiz and /round: {value}', ru: '• темы для /quiz и /round: {value}' },
  settings_all_topics: { en: 'all', ru: 'все' },
  settings_difficulty: { en: '• default difficulty: {value} (1 to 3)', ru: '• сложность по умолчанию: {value} (от 1 до 3)' },
  settings_seconds: { en: '• seconds per /round question: {value}', ru: '• секунд на вопрос в /round: {value}' },
  settings_count: { en: '• questions per /round: {value}', ru: '• вопросов в /round: {value}' },
  settings_how: { en: 'To change (group admins):', ru: 'Как изменить (администраторы группы):' },
  settings_saved: { en: 'Saved.', ru: 'Сохранено.' },
  settings_need_value: {
    en: 'Give a value after «{setting}», e.g. {example}.',
    ru: 'Укажите значение после «{setting}», например {example}.',
  },
  settings_bad_topics: {
    en: 'Unknown topic «{topic}». Topics: {topics}, or «all».',
    ru: 'Неизвестная тема «{topic}». Темы: {topics} или «all» (все).',
  },
  settings_bad_number: {
    en: '«{setting}» must be a whole number from {min} to {max}; got «{value}».',
    ru: '«{setting}» — целое число от {min} до {max}; получено «{value}».',
  },
  export_empty: { en: 'No answers in this chat yet: nothing to export.', ru: 'В этом чате ещё нет ответов: выгружать нечего.' },
  export_caption: {
    en: 'Every answer in this chat: {count}. Cells that start with = + - @ begin with an apostrophe so a spreadsheet shows them as text.',
    ru: 'Все ответы в этом чате: {count}. Ячейки, начинающиеся с = + - @, идут с апострофом, чтобы таблица показала их как текст.',
  },
});

/** A bot message in the language. */
export function t(lang: Lang, key: keyof typeof botMessages.texts, params: MessageParams = {}): string {
  return formatTemplate(botMessages.texts[key][lang], params);
}

/** Word forms the bot layer counts with. */
export const UNITS = {
  seconds: {
    en: { one: 'second', other: 'seconds' },
    ru: { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' },
  },
  points: {
    en: { one: 'point', other: 'points' },
    ru: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
  },
  days: {
    en: { one: 'day', other: 'days' },
    ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
  },
  questions: {
    en: { one: 'question', other: 'questions' },
    ru: { one: 'вопрос', few: 'вопроса', many: 'вопросов', other: 'вопроса' },
  },
  answers: {
    en: { one: 'answer', other: 'answers' },
    ru: { one: 'ответ', few: 'ответа', many: 'ответов', other: 'ответа' },
  },
} as const satisfies Record<string, Record<Lang, PluralForms>>;

export type Unit = keyof typeof UNITS;

const decimalFormat: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }),
};

/**
 * `n` with its word: `count('ru', 21, 'points')` → `21 балл`, `count('ru', 2.5, 'points')` →
 * `2,5 балла`. Fractions keep one decimal, written the language's way.
 */
export function count(lang: Lang, n: number, unit: Unit): string {
  const forms = UNITS[unit][lang];
  const rounded = Math.round(n * 10) / 10;
  if (Number.isInteger(rounded)) return countOf(lang, rounded, forms);
  return `${decimalFormat[lang].format(rounded)}\u00a0${plural(lang, rounded, forms)}`;
}

/** A wait in whole seconds, rounded up, at least 1: `через 12 секунд`. */
export function waitText(lang: Lang, ms: number): string {
  return count(lang, Math.max(1, Math.ceil(ms / 1000)), 'seconds');
}
