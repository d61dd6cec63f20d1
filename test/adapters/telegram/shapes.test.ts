/**
 * The door's pure parts: HTML escaping and mentions, message layout, poll payloads, the command
 * menu, command parsing, caps and token scrubbing.
 */
import { describe, expect, it } from 'vitest';
import { usesLocalApiServer, telegramCaps } from '../../../src/adapters/telegram/caps.js';
import { commandMenu } from '../../../src/adapters/telegram/commands-menu.js';
import { escapeHtml, neutraliseRichText, spansToHtml, WORD_JOINER } from '../../../src/adapters/telegram/html.js';
import { displayName, parseCommand, userRefOf } from '../../../src/adapters/telegram/inbound.js';
import { CallbackIds, inlineKeyboard } from '../../../src/adapters/telegram/keyboard.js';
import { planMessage, type Part } from '../../../src/adapters/telegram/layout.js';
import { fitsQuizPoll, pollDescription, pollExplanation, pollPayload } from '../../../src/adapters/telegram/polls.js';
import { scrubError, scrubText, TOKEN_MASK } from '../../../src/adapters/telegram/scrub.js';
import { BoundedMap } from '../../../src/adapters/telegram/bounded-map.js';
import type { OutMessage, QuizPollHint } from '../../../src/bot/types.js';
import { fakePng, TOKEN } from './helpers.js';

const kinds = (parts: Part[]) => parts.map((p) => p.kind + (p.kind === 'photo' && p.album !== undefined ? `#${p.album}` : ''));

describe('html', () => {
  it('escapes &, < and > in every span and writes only its own tags', () => {
    const html = spansToHtml(neutraliseRichText(['a<b>&c', { bold: '</b><i>' }, { italic: 'x>y' }, { code: 'a&&b' }, { pre: '<pre>' }]));
    expect(html).toBe('a&lt;b&gt;&amp;c<b>&lt;/b&gt;&lt;i&gt;</b><i>x&gt;y</i><code>a&amp;&amp;b</code><pre>&lt;pre&gt;</pre>');
    expect(escapeHtml('"quotes" stay')).toBe('"quotes" stay');
  });

  it('breaks @mentions outside code with an invisible word joiner, once', () => {
    const once = neutraliseRichText(['hi @everyone and @boris_k', { bold: '@admin' }, { code: '@decorator' }]);
    expect(once).toEqual([`hi @${WORD_JOINER}everyone and @${WORD_JOINER}boris_k`, { bold: `@${WORD_JOINER}admin` }, { code: '@decorator' }]);
    expect(neutraliseRichText(once)).toEqual(once);
  });
});

describe('layout', () => {
  const ids = new CallbackIds();
  const plan = (m: OutMessage, o?: Parameters<typeof planMessage>[2]) => planMessage(m, ids, o);
  const buttons = [[{ id: 'b1', label: 'One' }]];

  it('puts a fitting caption and the buttons on a single photo', () => {
    const [p, ...rest] = plan({ text: ['short'], images: [fakePng('a')], buttons });
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ kind: 'photo', caption: 'short', markup: { inline_keyboard: [[{ text: 'One', callback_data: 'b1' }]] } });
  });

  it('counts the word joiners against the caption limit', () => {
    const text = ['@'.repeat(600)];
    const parts = plan({ text, images: [fakePng('a')] });
    expect(kinds(parts)).toEqual(['photo', 'text']);
    expect((parts[1] as { html: string }).html).toBe(`@${WORD_JOINER}`.repeat(600));
  });

  it('groups more than ten pictures into albums of ten, caption on the first, buttons on a text after', () => {
    const images = Array.from({ length: 12 }, (_, k) => fakePng(`p${k}`));
    expect(kinds(plan({ text: ['c'], images }))).toEqual([...Array(10).fill('photo#0'), 'photo#1', 'photo#1']);
    const withButtons = plan({ text: ['c'], images: images.slice(0, 2), buttons });
    expect(kinds(withButtons)).toEqual(['photo#0', 'photo#0', 'text']);
    expect(withButtons[0]).not.toHaveProperty('caption');
  });

  it('keeps the text first on an edit of a text message, and keeps the photo on a caption-only edit', () => {
    expect(kinds(plan({ text: ['done'], images: [fakePng('x')] }, { textFirst: true }))).toEqual(['text', 'photo']);
    const [kept] = plan({ text: ['new caption'] }, { keepPhoto: 'hash1' });
    expect(kept).toEqual({ kind: 'photo', hash: 'hash1', caption: 'new caption' });
  });

  it('never sends an empty text message', () => {
    const [p] = plan({ text: [] });
    expect(p).toEqual({ kind: 'text', html: '…' });
  });

  it('leaves disabled buttons out and maps long action ids to short callback data', () => {
    const long = 'r'.repeat(100);
    const kb = inlineKeyboard([[{ id: 'a', label: 'A', disabled: true }], [{ id: long, label: 'L', style: 'secondary' }]], ids);
    const data = kb?.inline_keyboard[0]?.[0];
    expect(kb?.inline_keyboard).toHaveLength(1);
    expect(data && 'callback_data' in data ? ids.decode(data.callback_data) : undefined).toBe(long);
    expect(data).not.toHaveProperty('style');
    expect(inlineKeyboard([[{ id: 'a', label: 'A', disabled: true }]], ids)).toBeUndefined();
    expect(ids.decode('~zz')).toBeUndefined();
  });
});

