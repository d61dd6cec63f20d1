/**
 * `/export` (group admins; anyone in a private chat): a CSV file of every attempt in this chat
 * (user, topic, question id, answer, correct, score, hints, time in ISO 8601), sent as a
 * document, privately where the door can.
 */
import { chatKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { attemptsCsv } from '../csv-export.js';
import { count, t } from '../i18n.js';

/** `gradbot-<chat>-<date>.csv`, with the chat id reduced to safe characters. */
export function exportFileName(chatId: string, at: number): string {
  const safe = chatId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `gradbot-${safe}-${new Date(at).toISOString().slice(0, 10)}.csv`;
}

export const command: BotCommand = {
  name: 'export',
  description: { en: 'A CSV file of every answer in this chat (admins)', ru: 'CSV-файл со всеми ответами в этом чате (для администраторов)' },
  adminOnly: true,
  options: [],
  examples: ['/export'],
  async run(ctx) {
    const rows = ctx.services.store.attempts.forChat(chatKey(ctx.chat.door, ctx.chat.id));
    if (rows.length === 0) {
      await ctx.send({ text: [t(ctx.lang, 'export_empty')], private: true });
      return;
    }
    const bytes = new TextEncoder().encode(attemptsCsv(rows));
    await ctx.send({
      text: [t(ctx.lang, 'export_caption', { count: count(ctx.lang, rows.length, 'answers') })],
      files: [{ name: exportFileName(ctx.chat.id, ctx.services.now()), bytes, mime: 'text/csv' }],
      private: true,
    });
  },
};
