/**
 * A question's pictures, drawn in the worker pool (never on the main thread): the picture the
 * question shows, and a few of its worked solution's step pictures. A picture that cannot be
 * drawn (the pool is full, a worker failed) does not lose the reply: the caller gets the reason
 * in the chat's language and says so.
 */
import { isUserInputError, type Lang } from '../../core/errors.js';
import type { Question, QuestionPicture } from '../../quiz/index.js';
import { renderInPool, type RenderRequest } from '../../render/index.js';
import type { BotServices } from '../services.js';
import type { Image } from '../types.js';

/** A worked solution shows at most this many step pictures (a chat is not a slide deck). */
export const MAX_SOLUTION_PICTURES = 3;

/** Pictures drawn, or the reason they were not. */
export interface Drawn {
  images: Image[];
  /** Why (some of) the pictures are missing, in the chat's language. */
  failure?: string;
  /** Solution pictures: the 1-based step of each image. */
  steps?: number[];
}

/** Why a picture is missing when the pool failed for reasons of its own (busy, a crashed worker). */
const FAILED = {
  en: 'the drawing workers are busy or failed',
  ru: 'исполнители заняты или дали сбой',
} as const;

/** The render request for a question picture (the quiz's picture data is the render module's request shape). */
export function pictureRequest(p: QuestionPicture, lang: Lang): RenderRequest {
  return { ...p, lang };
}

function baseName(q: Question): string {
  return `${q.topic}-${q.seed}-${q.difficulty}`;
}

async function draw(services: BotServices, p: QuestionPicture, lang: Lang, signal: AbortSignal | undefined): Promise<Uint8Array> {
  return renderInPool(services.pool, pictureRequest(p, lang), signal ? { signal } : {});
}

function reason(services: BotServices, e: unknown, lang: Lang, questionId: string): string {
  if (isUserInputError(e)) return e.render(lang);
  services.log.warn({ err: e instanceof Error ? e.message : String(e), questionId }, 'quiz picture failed');
  return FAILED[lang];
}

/** The question's own picture (none when the question has none). */
export async function drawQuestionPicture(services: BotServices, q: Question, lang: Lang, signal?: AbortSignal): Promise<Drawn> {
  if (!q.picture) return { images: [] };
  try {
    const png = await draw(services, q.picture, lang, signal);
    const alt = lang === 'ru' ? `Картинка к вопросу ${q.id}` : `Picture for question ${q.id}`;
    return { images: [{ png, name: `${baseName(q)}.png`, alt }] };
  } catch (e) {
    return { images: [], failure: reason(services, e, lang, q.id) };
  }
}

/** Indices of the solution steps whose pictures are shown: evenly spread, always the last. */
export function solutionPictureSteps(q: Question, max = MAX_SOLUTION_PICTURES): number[] {
  const withPicture = q.solution.flatMap((s, i) => (s.picture ? [i] : []));
  if (withPicture.length <= max) return withPicture;
  const picked = new Set<number>();
  for (let k = 0; k < max; k++) picked.add(withPicture[Math.round(((withPicture.length - 1) * (k + 1)) / max)] as number);
  // Rounding can pick one index twice; fill from the start so exactly `max` are shown.
  for (const i of withPicture) if (picked.size < max) picked.add(i);
  return [...picked].sort((a, b) => a - b);
}

/** Pictures of a few solution steps, drawn concurrently in the pool. */
export async function drawSolutionPictures(services: BotServices, q: Question, lang: Lang, signal?: AbortSignal): Promise<Drawn> {
  const steps = solutionPictureSteps(q);
  const results = await Promise.allSettled(steps.map((i) => draw(services, q.solution[i]!.picture!, lang, signal)));
  const images: Image[] = [];
  const shown: number[] = [];
  let failure: string | undefined;
  results.forEach((r, k) => {
    const step = (steps[k] as number) + 1;
    if (r.status === 'fulfilled') {
      images.push({ png: r.value, name: `${baseName(q)}-step${step}.png`, alt: lang === 'ru' ? `Шаг ${step} решения` : `Solution step ${step}` });
      shown.push(step);
    } else {
      failure ??= reason(services, r.reason, lang, q.id);
    }
  });
  return failure === undefined ? { images, steps: shown } : { images, steps: shown, failure };
}
