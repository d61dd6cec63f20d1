/**
 * The local door's `Replier`: what the bot sends or edits goes into the chat log (and from
 * there to the page's event stream). Bound to one request's chat and user: a private reply is
 * shown to that user only.
 */
import { truncateRichText } from '../../bot/rich-text.js';
import type { DoorCaps, MessageRef, OutMessage, Replier, UserRef, ChatRef } from '../../bot/types.js';
import type { BlobStore } from './blob-store.js';
import type { Author, ChatLog, StoredFile, StoredMessage } from './chat-log.js';

/** How the bot appears in the local chat. */
export const BOT_AUTHOR: Readonly<Author> = Object.freeze({ id: 'gradbot', name: 'gradbot', bot: true });

/**
 * Longest text one message keeps. The bot splits to `caps.maxText` already; this only bounds
 * memory should a text come in longer.
 */
const MAX_KEPT_TEXT = 16_000;

/** The local door's capabilities. */
export function localCaps(uploadMaxBytes: number): DoorCaps {
  return {
    ephemeral: true,
    nativeQuizPolls: false,
    maxText: 4000,
    maxCaption: 1000,
    // No platform limit here: half a second keeps the page lively and the log small.
    minEditIntervalMs: () => 500,
    maxDownloadBytes: uploadMaxBytes,
  };
}

/** What the replier writes to. */
export interface ReplierDeps {
  log: ChatLog;
  blobs: BlobStore;
  caps: DoorCaps;
}

function storeImages(blobs: BlobStore, msg: OutMessage): StoredMessage['images'] | undefined {
  return msg.images?.map((img) => ({
    blobId: blobs.put({ bytes: img.png, mime: 'image/png', name: img.name }),
    ...(img.alt !== undefined ? { alt: img.alt } : {}),
  }));
}

function storeFiles(blobs: BlobStore, msg: OutMessage): StoredFile[] | undefined {
  return msg.files?.map((f) => {
    const mime = f.mime ?? 'application/octet-stream';
    return { name: f.name, size: f.bytes.byteLength, mime, blobId: blobs.put({ bytes: f.bytes, mime, name: f.name }) };
  });
}

function localId(ref: MessageRef): number | undefined {
  const n = Number(ref.id);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * A replier for one request. Edits replace the text and the buttons (no `buttons` = none, as
 * on Telegram, so a finished progress message loses its cancel button) and keep pictures and
 * files unless new ones are given.
 */
export function createLocalReplier(deps: ReplierDeps, chat: ChatRef, requester: UserRef): Replier {
  return {
    caps: deps.caps,
    async send(msg: OutMessage): Promise<MessageRef> {
      // The chat may have been evicted from memory while a long job ran: bring it back.
      deps.log.ensure(chat.id, chat.kind);
      const replyTo = msg.replyTo && msg.replyTo.chat.id === chat.id ? localId(msg.replyTo) : undefined;
      const stored = deps.log.post(chat.id, {
        from: BOT_AUTHOR,
        text: truncateRichText(msg.text, MAX_KEPT_TEXT),
        images: storeImages(deps.blobs, msg) ?? [],
        files: storeFiles(deps.blobs, msg) ?? [],
        buttons: msg.buttons ?? [],
        ...(replyTo !== undefined && deps.log.get(chat.id, replyTo) ? { replyTo } : {}),
        ...(msg.private === true ? { to: requester.id } : {}),
      });
      return { chat, id: String(stored.id) };
    },
    async edit(ref: MessageRef, msg: OutMessage): Promise<void> {
      const id = localId(ref);
      const old = id === undefined ? undefined : deps.log.get(ref.chat.id, id);
      const images = old ? storeImages(deps.blobs, msg) : undefined;
      const files = old ? storeFiles(deps.blobs, msg) : undefined;
      // Replaced pictures and files are not shown any more: free them now, not at eviction.
      if (old && images) for (const img of old.images) deps.blobs.delete(img.blobId);
      if (old && files) for (const f of old.files) if (f.blobId !== undefined) deps.blobs.delete(f.blobId);
      const edited =
        id === undefined
          ? undefined
          : deps.log.edit(ref.chat.id, id, {
              text: truncateRichText(msg.text, MAX_KEPT_TEXT),
              buttons: msg.buttons ?? [],
              ...(images ? { images } : {}),
              ...(files ? { files } : {}),
            });
      // Like a platform's "message to edit not found": the caller may send anew.
      if (!edited) throw new Error(`local message ${ref.id} is not kept any more`);
    },
    async typing(): Promise<void> {
      deps.log.typing(chat.id, BOT_AUTHOR);
    },
  };
}
