import { afterEach, describe, expect, it } from 'vitest';
import type { BotCommand } from '../../src/bot/command.js';
import { b, code, pre, richTextLength, splitRichText, toPlainText, truncateRichText } from '../../src/bot/rich-text.js';
import type { RichText } from '../../src/bot/types.js';
import { createHarness, type Harness } from './harness.js';

describe('splitRichText', () => {
  it('keeps a text that fits as one chunk', () => {
    expect(splitRichText(['hello ', b('world')], 20)).toEqual([['hello ', { bold: 'world' }]]);
    expect(splitRichText([], 20)).toEqual([[]]);
  });

  it('cuts at line breaks first, then spaces, and every chunk fits', () => {
    const lines = Array.from({ length: 30 }, (_, k) => `line ${k} with some words`);
    const chunks = splitRichText([lines.join('\n')], 100);
    for (const c of chunks) expect(richTextLength(c)).toBeLessThanOrEqual(100);
    expect(chunks.map(toPlainText).join('')).toBe(lines.join('\n'));
    // every chunk but the last ends at a line break
    for (const c of chunks.slice(0, -1)) expect(toPlainText(c).endsWith('\n')).toBe(true);
  });

  it('keeps the style of a span cut in two', () => {
    const chunks = splitRichText([pre('a'.repeat(15))], 10);
    expect(chunks).toEqual([[{ pre: 'a'.repeat(10) }], [{ pre: 'a'.repeat(5) }]]);
  });

  it('moves a short span that does not fit to the next chunk whole', () => {
    const chunks = splitRichText(['12345678', code('abcdef')], 10);
    expect(chunks).toEqual([['12345678'], [{ code: 'abcdef' }]]);
  });

  it('never cuts a surrogate pair (emoji)', () => {
    const chunks = splitRichText(['😀'.repeat(10)], 5);
    for (const c of chunks) {
      const s = toPlainText(c);
      expect(s.length).toBeLessThanOrEqual(5);
      expect(s).toBe(Array.from(s).join(''));
      expect(/[\ud800-\udbff]$/.test(s)).toBe(false);
    }
    expect(chunks.map(toPlainText).join('')).toBe('😀'.repeat(10));
  });

  it('splits Telegram-sized texts: 10 000 characters into 3 messages of at most 4096', () => {
    const words = Array.from({ length: 2000 }, (_, k) => `w${k % 10}xy`).join(' ');
    const chunks = splitRichText([words], 4096);
    expect(chunks.length).toBe(Math.ceil(words.length / 4096));
    for (const c of chunks) expect(richTextLength(c)).toBeLessThanOrEqual(4096);
    expect(chunks.map(toPlainText).join('')).toBe(words);
  });

  it('truncateRichText ends with an ellipsis within the limit', () => {
    const t = truncateRichText(['x'.repeat(30)], 10);
    expect(toPlainText(t)).toBe('x'.repeat(9) + '…');
    expect(truncateRichText(['short'], 10)).toEqual(['short']);
  });

  it('refuses a silly limit', () => {
    expect(() => splitRichText(['abc'], 1)).toThrow(RangeError);
  });
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('sending long texts through the bot', () => {
  const long: BotCommand = {
    name: 'long',
    description: { en: 'Long', ru: 'Длинно' },
    options: [],
    async run(ctx) {
      const text: RichText = [Array.from({ length: 40 }, (_, k) => `row ${k}`).join('\n')];
      await ctx.send({ text, buttons: [[{ id: ctx.action('x', null), label: 'OK' }]], replyTo: { chat: ctx.chat, id: 'orig' } });
      await ctx.send({ text, images: [{ png: new Uint8Array([1, 2, 3]), name: 'p.png' }] });
    },
  };

  it('splits to maxText, buttons on the last part, replyTo on the first; a long caption goes before the picture', async () => {
    h = await createHarness({ commands: [long], caps: { maxText: 100, maxCaption: 50 } });
    const r = await h.command('/long', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    const full = Array.from({ length: 40 }, (_, k) => `row ${k}`).join('\n');
    const parts = Math.ceil(full.length / 100);
    const textMsgs = r.sent.slice(0, parts);
    for (const m of r.sent) expect(m.text.length).toBeLessThanOrEqual(100);
    expect(textMsgs.map((m) => m.text).join('')).toBe(full);
    expect(textMsgs.map((m) => (m.message.buttons ?? []).length)).toEqual([...Array(parts - 1).fill(0), 1]);
    expect(textMsgs.map((m) => m.message.replyTo?.id)).toEqual(['orig', ...Array(parts - 1).fill(undefined)]);
    const rest = r.sent.slice(parts);
    const picture = rest.at(-1);
    expect(picture?.message.images?.[0]?.name).toBe('p.png');
    expect(picture?.text).toBe('');
    expect(rest.slice(0, -1).map((m) => m.text).join('')).toBe(full);
  });
});
