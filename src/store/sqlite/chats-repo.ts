import type { Lang } from '../../core/errors.js';
import { parseChatSettings, serializeChatSettings } from '../chat-settings.js';
import type { ChatKey, ChatRecord, ChatSettings, ChatsRepo } from '../types.js';
import type { Db } from './sql-values.js';

interface ChatRow {
  chat_key: string;
  kind: 'private' | 'group';
  lang: string | null;
  settings: string;
}

function toRecord(r: ChatRow): ChatRecord {
  const rec: ChatRecord = { key: r.chat_key, kind: r.kind, settings: parseChatSettings(r.settings) };
  if (r.lang === 'en' || r.lang === 'ru') rec.lang = r.lang;
  return rec;
}

/** Chats: created on first sight with default settings; settings are validated when read. */
export function sqliteChats(db: Db): ChatsRepo {
  const insert = db.prepare<[string, string]>(
    `INSERT INTO chats (chat_key, kind) VALUES (?, ?) ON CONFLICT (chat_key) DO NOTHING`,
  );
  const get = db.prepare<[string], ChatRow>('SELECT chat_key, kind, lang, settings FROM chats WHERE chat_key = ?');
  const setLang = db.prepare<[string, string]>('UPDATE chats SET lang = ? WHERE chat_key = ?');
  const setSettings = db.prepare<[string, string]>('UPDATE chats SET settings = ? WHERE chat_key = ?');

  function mustChange(changes: number, key: ChatKey): void {
    // A programming error (the bot ensures the chat on every request), not the student's.
    if (changes === 0) throw new Error(`chat ${JSON.stringify(key)} is not in the store; call chats.ensure first`);
  }

  return {
    ensure(key: ChatKey, kind: 'private' | 'group'): ChatRecord {
      insert.run(key, kind);
      return toRecord(get.get(key) as ChatRow);
    },
    get(key: ChatKey): ChatRecord | undefined {
      const r = get.get(key);
      return r === undefined ? undefined : toRecord(r);
    },
    setLang(key: ChatKey, lang: Lang): void {
      mustChange(setLang.run(lang, key).changes, key);
    },
    setSettings(key: ChatKey, settings: ChatSettings): void {
      mustChange(setSettings.run(serializeChatSettings(settings), key).changes, key);
    },
  };
}
