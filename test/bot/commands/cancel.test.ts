/**
 * /cancel and the progress message's cancel button: they stop the caller's own running
 * training in the real pool (a classmate's press stops nothing), and say so when nothing runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as cancel } from '../../../src/bot/commands/cancel.js';
import { command as train } from '../../../src/bot/commands/train.js';
import { userKey } from '../../../src/store/types.js';
import { createHarness, type As, type Harness } from '../harness.js';
import { slowCsv, waitFor, withClockRunning } from './train-helpers.js';

const SLOW = slowCsv();

let h: Harness;
let alice: As;
let bob: As;

beforeAll(async () => {
  h = await createHarness({ commands: [train, cancel] });
  alice = { user: h.user('u1', 'Alice', 'en'), chat: h.group('g1') };
  bob = { user: h.user('u2', 'Bob', 'en'), chat: h.group('g1') };
});

afterAll(async () => {
  await h.close();
});

/** Starts a training that would run for many seconds (20 000 rows, a wide network). */
async function startLongTraining(as: As) {
  const running = withClockRunning(h, h.command('/train label 256,256 relu adam 5000 0.001 1', as, { attachments: [h.attachment('slow.csv', SLOW)] }));
  const from = h.sent.length;
  // Really training: the progress message shows an epoch.
  await waitFor(() => h.sent.slice(from).some((m) => m.text.includes('epoch ')), 30_000, 'the first epoch');
  // Wrapped: an async function returning the promise itself would wait for the whole training.
  return { running };
}

describe('/cancel', () => {
  it('says so when nothing is running', async () => {
    const r = await h.command('/cancel', alice);
    expect(r.text).toBe('You have nothing running. /cancel stops your own /train or a /spells generator that is still training.');
    expect(r.sent[0]?.private).toBe(true);
  });

  it("stops the caller's running training", async () => {
    const t0 = Date.now();
    const { running } = await startLongTraining(alice);
    const r = await h.command('/cancel', alice);
    expect(r.text).toBe('Stopping your training…');
    const done = await running;
    // stopped long before the 5000 epochs or the time budget
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(done.sent[0]?.text).toBe('Training cancelled.');
    // nothing after the progress message but the /cancel reply itself: no pictures, no summary
    expect(done.sent.map((s) => s.text)).toEqual(['Training cancelled.', 'Stopping your training…']);
    expect(h.store.models.get(userKey('local', 'u1'))).toBeUndefined();
    await waitFor(() => h.pool.stats().running === 0, 10_000, 'the worker to be free');
    const after = await h.command('/cancel', alice);
    expect(after.text).toContain('You have nothing running.');
  });

  it("stops it from the progress message's button, for its owner only", async () => {
    const { running } = await startLongTraining(alice);
    const classmate = await h.press('✖ Cancel', bob);
    expect(classmate.text).toBe('Only the person who started this training can cancel it.');
    expect(classmate.sent[0]?.private).toBe(true);
    expect(h.pool.stats().running).toBe(1);
    await h.press('✖ Cancel', alice);
    const done = await running;
    expect(done.sent[0]?.text).toBe('Training cancelled.');
    expect(h.store.models.get(userKey('local', 'u1'))).toBeUndefined();
  });

  it('stops a running training when the bot closes', async () => {
    const other = await createHarness({ commands: [train, cancel] });
    try {
      const as = { user: other.user('u9', 'Eve'), chat: other.group('g9') };
      const running = withClockRunning(other, other.command('/train label 256,256 relu adam 5000 0.001 1', as, { attachments: [other.attachment('slow.csv', SLOW)] }));
      await waitFor(() => other.pool.stats().running === 1, 30_000, 'the training to start');
      await other.bot.close();
      const done = await running;
      expect(done.sent[0]?.text).toBe('Training cancelled.');
    } finally {
      await other.close();
    }
  });
});
