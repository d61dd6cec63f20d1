import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../src/adapters/local/index.js';
import { createFakeBot } from './fake-bot.js';
import { startDoor, type Door } from './harness.js';
import { openSse, type SseEvent } from './sse-client.js';

let d: Door;
beforeAll(async () => {
  d = await startDoor(createFakeBot(), {}, { heartbeatMs: 50 });
});
afterAll(async () => {
  await d.door.stop();
});

const messagesOf = (evs: SseEvent[]) => evs.filter((e) => e.event === 'message').map((e) => JSON.parse(e.data) as WireMessage);

describe('GET /api/chats/{chatId}/events', () => {
  it('streams the same objects as the list, with seq as the event id, typing and heartbeats', async () => {
    const s = await openSse(`${d.url}/api/chats/s-live/events?as=u1`);
    try {
      expect(s.status).toBe(200);
      expect(s.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      await d.say('s-live', '/typing');
      await s.waitFor((evs) => messagesOf(evs).length === 2);
      const streamed = messagesOf(s.events);
      expect(streamed.map((m) => m.text)).toEqual(['/typing', 'typed']);
      expect(s.events.filter((e) => e.event === 'message').map((e) => e.id)).toEqual(streamed.map((m) => String(m.seq)));
      const typing = s.events.find((e) => e.event === 'typing');
      expect(JSON.parse(typing?.data ?? '{}')).toEqual({ from: { id: 'gradbot', name: 'gradbot', bot: true } });
      expect(await d.messages('s-live')).toEqual(streamed);
      await s.waitFor(() => s.comments.includes('ping'), 2000);
    } finally {
      s.close();
    }
  });

  it('sends an edited message again with its id, and private messages only to their viewer', async () => {
    const mine = await openSse(`${d.url}/api/chats/s-edit/events?as=u1`);
    const theirs = await openSse(`${d.url}/api/chats/s-edit/events?as=u2`);
    const anon = await openSse(`${d.url}/api/chats/s-edit/events`);
    try {
      await d.say('s-edit', '/edit');
      await mine.waitFor((evs) => messagesOf(evs).some((m) => m.text === 'step 2'));
      const ms = messagesOf(mine.events);
      expect(ms.map((m) => [m.text, m.edited === true])).toEqual([
        ['/edit', false],
        ['step 1', false],
        ['step 2', true],
      ]);
      expect(ms[2]?.id).toBe(ms[1]?.id);
      expect(ms[2]?.seq).toBeGreaterThan(ms[1]?.seq ?? Infinity);

      await d.say('s-edit', '/secret');
      await mine.waitFor((evs) => messagesOf(evs).some((m) => m.text === 'for your eyes only'));
      await theirs.waitFor((evs) => messagesOf(evs).some((m) => m.text === '/secret'));
      await anon.waitFor((evs) => messagesOf(evs).some((m) => m.text === '/secret'));
      // The private reply came after /secret: by the time u1 saw it, the others had their chance.
      await new Promise((r) => setTimeout(r, 50));
      expect(messagesOf(theirs.events).map((m) => m.text)).not.toContain('for your eyes only');
      expect(messagesOf(anon.events).map((m) => m.text)).not.toContain('for your eyes only');
    } finally {
      mine.close();
      theirs.close();
      anon.close();
    }
  });

  it('resumes after ?after= or Last-Event-ID with the backlog, without a gap', async () => {
    const first = await d.say('s-resume', '/echo a');
    await d.waitFor('s-resume', (m) => m.length === 2);
    await d.say('s-resume', '/echo b');
    await d.waitFor('s-resume', (m) => m.length === 4);
    const byQuery = await openSse(`${d.url}/api/chats/s-resume/events?after=${first}`);
    const all = await d.messages('s-resume');
    const byHeader = await openSse(`${d.url}/api/chats/s-resume/events?after=0`, { 'last-event-id': String(all[2]?.seq) });
    try {
      await byQuery.waitFor((evs) => messagesOf(evs).length === 3);
      expect(messagesOf(byQuery.events).map((m) => m.text)).toEqual(['echo: a', '/echo b', 'echo: b']);
      await byHeader.waitFor((evs) => messagesOf(evs).length === 1);
      expect(messagesOf(byHeader.events).map((m) => m.text)).toEqual(['echo: b']);
    } finally {
      byQuery.close();
      byHeader.close();
    }
  });

  it('ends open streams cleanly when the door stops', async () => {
    const other = await startDoor(createFakeBot());
    const s = await openSse(`${other.url}/api/chats/x/events`);
    const started = Date.now();
    await other.door.stop();
    await s.ended;
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(fetch(other.url + '/healthz')).rejects.toThrow();
  });

  it('refuses streams past the limit with 503', async () => {
    const small = await startDoor(createFakeBot(), {}, { limits: { streams: 1 } });
    const s = await openSse(`${small.url}/api/chats/x/events`);
    try {
      const r = await small.get('/api/chats/x/events');
      expect(r.status).toBe(503);
      expect((r.body.error as { code: string }).code).toBe('too_many_streams');
    } finally {
      s.close();
      await small.door.stop();
    }
  });
});
