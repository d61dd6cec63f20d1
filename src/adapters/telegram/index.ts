/**
 * The Telegram door: grammY with long polling through @grammyjs/runner. Started by the
 * composition root (src/main.ts) when TELEGRAM_BOT_TOKEN is set; the only place (with the
 * files beside it) that imports grammY.
 *
 * TELEGRAM_API_ROOT (no trailing slash) points the API and file downloads at a local Bot API
 * server (which lifts the 20 MB download limit) or at a test server; default api.telegram.org.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot as GrammyBot, GrammyError } from 'grammy';
import type { DoorDeps, RunningDoor } from '../door.js';
import { AdminCache } from './admins.js';
import { PUBLIC_API_ROOT, telegramCaps, usesLocalApiServer } from './caps.js';
import { publishCommandMenus } from './commands-menu.js';
import { CallbackIds } from './keyboard.js';
import { PollRegistry } from './polls.js';
import type { OutboundState } from './replier.js';
import { describeError, scrubTransformer, scrubText } from './scrub.js';
import { SentMessages } from './sent-messages.js';
import { installUpdateHandlers } from './updates.js';

/** The update kinds the door handles (getUpdates' allowed_updates). */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'poll_answer', 'my_chat_member'] as const;

/** How long `stop` waits for handlers that outlived their chat's turn. */
const STOP_GRACE_MS = 3000;

/** Thrown when the door cannot start (a refused token, an unreachable API): a line for the operator. */
export class TelegramStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TelegramStartError';
  }
}

/** What the operator can do when long polling stops for good (the runner gives up only on these). */
function pollingStoppedHint(err: unknown): string {
  if (err instanceof GrammyError && err.error_code === 409) {
    return 'another process is polling with this token, or a webhook is set: stop the other instance (or deleteWebhook) and restart';
  }
  if (err instanceof GrammyError && err.error_code === 401) return 'the token was revoked: get a new one from @BotFather and restart';
  return 'restart the bot';
}

/** Starts the Telegram door; rejects with a TelegramStartError when Telegram refuses to start. */
export async function startTelegramDoor(deps: DoorDeps): Promise<RunningDoor> {
  const { config, bot, log } = deps;
  const tg = config.telegram;
  if (tg === undefined) throw new TelegramStartError('Telegram: TELEGRAM_BOT_TOKEN is not set');
  const { token } = tg;
  const apiRoot = tg.apiRoot ?? PUBLIC_API_ROOT;
  const g = new GrammyBot(token, { client: { apiRoot } });
  // 429 (flood limits) and 5xx are retried after the time Telegram asks for; the scrubber wraps
  // it so that even the last failure carries no token.
  g.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  g.api.config.use(scrubTransformer(token, log));

  try {
    await g.init();
  } catch (e) {
    const why =
      e instanceof GrammyError && e.error_code === 401
        ? 'Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token from @BotFather again'
        : `could not reach the Telegram Bot API at ${apiRoot} (${describeError(e, token).message}); check the network or TELEGRAM_API_ROOT`;
    throw new TelegramStartError(scrubText(why, token));
  }
  const me = { id: g.botInfo.id, username: g.botInfo.username };

  const out: OutboundState = {
    api: g.api,
    caps: telegramCaps(config, tg.apiRoot),
    ids: new CallbackIds(),
    sent: new SentMessages(),
    polls: new PollRegistry(),
    log,
  };
  const inflight = new Set<Promise<void>>();
  installUpdateHandlers(g, {
    bot,
    log,
    token,
    out,
    admins: new AdminCache(g.api, log),
    downloads: { api: g.api, token, apiRoot, localServer: usesLocalApiServer(tg.apiRoot) },
    me,
    inflight,
  });
  // Whatever a handler throws is logged here, without the token, and the bot keeps running.
  g.catch((err) => log.error({ err: describeError(err.error, token), update: err.ctx.update.update_id }, 'telegram: update failed'));

  await publishCommandMenus(g.api, bot.commands, log);

  const handle: RunnerHandle = run(g, {
    runner: {
      fetch: { allowed_updates: ALLOWED_UPDATES, timeout: 30 },
      // The runner would print unscrubbed errors; the scrubber logs failed polls instead.
      silent: true,
      // Waits grow by 0.1 s per failure (doubling would reach hours), and the door keeps
      // trying through a long outage rather than give up after the runner's default 15 hours.
      retryInterval: 'quadratic',
      maxRetryTime: 365 * 24 * 60 * 60 * 1000,
    },
  });
  void handle.task()?.catch((err: unknown) => log.error({ err: describeError(err, token), hint: pollingStoppedHint(err) }, 'telegram: polling stopped'));
  log.info({ username: me.username, apiRoot: usesLocalApiServer(tg.apiRoot) ? apiRoot : 'public' }, 'telegram door started');

  return {
    name: 'telegram',
    async stop() {
      if (handle.isRunning()) await handle.stop();
      if (inflight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inflight]),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, STOP_GRACE_MS);
          }),
        ]);
        clearTimeout(timer);
      }
      log.info({}, 'telegram door stopped');
    },
  };
}
