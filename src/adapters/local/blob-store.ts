/**
 * Pictures and files the bot sent, kept in memory for the page to fetch
 * (`/api/images/{id}.png`, `/api/files/{id}/{name}`). Bounded by count and by bytes; the least
 * recently used blob goes first, so a long session never grows without limit (an old picture
 * then answers 404 and the page shows its alt text).
 */
import { randomUUID } from 'node:crypto';

/** One kept blob. */
export interface StoredBlob {
  bytes: Uint8Array;
  mime: string;
  name: string;
}

/** Limits of the store. */
export interface BlobLimits {
  /** Most blobs kept at once. */
  count: number;
  /** Most bytes kept at once. */
  bytes: number;
}

/** An LRU map of blobs under unguessable ids (private pictures stay private by id). */
export class BlobStore {
  /** Least recently used first. */
  private readonly blobs = new Map<string, StoredBlob>();
  private total = 0;

  constructor(private readonly limits: BlobLimits) {}

  /** Keeps a blob; returns its id. */
  put(blob: StoredBlob): string {
    const id = randomUUID();
    this.blobs.set(id, blob);
    this.total += blob.bytes.byteLength;
    this.evict(id);
    return id;
  }

  /** The blob, marked as recently used; undefined when unknown or evicted. */
  get(id: string): StoredBlob | undefined {
    const blob = this.blobs.get(id);
    if (!blob) return undefined;
    this.blobs.delete(id);
    this.blobs.set(id, blob);
    return blob;
  }

  /** Forgets a blob (its message left memory). */
  delete(id: string): void {
    const blob = this.blobs.get(id);
    if (!blob) return;
    this.blobs.delete(id);
    this.total -= blob.bytes.byteLength;
  }

  /** Number of blobs kept. */
  get size(): number {
    return this.blobs.size;
  }

  /** Bytes kept. */
  get bytes(): number {
    return this.total;
  }

  private evict(keep: string): void {
    for (const [id, blob] of this.blobs) {
      if (this.blobs.size <= this.limits.count && this.total <= this.limits.bytes) break;
      if (id === keep) continue; // the newest blob stays even when it alone is over the byte bound
      this.blobs.delete(id);
      this.total -= blob.bytes.byteLength;
    }
  }
}
