/**
 * A small reader of server-sent events (the local chat's `GET /api/chats/{id}/events`) from a
 * fetch body. Only what the load test needs: `id:`, `event:`, `data:` fields and comments.
 */

/** One event as the stream gave it. */
export interface SseEvent {
  /** `message` unless the server named it (`typing`). */
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * Splits a byte stream into events; `onEvent` is called for each complete one. Resolves when
 * the stream ends (or is aborted by the caller's signal: then it rejects with the abort).
 */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (e: SseEvent) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  let id: string | undefined;
  const line = (raw: string): void => {
    if (raw === '') {
      if (data.length > 0) onEvent({ event, data: data.join('\n'), id });
      event = 'message';
      data = [];
      id = undefined;
      return;
    }
    if (raw.startsWith(':')) return; // a comment (heartbeat)
    const colon = raw.indexOf(':');
    const field = colon < 0 ? raw : raw.slice(0, colon);
    let value = colon < 0 ? '' : raw.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.search(/\r\n|\n|\r/)) >= 0) {
      const raw = buffer.slice(0, nl);
      const skip = buffer.startsWith('\r\n', nl) ? 2 : 1;
      buffer = buffer.slice(nl + skip);
      line(raw);
    }
  }
}
