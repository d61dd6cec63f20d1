/**
 * The cancel button of a running job's progress message. Its action data names the owner, so
 * a classmate's press in a group stops nothing; the press aborts the owner's controller and
 * the progress message itself then says "cancelled".
 */
import { userKey } from '../../store/types.js';
import type { ActionContext, BaseContext, JsonValue } from '../command.js';
import type { Button } from '../types.js';
import { TRAIN_TEXT } from './train-texts.js';
import { userJobs } from './user-jobs.js';

/** The action name commands register `cancelPress` under. */
export const CANCEL_ACTION = 'cancel';

/** One row with the cancel button for `owner`'s job. */
export function cancelButtons(ctx: BaseContext, owner: string): Button[][] {
  return [[{ id: ctx.action(CANCEL_ACTION, { user: owner }), label: TRAIN_TEXT.cancelButton[ctx.lang], style: 'danger' }]];
}

/** The press handler: only the owner may cancel. */
export async function cancelPress(ctx: ActionContext, data: JsonValue): Promise<void> {
  const owner = typeof data === 'object' && data !== null && !Array.isArray(data) ? data.user : undefined;
  const me = userKey(ctx.chat.door, ctx.user.id);
  if (owner !== me) {
    await ctx.send({ text: [TRAIN_TEXT.notYours[ctx.lang]], private: true });
    return;
  }
  userJobs(ctx.services).cancel(me);
}