describe('quiz polls', () => {
  const hint: QuizPollHint = { question: 'Can A·B be computed?', options: ['No', 'Yes, 40×53'], optionActionIds: ['a', 'b'], correctIndex: 0, openSeconds: 30 };

  it('describes a poll with the lines before the question, not the question again', () => {
    const text = ['Round: 2 questions\n\n', { bold: 'Question 1 of 2' }, '\n', { code: 'linear:1:1' }, '\n\nCan A·B be computed?\na) No\nb) Yes\n\nAnswer with the buttons.'];
    expect(pollDescription(text, hint.question)).toEqual(['Round: 2 questions\n\n', { bold: 'Question 1 of 2' }, '\n', { code: 'linear:1:1' }]);
    expect(pollDescription(['Can A·B be computed?'], hint.question)).toEqual([]);
    expect(pollDescription(['Other text'], hint.question)).toEqual(['Other text']);
    const { other } = pollPayload({ text: ['Can A·B be computed?'], poll: hint });
    expect(other).not.toHaveProperty('description');
    expect(other).toMatchObject({ type: 'quiz', is_anonymous: false, correct_option_ids: [0], open_period: 30, hide_results_until_closes: true });
  });

  it('keeps explanations within 200 characters and two line feeds', () => {
    expect(pollExplanation('a\nb\nc\nd')).toBe('a\nb\nc d');
    expect(pollExplanation('x'.repeat(300))).toHaveLength(200);
  });

  it('falls back to buttons when the options do not fit a poll', () => {
    expect(fitsQuizPoll(hint)).toBe(true);
    expect(fitsQuizPoll({ ...hint, options: Array(13).fill('o'), optionActionIds: Array(13).fill('i') })).toBe(false);
    expect(fitsQuizPoll({ ...hint, correctIndex: 2 })).toBe(false);
    expect(fitsQuizPoll({ ...hint, optionActionIds: ['a'] })).toBe(false);
  });
});

describe('commands and users', () => {
  it('parses commands as Telegram marks them', () => {
    expect(parseCommand('/Plot@GradBot relu', 'gradbot')).toEqual({ name: 'plot', args: 'relu' });
    expect(parseCommand('/quiz\nbackprop 2', 'gradbot')).toEqual({ name: 'quiz', args: 'backprop 2' });
    expect(parseCommand('/quiz@other_bot', 'gradbot')).toBe('other-bot');
    expect(parseCommand('/привет', 'gradbot')).toBeUndefined();
    expect(parseCommand('plain text', 'gradbot')).toBeUndefined();
  });

  it('names users by first and last name, else username, else id', () => {
    expect(displayName({ id: 1, is_bot: false, first_name: 'Anna', last_name: 'Petrova' })).toBe('Anna Petrova');
    expect(displayName({ id: 2, is_bot: false, first_name: ' ', username: 'boris_k' })).toBe('boris_k');
    expect(displayName({ id: 3, is_bot: false, first_name: '' })).toBe('3');
    expect(userRefOf({ id: 4, is_bot: false, first_name: 'V', language_code: 'ru' })).toEqual({ id: '4', name: 'V', locale: 'ru' });
  });

  it('lists menu commands in the asked language', () => {
    const menu = commandMenu(
      [
        { name: 'quiz', description: { en: 'A  quiz\nquestion', ru: 'Вопрос' }, options: [] },
        { name: 'start', description: { en: 's', ru: 's' }, options: [], hidden: true },
        { name: 'x'.repeat(33), description: { en: 'too long', ru: 'слишком' }, options: [] },
      ],
      'en',
    );
    expect(menu).toEqual([{ command: 'quiz', description: 'A quiz question' }]);
  });
});

describe('caps and secrets', () => {
  it('caps downloads at 20 MB on the public API and at the upload limit on a local server', () => {
    const mb = 1024 * 1024;
    expect(telegramCaps({ uploadMaxBytes: 50 * mb }, undefined).maxDownloadBytes).toBe(20 * mb);
    expect(telegramCaps({ uploadMaxBytes: 50 * mb }, 'https://api.telegram.org').maxDownloadBytes).toBe(20 * mb);
    expect(telegramCaps({ uploadMaxBytes: 50 * mb }, 'http://127.0.0.1:8081').maxDownloadBytes).toBe(50 * mb);
    expect(telegramCaps({ uploadMaxBytes: 5 * mb }, undefined).maxDownloadBytes).toBe(5 * mb);
    expect(usesLocalApiServer('not a url')).toBe(false);
    const caps = telegramCaps({ uploadMaxBytes: mb }, undefined);
    expect([caps.ephemeral, caps.nativeQuizPolls, caps.maxText, caps.maxCaption]).toEqual([false, true, 4096, 1024]);
  });

  it('scrubs the token from errors and the errors they wrap', () => {
    const inner = new Error(`request to http://127.0.0.1/bot${TOKEN}/getUpdates failed`);
    const outer = Object.assign(new Error('Network request failed!'), { error: inner });
    scrubError(outer, TOKEN);
    expect(inner.message).toBe(`request to http://127.0.0.1/bot${TOKEN_MASK}/getUpdates failed`);
    expect(inner.stack).not.toContain(TOKEN);
    expect(scrubText(`a ${TOKEN} b ${TOKEN}`, TOKEN)).toBe(`a ${TOKEN_MASK} b ${TOKEN_MASK}`);
  });

  it('forgets the oldest and the expired entries', () => {
    let t = 0;
    const m = new BoundedMap<string, number>(2, 100, () => t);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3);
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([undefined, 2, 3]);
    t = 100;
    expect(m.get('b')).toBeUndefined();
    m.set('d', 4, 1000);
    t = 500;
    expect(m.get('d')).toBe(4);
  });
});
