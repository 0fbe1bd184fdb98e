import yauzl from 'yauzl';

/**
 * What an Office file (a zip) may declare before we refuse it. Only the central directory is read, nothing is
 * decompressed: a zip bomb is refused for what it claims, before anyone opens it.
 */
export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 500 * 1024 * 1024,
  /** Uncompressed ÷ compressed for one entry; real documents stay far below (XML packs about 10:1). */
  maxRatio: 200,
  /** Entries smaller than this are not held to the ratio: a tiny, very repetitive part is harmless. */
  ratioFloorBytes: 1024 * 1024,
};
export type ZipLimits = typeof ZIP_LIMITS;

export type ZipVerdict = { ok: true } | { ok: false; problem: 'invalid' | 'too-many-entries' | 'too-large' | 'compression-ratio' };

/** Reads the zip's central directory at `path` and checks it against `limits`. Never throws. */
export function inspectZip(path: string, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, decodeStrings: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return resolve({ ok: false, problem: 'invalid' });
      let settled = false;
      const finish = (verdict: ZipVerdict) => {
        if (settled) return;
        settled = true;
        if (zip.isOpen) zip.close();
        resolve(verdict);
      };
      if (zip.entryCount > limits.maxEntries) return finish({ ok: false, problem: 'too-many-entries' });
      let total = 0;
      zip.on('error', () => finish({ ok: false, problem: 'invalid' }));
      zip.on('end', () => finish({ ok: true }));
      zip.on('entry', (entry: yauzl.Entry) => {
        // A compressed size beyond the file itself is a lie about the rest too.
        if (entry.compressedSize > zip.fileSize) return finish({ ok: false, problem: 'invalid' });
        total += entry.uncompressedSize;
        if (total > limits.maxTotalUncompressedBytes) return finish({ ok: false, problem: 'too-large' });
        if (entry.uncompressedSize >= limits.ratioFloorBytes && entry.uncompressedSize > entry.compressedSize * limits.maxRatio) {
          return finish({ ok: false, problem: 'compression-ratio' });
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  });
}
