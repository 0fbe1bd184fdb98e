import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import multer from 'multer';
import { ApiException } from '../common/api-exception.js';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

/** An upload on local disk, under a random name in the incoming directory, with what was counted on the way in. */
export interface ReceivedFile {
  path: string;
  /** The name as the browser sent it: untrusted. */
  originalName: string;
  size: number;
  sha256: string;
}

/** Streams the one file to a temp file, hashing and counting as it goes; multer removes it when the upload fails. */
class HashingDiskStorage implements multer.StorageEngine {
  received: Omit<ReceivedFile, 'originalName'> | undefined;

  constructor(private readonly dir: string) {}

  _handleFile(_request: Request, file: Express.Multer.File, callback: (error?: Error | null, info?: Partial<Express.Multer.File>) => void) {
    const target = path.join(this.dir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(file.stream, count, createWriteStream(target, { flags: 'wx', mode: 0o600 })).then(
      () => {
        this.received = { path: target, size, sha256: hash.digest('hex') };
        callback(null, { path: target, size });
      },
      (error: Error) => {
        rm(target, { force: true }).then(
          () => callback(error),
          () => callback(error),
        );
      },
    );
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void) {
    if (this.received?.path === file.path) this.received = undefined;
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** multer's and busboy's refusals as the API's errors; a failing disk stays a server error. */
function uploadError(error: unknown, maxBytes: number): unknown {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') {
      return new ApiException(413, 'PAYLOAD_TOO_LARGE', 'Filen er for stor.', {
        [UPLOAD_FIELD]: [`Filen er for stor. Den må højst fylde ${megabytes(maxBytes)} MB.`],
      });
    }
    if (error.code === 'LIMIT_UNEXPECTED_FILE' || error.code === 'LIMIT_FILE_COUNT') {
      return ApiException.field(UPLOAD_FIELD, `Send én fil ad gangen, i feltet "${UPLOAD_FIELD}".`);
    }
    return ApiException.field('_', 'Anmodningen har for mange eller for store felter.');
  }
  if (error instanceof Error && !('syscall' in error)) {
    // busboy: a malformed or cut-off multipart body, or the client went away.
    return ApiException.field(UPLOAD_FIELD, 'Filen kom ikke helt frem. Prøv at sende den igen.');
  }
  return error;
}

/**
 * Receives the multipart body of `request`: exactly one file in UPLOAD_FIELD, at most `maxBytes`, nothing else of
 * size. The caller owns the temp file afterwards and must remove or move it.
 */
export async function receiveUpload(
  request: Request,
  response: Response,
  options: { dir: string; maxBytes: number },
): Promise<ReceivedFile> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const storage = new HashingDiskStorage(options.dir);
  const upload = multer({
    storage,
    limits: { fileSize: options.maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 11, headerPairs: 100 },
    // Browsers send the file name as raw UTF-8; busboy would read it as Latin-1 ("PrÃ¦sentation.pdf").
    defParamCharset: 'utf8',
  } as multer.Options).single(UPLOAD_FIELD);
  try {
    await new Promise<void>((resolve, reject) => upload(request, response, (error?: unknown) => (error ? reject(error) : resolve())));
  } catch (error) {
    if (storage.received) await rm(storage.received.path, { force: true });
    throw uploadError(error, options.maxBytes);
  }
  const file = request.file;
  if (!file || !storage.received) throw ApiException.field(UPLOAD_FIELD, 'Vælg en fil, du vil vedhæfte.');
  return { ...storage.received, originalName: file.originalname };
}
