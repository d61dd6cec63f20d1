/**
 * When the pool cannot draw (busy, a crashed worker), a question whose picture is needed says
 * so instead of asking something nobody can answer, and a round skips that question.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerPool } from '../../../src/jobs/pool.js';
import { chatKey, userKey } from '../../../src/store/types.js';
import type { Harness } from '../harness.js';
import { playHarness } from './play-helpers.js';

/** A pool whose every job fails, as a pool whose worker died would. */
function brokenPool(): WorkerPool & { jobs: string[] } {
  const jobs: string[] = [];
  return {
    jobs,
    run: (async (kind: string) => {
      jobs.push(kind);
      throw new Error('worker exited with code 1');
    }) as WorkerPool['run'],
    stats: () => ({ running: 0, queued: 0, threads: 0 }),
    close: async () => {},
  };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('pictures that cannot be drawn', () => {
  it('a /quiz question with a picture says it needs it, opens no session, and names the id to retry', async () => {
    const pool = brokenPool();
    h = await playHarness({ pool });
    const u = h.user('u', 'Ula', 'ru');
    const chat = h.privateChat(u);
    const r = await h.command('/quiz id:backprop:17:2', { user: u, chat });
    expect(pool.jobs).toEqual(['render']);
    expect(r.text).toBe(
      'На вопрос backprop:17:2 не ответить без картинки, а её не удалось нарисовать (исполнители заняты или дали сбой). Попросите его ещё раз через минуту: /quiz id:backprop:17:2',
    );
    expect(h.store.sessions.get(chatKey('local', u.id), userKey('local', u.id))).toBe(undefined);
    expect(JSON.stringify(r.text)).not.toContain('worker exited');
    expect(h.log.entries.some((e) => e.level === 'warn' && e.msg === 'quiz picture failed')).toBe(true);
  });

  it('a round skips a question it cannot draw and goes on', async () => {
    h = await playHarness({ pool: brokenPool() });
    const u = h.user('t', 'Tom', 'en');
    const g = h.group('g-broken');
    const r = await h.command('/round backprop 2 10', { user: u, chat: g });
    expect(r.text).toContain('Question 1 of 2 is skipped: its picture could not be drawn (the drawing workers are busy or failed).');
    expect(r.text).toContain('Question 2 of 2 is skipped');
    expect(r.text).toContain('🏁 The round is over: 2\u00a0questions.');
    expect(h.store.rounds.get(1)?.status).toBe('finished');
    expect(h.clock.pending).toBe(0);
  });
});
