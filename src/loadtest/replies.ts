/**
 * What the load test counts as each command's first and final reply (README: "Load test").
 *
 * The first reply is the first bot message created after the student's message (for a button
 * press: the first bot change after the press); the final one is the message the student was
 * waiting for:
 *
 * | command        | first reply                   | final reply                                   |
 * |----------------|-------------------------------|-----------------------------------------------|
 * | /plot          | first bot message             | the message with the chart (an image)         |
 * | /quiz          | first bot message             | the question (its id `topic:seed:difficulty`) |
 * | /hint          | first bot message             | the same                                      |
 * | answer, button | the `✅`/`❌` message          | `❌`: the same; `✅`: the worked solution       |
 * | /grad          | first bot message             | the message with the graph picture            |
 * | ▶ (grad step)  | first bot change              | the grad message edited with its next picture |
 * | /train         | the progress message          | the message with the loss curve (images)      |
 * | /spells        | first bot message (progress   | the names with their losses line              |
 * |                | when the model is trained)    |                                               |
 * | /round         | first bot message             | the first question of the round               |
 * | round answer   | the private `✅`/`❌`          | the same                                      |
 *
 * A first reply that is neither the final one nor an expected interim one (a progress message)
 * is an error, and so is any reply saying something went wrong or asking to slow down.
 */
import { formatTemplate, type Lang } from '../core/errors.js';
import { botMessages } from '../bot/i18n.js';
import { PLAY, playMessages } from '../bot/quiz-play/texts.js';
import { TRAIN_TEXT } from '../bot/features/train-texts.js';
import { jobMessages } from '../jobs/pool.js';
import type { WireMessage } from '../adapters/local/wire.js';

/** A question id in a message, as in `backprop:17:2`. */
export const QUESTION_ID_RE = /\b([a-z_]+):(\d{1,10}):([123])\b/;

/** The question id a message shows, if any. */
export function questionIdIn(text: string): string | undefined {
  return QUESTION_ID_RE.exec(text)?.[0];
}

/** The start of a template before its first placeholder (for texts with parameters). */
function stem(template: string): string {
  const i = template.indexOf('{');
  return (i < 0 ? template : template.slice(0, i)).trim();
}

/** The local door's own apology (src/adapters/local/server.ts) when the bot call failed. */
const DOOR_FAILED = ['Sorry, something went wrong while answering that.', 'Простите, при ответе что-то пошло не так.'];

/** The generator's own failure line (src/bot/features/spell-training.ts). */
const SPELLS_FAILED = ['Generator training stopped:', 'Обучение генератора остановлено:'];

const both = (t: { en: string; ru: string }) => [stem(t.en), stem(t.ru)];

const TROUBLE: readonly string[] = [
  ...(['something_wrong', 'rate_user', 'rate_chat', 'closing', 'action_expired'] as const).flatMap((k) => both(botMessages.texts[k])),
  // The pool refusing or losing a job: a full queue, a time or memory limit, a crash.
  ...(['queue_full', 'timeout', 'out_of_memory', 'crashed', 'closed'] as const).flatMap((k) => both(jobMessages.texts[k])),
  // "The question {id} needs its picture, and {reason}": the words between the two.
  ...(['en', 'ru'] as const).map((l) => (playMessages.texts.picture_missing[l].split('{id}')[1] ?? '').split('{reason}')[0]?.trim() ?? ''),
  ...both(TRAIN_TEXT.failed),
  ...SPELLS_FAILED,
  ...DOOR_FAILED,
];

/** A reply that says something went wrong, that the service refused or lost the work, or asks to slow down. */
export function troubleIn(m: WireMessage): string | undefined {
  return TROUBLE.find((s) => m.text.includes(s));
}

/** Starts with `✅` or `❌` (the marks scripts and tests rely on). */
export function isVerdict(m: WireMessage): boolean {
  return m.text.startsWith('✅') || m.text.startsWith('❌');
}

/** The worked solution of question `id`. */
export function isSolutionOf(m: WireMessage, id: string, lang: Lang): boolean {
  return m.text.startsWith(formatTemplate(PLAY.solution[lang], { id }));
}

/** The header line of a question: `Вопрос backprop:17:2 · сложность 2 · …` (./quiz-play/question-message.ts). */
const QUESTION_HEADER = new RegExp(`(?:^|\\n)(?:${PLAY.question.en}|${PLAY.question.ru}) [a-z_]+:\\d+:[123] · `);

/** A question message (/quiz or a round's), not a message that only names one. */
export function isQuestion(m: WireMessage): boolean {
  return QUESTION_HEADER.test(m.text) && troubleIn(m) === undefined;
}

/** The names of /spells: the message with the losses line. */
export function isSpellNames(m: WireMessage): boolean {
  return /Loss per character|Ошибка на символ/.test(m.text);
}

/** A message with at least one picture. */
export function hasImage(m: WireMessage): boolean {
  return m.images.length > 0;
}

/** A progress message: it has a cancel button, or it is being edited. */
export function isProgress(m: WireMessage): boolean {
  return m.buttons.length > 0 || m.edited === true;
}
