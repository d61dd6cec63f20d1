/**
 * What the Telegram door can do, for the bot layer (`Replier.caps`).
 */
import type { DoorCaps } from '../../bot/types.js';
import type { Config } from '../../config.js';

/** The public Bot API's download limit for bots (a local Bot API server lifts it). */
export const PUBLIC_API_DOWNLOAD_BYTES = 20 * 1024 * 1024;

/** The public Bot API server. */
export const PUBLIC_API_ROOT = 'https://api.telegram.org';

/** True when TELEGRAM_API_ROOT points at a server other than Telegram's public one. */
export function usesLocalApiServer(apiRoot: string | undefined): boolean {
  if (apiRoot === undefined) return false;
  try {
    return new URL(apiRoot).hostname !== 'api.telegram.org';
  } catch {
    return false;
  }
}

/**
 * Telegram's limits: messages 4,096 characters, captions 1,024; about 20 edits a minute per group
 * (so a group's progress message is edited every 3 s at most) and one a second in private chats;
 * downloads up to 20 MB through the public API. No ephemeral messages (a private reply goes
 * into the chat as a reply, or into a button's callback alert); native quiz polls for rounds.
 */
export function telegramCaps(config: Pick<Config, 'uploadMaxBytes'>, apiRoot: string | undefined): DoorCaps {
  const maxDownloadBytes = usesLocalApiServer(apiRoot) ? config.uploadMaxBytes : Math.min(PUBLIC_API_DOWNLOAD_BYTES, config.uploadMaxBytes);
  return {
    ephemeral: false,
    nativeQuizPolls: true,
    maxText: 4096,
    maxCaption: 1024,
    minEditIntervalMs: (kind) => (kind === 'group' ? 3000 : 1000),
    maxDownloadBytes,
  };
}
