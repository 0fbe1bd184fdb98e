import { Injectable } from '@nestjs/common';

export interface ScannedFile {
  /** A local copy of the uploaded bytes. */
  path: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export type ScanVerdict = { clean: true } | { clean: false; reason: string };

/**
 * Where a virus scanner plugs in (ClamAV over clamd's INSTREAM, a cloud scanning API …): every upload is scanned
 * after its type has been checked and before it is stored or linked to anything. A verdict of "not clean" refuses
 * the upload with `reason` (in Danish; shown to the person). Bind another implementation to ATTACHMENT_SCANNER
 * in AttachmentsModule to use one.
 */
export interface AttachmentScanner {
  scan(file: ScannedFile): Promise<ScanVerdict>;
}

export const ATTACHMENT_SCANNER = Symbol('ATTACHMENT_SCANNER');

/** No scanner configured: every file passes. The types are still decided by the bytes, and downloads are sandboxed. */
@Injectable()
export class NoScanner implements AttachmentScanner {
  scan(): Promise<ScanVerdict> {
    return Promise.resolve({ clean: true });
  }
}
