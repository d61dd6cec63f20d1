/**
 * `GET /api/chats/{chatId}/events`: the chat's changes as server-sent events, the same JSON
 * objects as the message list. Each message event's `id:` is its `seq`, so a reconnecting
 * EventSource (Last-Event-ID) or `?after=` resumes without a gap. A `typing` event says the
 * bot is working; a comment line every `heartbeatMs` keeps proxies from closing the stream.
 * Streams end cleanly when the door stops.
 */
import type { ServerResponse } from 'node:http';
import type { Author, ChatLog, StoredMessage } from './chat-log.js';
import { toWire } from './wire.js';

/** Bytes a slow client may have waiting before its stream is closed (it reconnects and resumes). */
const MAX_BUFFERED = 1024 * 1024;

/** One open stream. */
interface Client {
  res: ServerResponse;
  /** Ends the stream; `destroy` drops the connection without flushing. */
  stop(destroy?: boolean): void;
}

/** The open event streams of the door. */
export class EventStreams {
  private readonly clients = new Set<Client>();

  constructor(
    private readonly log: ChatLog,
    private readonly heartbeatMs: number,
    private readonly maxClients: number,
  ) {}

  /** Number of open streams. */
  get size(): number {
    return this.clients.size;
  }

  /** True when another stream would pass the limit. */
  get full(): boolean {
    return this.clients.size >= this.maxClients;
  }

  /**
   * Serves a stream on a hijacked response: first the changes after `after` (when given), then
   * live changes until the client goes away or `closeAll` runs.
   */
  open(res: ServerResponse, chatId: string, viewer: string | undefined, after: number | undefined): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    const write = (chunk: string) => {
      if (res.writableEnded) return;
      res.write(chunk);
      // A client that does not read would make us buffer forever: drop the connection (and
      // what is buffered for it; `end` would keep it waiting for a reader) and let it reconnect.
      if (res.writableLength > MAX_BUFFERED) client.stop(true);
    };
    const sendMessage = (m: StoredMessage) => write(`id: ${m.seq}\ndata: ${JSON.stringify(toWire(m))}\n\n`);
    const sendTyping = (from: Author) => write(`event: typing\ndata: ${JSON.stringify({ from })}\n\n`);

    const unlisten = this.log.listen(chatId, { as: viewer, message: sendMessage, typing: sendTyping });
    const heartbeat = setInterval(() => write(`: ping\n\n`), this.heartbeatMs);
    heartbeat.unref();
    const client: Client = {
      res,
      stop: (destroy = false) => {
        if (!this.clients.delete(client)) return;
        clearInterval(heartbeat);
        unlisten();
        if (destroy) res.destroy();
        else if (!res.writableEnded) res.end();
      },
    };
    this.clients.add(client);
    res.on('close', () => client.stop());

    // The reconnection delay, then the backlog; listening started first, so nothing falls between.
    write(`retry: 2000\n: connected\n\n`);
    if (after !== undefined) for (const m of this.log.changesAfter(chatId, after, viewer)) sendMessage(m);
  }

  /** Ends every stream (the door is stopping). */
  closeAll(): void {
    for (const c of [...this.clients]) c.stop();
  }
}
