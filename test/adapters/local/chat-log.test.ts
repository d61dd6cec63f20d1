import { describe, expect, it } from 'vitest';
import { BlobStore } from '../../../src/adapters/local/blob-store.js';
import { ChatKindMismatchError, ChatLog, type NewMessage, type StoredMessage } from '../../../src/adapters/local/chat-log.js';
import { parseCommandLine } from '../../../src/adapters/local/command-line.js';

const msg = (text: string, to?: string): NewMessage => ({
  from: { id: 'u1', name: 'Ann', bot: false },
  text: [text],
  images: [],
  files: [],
  buttons: [],
  ...(to !== undefined ? { to } : {}),
});

describe('ChatLog', () => {
  it('numbers changes with one growing sequence; an edit moves a message after the watermark', () => {
    const log = new ChatLog({ messagesPerChat: 10, chats: 10 }, () => 0);
    log.ensure('a', 'group');
    log.ensure('b', 'group');
    const m1 = log.post('a', msg('one'));
    const m2 = log.post('b', msg('other chat'));
    const m3 = log.post('a', msg('two'));
    expect([m1.id, m2.id, m3.id]).toEqual([1, 2, 3]);
    expect(log.watermark).toBe(3);
    log.edit('a', m1.id, { text: ['one!'] });
    expect(log.watermark).toBe(4);
    expect(log.history('a', undefined).map((m) => [m.id, m.seq, m.edited])).toEqual([
      [1, 4, true],
      [3, 3, false],
    ]);
    expect(log.changesAfter('a', 3, undefined).map((m) => m.id)).toEqual([1]);
    expect(log.changesAfter('a', 0, undefined).map((m) => m.id)).toEqual([3, 1]);
    expect(log.edit('a', 99, { text: ['x'] })).toBeUndefined();
  });

  it('keeps at most N messages per chat, dropping the oldest and telling the owner', () => {
    const dropped: StoredMessage[] = [];
    const log = new ChatLog({ messagesPerChat: 3, chats: 10 }, () => 0, (m) => dropped.push(m));
    log.ensure('a', 'group');
    for (let k = 1; k <= 5; k++) log.post('a', msg(`m${k}`));
    expect(log.history('a', undefined).map((m) => m.text[0])).toEqual(['m3', 'm4', 'm5']);
    expect(dropped.map((m) => m.text[0])).toEqual(['m1', 'm2']);
  });

  it('keeps at most M chats, dropping the least recently active one that nobody listens to', () => {
    const log = new ChatLog({ messagesPerChat: 10, chats: 2 }, () => 0);
    log.ensure('a', 'group');
    log.post('a', msg('a'));
    const stop = log.listen('a', { as: undefined, message: () => {}, typing: () => {} });
    log.ensure('b', 'group');
    log.ensure('c', 'group');
    expect(log.kindOf('a')).toBe('group'); // listened to: kept although oldest
    expect(log.kindOf('b')).toBeUndefined();
    expect(log.chatCount).toBe(2);
    stop();
  });

  it('filters private messages by viewer, for history and listeners', () => {
    const log = new ChatLog({ messagesPerChat: 10, chats: 10 });
    const seen: string[] = [];
    log.listen('a', { as: 'u2', message: (m) => seen.push(String(m.text[0])), typing: () => {} });
    log.ensure('a', 'group');
    log.post('a', msg('public'));
    log.post('a', msg('for u1', 'u1'));
    log.post('a', msg('for u2', 'u2'));
    expect(log.history('a', 'u1').map((m) => m.text[0])).toEqual(['public', 'for u1']);
    expect(log.history('a', undefined).map((m) => m.text[0])).toEqual(['public']);
    expect(seen).toEqual(['public', 'for u2']);
  });

  it('refuses to change a chat kind', () => {
    const log = new ChatLog({ messagesPerChat: 10, chats: 10 });
    log.ensure('a', 'private');
    expect(() => log.ensure('a', 'group')).toThrow(ChatKindMismatchError);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const log = new ChatLog({ messagesPerChat: 10, chats: 10 });
    const seen: number[] = [];
    log.listen('a', { as: undefined, message: () => { throw new Error('broken pipe'); }, typing: () => {} });
    log.listen('a', { as: undefined, message: (m) => seen.push(m.id), typing: () => {} });
    log.ensure('a', 'group');
    log.post('a', msg('x'));
    expect(seen).toEqual([1]);
  });
});

describe('BlobStore', () => {
  const blob = (n: number) => ({ bytes: new Uint8Array(n), mime: 'image/png', name: 'x.png' });

  it('evicts the least recently used blob past the count', () => {
    const s = new BlobStore({ count: 2, bytes: 1000 });
    const a = s.put(blob(1));
    const b = s.put(blob(1));
    expect(s.get(a)?.bytes.byteLength).toBe(1); // a is now the most recently used
    const c = s.put(blob(1));
    expect(s.get(b)).toBeUndefined();
    expect([s.get(a) !== undefined, s.get(c) !== undefined, s.size]).toEqual([true, true, 2]);
  });

  it('evicts past the byte bound but keeps the newest blob', () => {
    const s = new BlobStore({ count: 10, bytes: 100 });
    const a = s.put(blob(60));
    const b = s.put(blob(60));
    expect(s.get(a)).toBeUndefined();
    expect(s.bytes).toBe(60);
    const big = s.put(blob(500));
    expect(s.get(b)).toBeUndefined();
    expect(s.get(big)?.bytes.byteLength).toBe(500);
    s.delete(big);
    expect([s.size, s.bytes]).toEqual([0, 0]);
  });
});

describe('parseCommandLine', () => {
  it.each([
    ['/plot relu,gelu -3 3', { command: 'plot', args: 'relu,gelu -3 3' }],
    ['  /Quiz@gradbot_bot backprop 2 ', { command: 'quiz', args: 'backprop 2' }],
    ['/help', { command: 'help', args: '' }],
    ['/grad 1 + exp(w0)\nx=1', { command: 'grad', args: '1 + exp(w0)\nx=1' }],
    ['/', { command: '', args: '' }],
  ])('%j', (text, expected) => {
    expect(parseCommandLine(text)).toEqual(expected);
  });

  it('is undefined for plain text', () => {
    expect(parseCommandLine('42')).toBeUndefined();
    expect(parseCommandLine('a /b')).toBeUndefined();
  });
});
