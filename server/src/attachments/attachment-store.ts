import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** The bytes of an attachment, addressed by their SHA-256 (hex, lower case): one copy whatever the number of rows. */
export interface AttachmentStore {
  /** Takes over the local file at `localPath` (it is gone afterwards); if those bytes are stored already, keeps the one copy. */
  put(localPath: string, sha256: string): Promise<void>;
  /** The stored bytes and their size, or null when there are none. */
  open(sha256: string): Promise<{ stream: Readable; size: number } | null>;
  exists(sha256: string): Promise<boolean>;
  remove(sha256: string): Promise<void>;
}

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');

const SHA256 = /^[0-9a-f]{64}$/;

function checkedSha(sha256: string): string {
  // The hash becomes a path: only ever 64 hex digits.
  if (!SHA256.test(sha256)) throw new Error('Not a SHA-256 hex digest');
  return sha256;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** Files under `<root>/<sha[0..2]>/<sha[2..4]>/<sha>`; a later store (S3) implements the same four calls. */
export class DiskAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    const sha = checkedSha(sha256);
    return path.join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(localPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.exists(sha256)) {
      await rm(localPath, { force: true });
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    // Same file system as the incoming directory: an atomic move, never a half-written file under its hash.
    await rename(localPath, target);
  }

  async open(sha256: string): Promise<{ stream: Readable; size: number } | null> {
    try {
      const handle = await open(this.pathOf(sha256), 'r');
      try {
        const { size } = await handle.stat();
        return { stream: handle.createReadStream({ autoClose: true }), size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

/** Removes files in `dir` older than `maxAgeMs`: uploads cut off by a crash leave their temp files behind. */
export async function sweepStaleFiles(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && now - info.mtimeMs > maxAgeMs) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
