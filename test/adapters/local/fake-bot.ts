/**
 * A small Bot for the local door's tests: echo, buttons, an edited message, a picture, a
 * private reply, an upload report and a failure, each recording what the door passed in.
 */
import { isUserInputError, type Lang } from '../../../src/core/errors.js';
import type { Bot, BotAction, BotRequest, BotText, CommandDefinition, MessageRef } from '../../../src/bot/types.js';

/** A valid 1x1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

export interface FakeBot extends Bot {
  requests: BotRequest[];
  actions: BotAction[];
  texts: BotText[];
  /** What the /upload command saw. */
  uploads: Array<{ name: string; declaredSize: number; mime: string | undefined; bytes?: number; smallCap?: string; error?: string }>;
  closed: boolean;
}

const COMMANDS: CommandDefinition[] = [
  {
    name: 'echo',
    description: { en: 'Repeats the text', ru: 'Повторяет текст' },
    options: [{ name: 'text', type: 'string', description: { en: 'What to say', ru: 'Что сказать' }, rest: true }],
  },
  {
    name: 'plot',
    description: { en: 'Plots functions', ru: 'Рисует функции' },
    options: [{ name: 'functions', type: 'string', required: true, autocomplete: 'activations', description: { en: 'Functions', ru: 'Функции' } }],
  },
  { name: 'start', description: { en: 'Start', ru: 'Начало' }, options: [], hidden: true },
];

/** Creates the fake. `uploadSmallCap` is the smaller limit /upload also tries. */
export function createFakeBot(uploadSmallCap = 4): FakeBot {
  const bot: FakeBot = {
    commands: COMMANDS,
    requests: [],
    actions: [],
    texts: [],
    uploads: [],
    closed: false,
    async command(req) {
      bot.requests.push(req);
      const r = req.reply;
      switch (req.command) {
        case 'echo':
          await r.send({ text: ['echo: ', { bold: req.args ?? '' }] });
          return;
        case 'buttons':
          await r.send({ text: ['pick one'], buttons: [[{ id: 'act:1', label: 'One' }, { id: 'act:2', label: 'Two', style: 'primary' }], [{ id: 'act:off', label: 'Off', disabled: true }]] });
          return;
        case 'edit': {
          const ref: MessageRef = await r.send({ text: ['step 1'], buttons: [[{ id: 'cancel', label: 'Cancel' }]] });
          await r.edit(ref, { text: ['step 2'] });
          return;
        }
        case 'image':
          await r.send({ text: ['a picture'], images: [{ png: PNG_1X1, name: 'dot.png', alt: 'a dot' }] });
          return;
        case 'file':
          await r.send({ text: ['a file'], files: [{ name: 'export.csv', bytes: new TextEncoder().encode('a,b\n1,2\n'), mime: 'text/csv' }] });
          return;
        case 'secret':
          await r.send({ text: ['for your eyes only'], private: true });
          return;
        case 'typing':
          await r.typing?.();
          await new Promise((res) => setTimeout(res, 30));
          await r.send({ text: ['typed'] });
          return;
        case 'upload':
          for (const a of req.attachments) {
            const seen: FakeBot['uploads'][number] = { name: a.name, declaredSize: a.declaredSize, mime: a.mime };
            try {
              seen.bytes = (await a.download(r.caps.maxDownloadBytes)).byteLength;
            } catch (e) {
              seen.error = isUserInputError(e) ? e.code : String(e);
            }
            try {
              await a.download(uploadSmallCap);
              seen.smallCap = 'read';
            } catch (e) {
              seen.smallCap = isUserInputError(e) ? e.code : String(e);
            }
            bot.uploads.push(seen);
          }
          await r.send({ text: [`uploads: ${req.attachments.length}`] });
          return;
        case 'fail':
          throw new Error('boom with a secret stack');
        default:
          await r.send({ text: [`unknown /${req.command}`] });
      }
    },
    async action(act) {
      bot.actions.push(act);
      await act.reply.send({ text: [`pressed ${act.actionId} by ${act.user.name}`] });
    },
    async text(msg) {
      bot.texts.push(msg);
      await msg.reply.send({ text: [`heard: ${msg.text}`], ...(msg.message ? { replyTo: msg.message } : {}) });
    },
    autocomplete(command, option, typed, lang: Lang) {
      return command === 'plot' && option === 'functions'
        ? ['relu', 'gelu', 'tanh'].filter((v) => v.startsWith(typed)).map((v) => ({ value: v, label: lang === 'ru' ? `${v} (ру)` : v }))
        : [];
    },
    langFor(_chat, user) {
      return user?.locale?.startsWith('ru') ? 'ru' : 'en';
    },
    async close() {
      bot.closed = true;
    },
  };
  return bot;
}

