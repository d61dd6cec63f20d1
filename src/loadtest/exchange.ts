/**
 * One measured exchange: send a message or press a button, then wait on the chat's feed for
 * the first and the final reply (./replies.ts says which are which), and record the times, an
 * error or a lost reply in the command's stats.
 */
import { performance } from 'node:perf_hooks';
import type { WireMessage } from '../adapters/local/wire.js';
import type { ChatFeed, PostResult } from './chat-client.js';
import type { CommandStats } from './stats.js';
import { troubleIn } from './replies.js';

/** What to send and what to wait for. */
export interface ExchangeSpec {
  feed: ChatFeed;
  stats: CommandStats;
  /** For error samples: what was sent (e.g. `/plot relu`). */
  label: string;
  /** Posts the message or the press. */
  send(): Promise<PostResult>;
  /** For presses: the pressed message, whose edits are replies too. */
  pressed?: string;
  /** Only messages for this viewer count (private replies in a group). */
  to?: string;
  /** Who sends (for the trace; default the feed's viewer). */
  viewer?: string;
  /** The reply the student waits for. */
  final(m: WireMessage): boolean;
  /** A first reply that is fine but not final (a progress message). */
  interim?(m: WireMessage): boolean;
  timeoutMs: number;
  /** Told about every exchange (`--trace`). */
  trace?: (t: TraceRecord) => void;
}

/** One exchange as `--trace` writes it (a JSON line). */
export interface TraceRecord {
  label: string;
  /** The chat and the sender. */
  chat: string;
  from: string;
  /** `performance.now()` when it was sent, ms. */
  at: number;
  outcome: 'ok' | 'error' | 'lost';
  firstMs?: number;
  finalMs?: number;
  /** For errors: what came instead. */
  detail?: string;
}

/** How an exchange ended. */
export interface ExchangeResult {
  outcome: 'ok' | 'error' | 'lost';
  first?: WireMessage;
  final?: WireMessage;
}

const snippet = (m: WireMessage) => JSON.stringify(m.text.slice(0, 160));

/** Runs one exchange and records it. */
export async function exchange(x: ExchangeSpec): Promise<ExchangeResult> {
  if (!x.trace) return exchangeOnce(x, () => {});
  const at = performance.now();
  const trace = x.trace;
  return exchangeOnce(x, (outcome, firstMs, finalMs, detail) =>
    trace({
      label: x.label,
      chat: x.feed.chat,
      from: x.viewer ?? x.feed.viewer ?? '',
      at: Math.round(at),
      outcome,
      ...(firstMs !== undefined ? { firstMs: Math.round(firstMs) } : {}),
      ...(finalMs !== undefined ? { finalMs: Math.round(finalMs) } : {}),
      ...(detail !== undefined ? { detail } : {}),
    }),
  );
}

type Note = (outcome: 'ok' | 'error' | 'lost', firstMs?: number, finalMs?: number, detail?: string) => void;

async function exchangeOnce(x: ExchangeSpec, note: Note): Promise<ExchangeResult> {
  const { feed, stats } = x;
  const from = feed.mark();
  const seqBefore = feed.lastSeq;
  const t0 = performance.now();
  let r: PostResult;
  try {
    r = await x.send();
  } catch (e) {
    stats.error(`${x.label}: request failed (${e instanceof Error ? e.message : String(e)})`);
    note('error');
    return { outcome: 'error' };
  }
  if (r.status !== 202) {
    stats.error(`${x.label}: HTTP ${r.status} ${r.code ?? ''}`);
    note('error');
    return { outcome: 'error' };
  }
  // Sequence numbers are server-wide and a new message's id is its creation number.
  const after = r.id ?? seqBefore;
  const isReply = (m: WireMessage): boolean => {
    if (!m.from.bot) return false;
    if (x.to !== undefined && m.to !== x.to) return false;
    if (Number(m.id) > after) return true;
    return x.pressed !== undefined && m.id === x.pressed && m.seq > seqBefore;
  };
  const deadline = t0 + x.timeoutMs;
  const first = await feed.waitFor(isReply, from, x.timeoutMs);
  if (!first) {
    stats.lostReply(`${x.label}: no reply in ${x.timeoutMs / 1000} s`);
    note('lost');
    return { outcome: 'lost' };
  }
  const firstMs = first.at - t0;
  const trouble = troubleIn(first.msg);
  if (trouble !== undefined) {
    stats.error(`${x.label}: ${snippet(first.msg)}`, firstMs);
    note('error', firstMs, undefined, snippet(first.msg));
    return { outcome: 'error', first: first.msg };
  }
  if (x.final(first.msg)) {
    stats.ok(firstMs, firstMs);
    note('ok', firstMs, firstMs);
    return { outcome: 'ok', first: first.msg, final: first.msg };
  }
  if (!x.interim?.(first.msg)) {
    stats.error(`${x.label}: unexpected reply ${snippet(first.msg)}`, firstMs);
    note('error', firstMs, undefined, snippet(first.msg));
    return { outcome: 'error', first: first.msg };
  }
  const fin = await feed.waitFor((m) => isReply(m) && (x.final(m) || troubleIn(m) !== undefined), from, Math.max(1, deadline - performance.now()));
  if (!fin) {
    stats.lostReply(`${x.label}: no final reply in ${x.timeoutMs / 1000} s`, firstMs);
    note('lost', firstMs);
    return { outcome: 'lost', first: first.msg };
  }
  if (troubleIn(fin.msg) !== undefined) {
    stats.error(`${x.label}: ${snippet(fin.msg)}`, firstMs);
    note('error', firstMs, undefined, snippet(fin.msg));
    return { outcome: 'error', first: first.msg };
  }
  stats.ok(firstMs, fin.at - t0);
  note('ok', firstMs, fin.at - t0);
  return { outcome: 'ok', first: first.msg, final: fin.msg };
}
