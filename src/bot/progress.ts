/**
 * A progress message that respects the door's edit rate (Telegram groups allow about 20 edits
 * a minute): the first content is sent at once, later updates edit it at most once per
 * `caps.minEditIntervalMs(chat.kind)`; updates closer than that are merged (only the newest is
 * shown), and `finish` always shows the final content.
 */
import type { Progress } from './command.js';
import type { Log } from './services.js';
import type { Scheduler } from './runtime.js';
import type { MessageRef, OutMessage, RichText } from './types.js';
import { toOutMessage } from './rich-text.js';

export interface ProgressDeps {
  ref: MessageRef;
  intervalMs: number;
  now(): number;
  scheduler: Scheduler;
  log: Log;
  /** Edits the message (the context's edit: it fits the text to the door's limit). */
  edit(ref: MessageRef, msg: OutMessage): Promise<void>;
  /** Sends a new message when the last edit failed (the message was deleted...). */
  send(msg: OutMessage): Promise<MessageRef>;
}

/** Creates the throttle around an already sent message. */
export function createProgress(deps: ProgressDeps): Progress {
  let lastEditAt = deps.now();
  let pending: OutMessage | undefined;
  let cancelTimer: (() => void) | undefined;
  let chain: Promise<void> = Promise.resolve();
  let finished = false;

  const doEdit = (m: OutMessage): Promise<void> => {
    lastEditAt = deps.now();
    chain = chain.then(() =>
      deps.edit(deps.ref, m).catch((err: unknown) => {
        deps.log.warn({ err, chat: deps.ref.chat.id }, 'progress edit failed');
      }),
    );
    return chain;
  };

  const flush = () => {
    cancelTimer = undefined;
    if (finished || !pending) return;
    const m = pending;
    pending = undefined;
    void doEdit(m);
  };

  return {
    ref: deps.ref,
    update(msg: OutMessage | RichText) {
      if (finished) return;
      pending = toOutMessage(msg);
      if (cancelTimer) return; // merged into the scheduled edit
      const wait = lastEditAt + deps.intervalMs - deps.now();
      if (wait <= 0) flush();
      else cancelTimer = deps.scheduler.setTimeout(flush, wait);
    },
    async finish(msg: OutMessage | RichText) {
      if (finished) return;
      finished = true;
      cancelTimer?.();
      cancelTimer = undefined;
      pending = undefined;
      const m = toOutMessage(msg);
      await chain;
      try {
        await deps.edit(deps.ref, m);
      } catch (err) {
        // The final content must arrive: as a new message when the old one cannot be edited.
        deps.log.warn({ err, chat: deps.ref.chat.id }, 'progress final edit failed; sending anew');
        await deps.send(m);
      }
    },
  };
}
