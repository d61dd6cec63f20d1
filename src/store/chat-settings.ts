/**
 * Chat settings as they are stored (JSON). Reading is forgiving on purpose: a row written by
 * an older version or edited by hand must not stop /quiz in that chat, so every field that is
 * missing or malformed falls back to its default on its own, and unparsable JSON gives the
 * defaults. Shared by every store adapter.
 */
import { z } from 'zod';
import { type ChatSettings, DEFAULT_CHAT_SETTINGS } from './types.js';

const d = DEFAULT_CHAT_SETTINGS;

const schema = z.object({
  allowedTopics: z.array(z.string().min(1)).nullable().catch(d.allowedTopics),
  defaultDifficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).catch(d.defaultDifficulty),
  roundSeconds: z.number().int().positive().catch(d.roundSeconds),
  roundCount: z.number().int().positive().catch(d.roundCount),
});

/** A fresh copy of the defaults (the frozen constant must not leak into callers that mutate). */
export function defaultChatSettings(): ChatSettings {
  return { ...d, allowedTopics: d.allowedTopics === null ? null : [...d.allowedTopics] };
}

/** Settings from stored JSON; never throws. */
export function parseChatSettings(json: string | null | undefined): ChatSettings {
  if (json === null || json === undefined) return defaultChatSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return defaultChatSettings();
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : defaultChatSettings();
}

/** The JSON stored for settings (known fields only, so stray keys never persist). */
export function serializeChatSettings(s: ChatSettings): string {
  const clean: ChatSettings = {
    allowedTopics: s.allowedTopics,
    defaultDifficulty: s.defaultDifficulty,
    roundSeconds: s.roundSeconds,
    roundCount: s.roundCount,
  };
  return JSON.stringify(clean);
}
