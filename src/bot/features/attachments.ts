/**
 * Uploads, size first: the size a chat declares for an attachment is checked against the
 * limit BEFORE anything is downloaded (a 2 GB upload costs nothing), and the download itself
 * is capped at the same limit (a declared size can be missing or wrong).
 */
import type { UserInputError } from '../../core/errors.js';
import type { BaseContext } from '../command.js';
import type { Attachment } from '../types.js';

/**
 * The largest upload this chat may send for a feature: the configured limit
 * (GRADBOT_UPLOAD_MAX_MB), what the door can download (Telegram: 20 MB), and the feature's own cap.
 */
export function uploadLimit(ctx: Pick<BaseContext, 'services' | 'replier'>, featureMax = Infinity): number {
  return Math.min(ctx.services.config.uploadMaxBytes, ctx.replier.caps.maxDownloadBytes, featureMax);
}

/**
 * Checks the declared size with `tooLarge` (the feature's own message, which states the limit
 * and what to do) and only then downloads at most `limit` bytes.
 */
export async function downloadChecked(
  attachment: Attachment,
  limit: number,
  tooLarge: (declaredSize: number, limit: number) => UserInputError,
): Promise<Uint8Array> {
  if (attachment.declaredSize > limit) throw tooLarge(attachment.declaredSize, limit);
  return attachment.download(limit);
}
