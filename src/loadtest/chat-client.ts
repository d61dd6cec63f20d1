/**
 * The load test's side of the local chat's HTTP API (README: "Local web chat API"): posting
 * messages and button presses, and following a chat's changes over its event stream, each
 * change stamped with the time it arrived. Talks to loopback addresses only.
 */
import { performance } from 'node:perf_hooks';
import type { WireMessage } from '../adapters/local/wire.js';
import { readSse } from './sse.js';

/** The sender of a message or a press. */
export interface From {
  id: string;
  name: string;
}

/** A change of a chat (a new message or an edit) and when it arrived (`performance.now()`). */
export interface Seen {
  msg: WireMessage;
  at: number;
}

/** True for 127.0.0.0/8, ::1 and localhost: the load test never talks to anything else. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The outcome of a POST: the HTTP status, and the message id for messages. */
export interface PostResult {
  status: number;
  id: number | undefined;
  /** The error code of a refused request (`invalid_body`...). */
  code: string | undefined;
}

/** A client of one server. */
export class ChatClient {
  constructor(readonly base: string) {
    if (!isLoopbackUrl(base)) throw new Error(`the load test only talks to 127.0.0.1 (got ${base})`);
  }

  /** `POST /api/chats/{chat}/messages` with JSON. */
  async post(chat: string, body: { from: From; text: string; chatKind: 'group' | 'private'; locale?: string; replyTo?: string }): Promise<PostResult> {
    return this.send(`/api/chats/${encodeURIComponent(chat)}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** `POST /api/chats/{chat}/messages` as a multipart form with one file. */
  async postFile(chat: string, body: { from: From; text: string; chatKind: 'group' | 'private'; locale?: string }, file: { name: string; bytes: Uint8Array; type?: string }): Promise<PostResult> {
    const form = new FormData();
    form.set('from.id', body.from.id);
    form.set('from.name', body.from.name);
    form.set('text', body.text);
    form.set('chatKind', body.chatKind);
    if (body.locale !== undefined) form.set('locale', body.locale);
    form.set('file', new Blob([file.bytes], { type: file.type ?? 'text/csv' }), file.name);
    return this.send(`/api/chats/${encodeURIComponent(chat)}/messages`, { method: 'POST', body: form });
  }

  /** `POST /api/chats/{chat}/actions`: a button press. */
  async press(chat: string, body: { from: From; messageId: string; action: string; locale?: string }): Promise<PostResult> {
    return this.send(`/api/chats/${encodeURIComponent(chat)}/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** `GET /api/chats/{chat}/messages` (all, or after a watermark), as `viewer`. */
  async list(chat: string, o: { after?: number; as?: string } = {}): Promise<WireMessage[]> {
    const q = new URLSearchParams();
    if (o.after !== undefined) q.set('after', String(o.after));
    if (o.as !== undefined) q.set('as', o.as);
    const res = await fetch(`${this.base}/api/chats/${encodeURIComponent(chat)}/messages?${q}`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`GET messages: HTTP ${res.status}`);
    return ((await res.json()) as { messages: WireMessage[] }).messages;
  }

  private async send(path: string, init: RequestInit): Promise<PostResult> {
    const res = await fetch(`${this.base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let json: { id?: unknown; error?: { code?: unknown } } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // a body that is not JSON: the status says enough
    }
    const id = typeof json.id === 'string' ? Number(json.id) : undefined;
    const code = typeof json.error?.code === 'string' ? json.error.code : undefined;
    return { status: res.status, id, code };
  }
}

interface Waiter {
  from: number;
  test: (m: WireMessage) => boolean;
  resolve: (s: Seen | undefined) => void;
  timer: NodeJS.Timeout;
}

/**
 * One chat as one viewer sees it, live: every change the event stream delivers, in order, with
 * its arrival time. A stream the server closes (a slow reader) is reopened after the last seen
 * sequence number, so nothing is missed.
 */
export class ChatFeed {
  private changes: Seen[] = [];
  /** Index of `changes[0]` in the whole history of this feed. */
  private offset = 0;
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(s: Seen) => void>();
  private abort: AbortController | undefined;
  private closed = false;
  /** The largest sequence number seen. */
  lastSeq = 0;
  /** How many times the stream had to be reopened. */
  reconnects = 0;

  constructor(
    private readonly client: ChatClient,
    readonly chat: string,
    readonly viewer: string | undefined,
  ) {}

  /** Opens the stream; resolves once the server has answered (the stream is live). */
  async open(after?: number): Promise<void> {
    this.closed = false;
    if (after !== undefined) this.lastSeq = Math.max(this.lastSeq, after);
    await this.connect(after);
  }

  private async connect(after: number | undefined): Promise<void> {
    const ac = new AbortController();
    this.abort = ac;
    const q = new URLSearchParams();
    if (this.viewer !== undefined) q.set('as', this.viewer);
    if (after !== undefined && after > 0) q.set('after', String(after));
    const res = await fetch(`${this.client.base}/api/chats/${encodeURIComponent(this.chat)}/events?${q}`, { signal: ac.signal });
    if (!res.ok || res.body === null) {
      await res.body?.cancel();
      throw new Error(`event stream of ${this.chat}: HTTP ${res.status}`);
    }
    const body = res.body;
    void readSse(body, (e) => {
      if (e.event !== 'message') return;
      const msg = JSON.parse(e.data) as WireMessage;
      this.push(msg);
    })
      .catch(() => undefined)
      .then(() => {
        if (this.closed || ac.signal.aborted) return;
        this.reconnects++;
        return this.connect(this.lastSeq).catch(() => undefined);
      });
  }

  private push(msg: WireMessage): void {
    // A stream delivers changes in sequence order; an older one is a replay after a reconnect.
    if (msg.seq <= this.lastSeq) return;
    this.lastSeq = Math.max(this.lastSeq, msg.seq);
    const seen: Seen = { msg, at: performance.now() };
    this.changes.push(seen);
    const index = this.offset + this.changes.length - 1;
    for (const l of this.listeners) l(seen);
    for (const w of [...this.waiters]) {
      if (index >= w.from && w.test(msg)) this.settle(w, seen);
    }
  }

  private settle(w: Waiter, s: Seen | undefined): void {
    clearTimeout(w.timer);
    this.waiters.delete(w);
    w.resolve(s);
  }

  /** Calls `fn` with every change from now on; returns the function that stops it. */
  subscribe(fn: (s: Seen) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** A position in the feed: waits started from it see only later changes. */
  mark(): number {
    return this.offset + this.changes.length;
  }

  /** The changes from `position` on, in arrival order. */
  since(position: number): Seen[] {
    return this.changes.slice(Math.max(0, position - this.offset));
  }

  /** Forgets changes before `position` (memory stays bounded over a long run). */
  forget(position: number): void {
    const drop = Math.min(this.changes.length, position - this.offset);
    if (drop <= 0) return;
    this.changes = this.changes.slice(drop);
    this.offset += drop;
  }

  /**
   * The first change at or after `from` that passes `test`: one already seen, or the next one
   * to arrive within `timeoutMs` (else undefined).
   */
  waitFor(test: (m: WireMessage) => boolean, from: number, timeoutMs: number): Promise<Seen | undefined> {
    for (let i = Math.max(0, from - this.offset); i < this.changes.length; i++) {
      const c = this.changes[i] as Seen;
      if (test(c.msg)) return Promise.resolve(c);
    }
    return new Promise((resolve) => {
      const w: Waiter = { from, test, resolve, timer: setTimeout(() => this.settle(w, undefined), timeoutMs) };
      this.waiters.add(w);
    });
  }

  /** Closes the stream; pending waits end as timeouts at once. */
  close(): void {
    this.closed = true;
    this.abort?.abort();
    for (const w of [...this.waiters]) this.settle(w, undefined);
  }
}
