import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotCommand, Progress } from '../../src/bot/command.js';
import { toPlainText } from '../../src/bot/rich-text.js';
import { createHarness, type Harness } from './harness.js';

let progress: Progress | undefined;

const job: BotCommand = {
  name: 'job',
  description: { en: 'A job', ru: 'Задание' },
  options: [],
  async run(ctx) {
    progress = await ctx.progress(['epoch 0']);
  },
};

let h: Harness;
beforeEach(async () => {
  progress = undefined;
  h = await createHarness({ commands: [job], caps: { minEditIntervalMs: (kind) => (kind === 'group' ? 3000 : 1000) } });
});
afterEach(async () => {
  await h.close();
});

function texts(): string[] {
  const m = h.sent[0];
  return (m?.versions ?? []).map((v) => toPlainText(v.text));
}

describe('progress messages', () => {
  it('sends once, then edits at most once per interval, merging the updates between', async () => {
    await h.command('/job', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    const p = progress as Progress;
    expect(h.sent).toHaveLength(1);
    p.update(['epoch 1']); // too soon: scheduled for t0 + 3 s
    p.update(['epoch 2']);
    p.update(['epoch 3']);
    await h.clock.advance(2_999);
    expect(texts()).toEqual(['epoch 0']);
    await h.clock.advance(1);
    expect(texts()).toEqual(['epoch 0', 'epoch 3']);
    // after a quiet spell, the next update goes at once
    await h.clock.advance(10_000);
    p.update(['epoch 4']);
    await h.clock.advance(0);
    expect(texts()).toEqual(['epoch 0', 'epoch 3', 'epoch 4']);
    expect(h.sent).toHaveLength(1);
  });

  it('finish always shows the final content, dropping merged updates', async () => {
    await h.command('/job', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    const p = progress as Progress;
    p.update(['epoch 1']);
    await p.finish({ text: ['done'], buttons: [] });
    expect(texts()).toEqual(['epoch 0', 'done']);
    await h.clock.advance(10_000);
    p.update(['late']);
    await h.clock.advance(10_000);
    expect(texts()).toEqual(['epoch 0', 'done']);
    expect(h.clock.pending).toBe(0);
  });

  it('uses the door interval of the chat kind (private: 1 s here)', async () => {
    const u = h.user('u1', 'A', 'en');
    await h.command('/job', { user: u, chat: h.privateChat(u) });
    const p = progress as Progress;
    p.update(['epoch 1']);
    await h.clock.advance(999);
    expect(texts()).toEqual(['epoch 0']);
    await h.clock.advance(1);
    expect(texts()).toEqual(['epoch 0', 'epoch 1']);
  });

  it('a long progress text is cut to the door limit with an ellipsis', async () => {
    await h.close();
    h = await createHarness({ commands: [job], caps: { maxText: 50, minEditIntervalMs: () => 0 } });
    await h.command('/job', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    await (progress as Progress).finish(['x'.repeat(120)]);
    const last = texts().at(-1) as string;
    expect(last.length).toBe(50);
    expect(last.endsWith('…')).toBe(true);
  });

  it('when the final edit fails, the final content is sent as a new message', async () => {
    await h.close();
    h = await createHarness({ commands: [job], fail: (op) => (op === 'edit' ? new Error('message to edit not found') : undefined) });
    await h.command('/job', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    const p = progress as Progress;
    p.update(['epoch 1']);
    await h.clock.advance(5_000);
    await p.finish(['done']);
    expect(h.sent.map((m) => m.text)).toEqual(['epoch 0', 'done']);
    expect(h.log.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual(['progress edit failed', 'progress final edit failed; sending anew']);
  });
});
