import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_CONTENT_MAX, type Attachment } from '@infraforum/shared';
import type { Request, Response } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { actsOnOthersContent, canAttachTo, canReadContent, contentReadScope, requireAccess } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { contentNotFound, contentTarget } from '../content/content-targets.js';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { ATTACHMENT_SCANNER, type AttachmentScanner } from './attachment-scanner.js';
import { ATTACHMENT_STORE, sweepStaleFiles, type AttachmentStore } from './attachment-store.js';
import { checkAttachmentType, INLINE_TYPES } from './attachment-type.js';
import { receiveUpload, UPLOAD_FIELD, type ReceivedFile } from './attachment-upload.js';
import { toAttachment } from './attachment.mapper.js';
import { AttachmentRepository, type AttachmentRow } from './attachment.repository.js';
import { baseName, extensionOf, sanitizeFileName } from './file-name.js';
import { extractPdfText } from './pdf-text.js';

export interface ActionContext {
  correlationId?: string;
}

/** What the download route sends. */
export interface AttachmentDownload {
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
  stream: Readable;
  /** Shown in the browser (PDF, images) rather than saved. */
  inline: boolean;
  /** Anyone may read the item, so shared caches may keep the file. */
  public: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A temp file older than this belongs to an upload that was cut off (a crash, a restart). */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

export const attachmentNotFound = (): ApiException => ApiException.notFound('Filen findes ikke, eller du har ikke adgang til den.');

/**
 * Files attached to content (a webinar's material): received and checked by their bytes, stored once per content
 * hash, readable by whoever may read the item, attached and removed by whoever may edit it.
 */
@Injectable()
export class AttachmentsService implements OnModuleInit {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly incomingDir: string;

  constructor(
    private readonly repo: AttachmentRepository,
    private readonly contentRepo: ContentRepository,
    private readonly content: ContentService,
    private readonly audit: AuditService,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    @Inject(ATTACHMENT_SCANNER) private readonly scanner: AttachmentScanner,
    @Inject(APP_CONFIG) config: RuntimeConfig,
  ) {
    this.incomingDir = path.join(config.attachmentsDir, 'incoming');
  }

  async onModuleInit(): Promise<void> {
    const removed = await sweepStaleFiles(this.incomingDir, STALE_UPLOAD_MS);
    if (removed > 0) this.logger.warn(`Removed ${removed} unfinished upload(s) from ${this.incomingDir}`);
  }

  async list(viewer: SessionUser | undefined, contentId: string): Promise<Attachment[]> {
    const item = await this.contentRepo.findVisible(contentId, contentReadScope(viewer), viewer?.id ?? null);
    if (!item) throw contentNotFound();
    return (await this.repo.listFor(contentId)).map(toAttachment);
  }

  /**
   * Checks who may attach before reading a byte of the body, then receives the file, decides its type from the
   * bytes, scans it, extracts a PDF's text, and stores it with its row in one transaction (checked again there).
   */
  async upload(actor: SessionUser, contentId: string, request: Request, response: Response): Promise<Attachment> {
    const item = await this.contentRepo.findVisible(contentId, contentReadScope(actor), actor.id);
    if (!item) throw contentNotFound();
    requireAccess(canAttachTo(actor, contentTarget(item)), 'Du kan ikke vedhæfte filer til dette indhold.');
    if ((await this.repo.countFor(contentId)) >= ATTACHMENTS_PER_CONTENT_MAX) throw tooManyFiles();

    const received = await receiveUpload(request, response, { dir: this.incomingDir, maxBytes: ATTACHMENT_MAX_BYTES });
    try {
      return await this.accept(actor, contentId, received);
    } finally {
      // Gone already when the store took it over; otherwise the upload was refused.
      await rm(received.path, { force: true });
    }
  }

  private async accept(actor: SessionUser, contentId: string, received: ReceivedFile): Promise<Attachment> {
    if (received.size === 0) throw ApiException.field(UPLOAD_FIELD, 'Filen er tom.');
    const original = baseName(received.originalName);
    const type = await checkAttachmentType(received.path, extensionOf(original));
    if (!type.ok) throw ApiException.field(UPLOAD_FIELD, type.message);
    const verdict = await this.scanner.scan({
      path: received.path,
      sha256: received.sha256,
      size: received.size,
      mediaType: type.mediaType,
    });
    if (!verdict.clean) throw ApiException.field(UPLOAD_FIELD, verdict.reason);
    const name = sanitizeFileName(original, type.extension);
    const text = type.mediaType === 'application/pdf' ? await this.pdfText(received) : null;

    const row = await this.repo.transaction(async (manager) => {
      const current = await this.content.lockReadable(actor, contentId, manager);
      requireAccess(canAttachTo(actor, contentTarget(current)), 'Du kan ikke vedhæfte filer til dette indhold.');
      if ((await this.repo.countFor(contentId, manager)) >= ATTACHMENTS_PER_CONTENT_MAX) throw tooManyFiles();
      await this.repo.lockBytes(received.sha256, manager);
      const storedBefore = await this.store.exists(received.sha256);
      await this.store.put(received.path, received.sha256);
      try {
        return await this.repo.insert(
          { contentId, sha256: received.sha256, name, size: received.size, mediaType: type.mediaType, text, uploadedById: actor.id },
          manager,
        );
      } catch (error) {
        if (!storedBefore) await this.store.remove(received.sha256);
        throw error;
      }
    });
    return toAttachment(row);
  }

  /** Null when the PDF has no text layer, or it cannot be read in time: the upload never fails on it. */
  private async pdfText(received: ReceivedFile): Promise<string | null> {
    try {
      const text = await extractPdfText(received.path);
      return text === '' ? null : text;
    } catch (error) {
      this.logger.warn(`No text from PDF ${received.sha256}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  /** 404 for what the viewer may not read, for a deleted file and for a name that is not the file's. */
  async download(viewer: SessionUser | undefined, id: string, name: string): Promise<AttachmentDownload> {
    if (!UUID.test(id)) throw attachmentNotFound();
    const row = await this.repo.find(id);
    if (!row || row.name !== name.normalize('NFC')) throw attachmentNotFound();
    const item = await this.contentRepo.findVisible(row.content_id, contentReadScope(viewer), viewer?.id ?? null);
    if (!item) throw attachmentNotFound();
    const file = await this.store.open(row.sha256);
    if (!file) {
      this.logger.error(`Attachment ${row.id} has no bytes in the store (${row.sha256})`);
      throw attachmentNotFound();
    }
    return {
      name: row.name,
      mediaType: row.media_type,
      sha256: row.sha256,
      size: file.size,
      stream: file.stream,
      inline: INLINE_TYPES.includes(row.media_type),
      public: canReadContent(undefined, contentTarget(item)),
    };
  }

  /** The row goes (soft delete); the bytes too, unless another row still uses them. On others' content: audited. */
  async remove(actor: SessionUser, id: string, context: ActionContext = {}): Promise<void> {
    if (!UUID.test(id)) throw attachmentNotFound();
    const sha256 = await this.repo.transaction(async (manager) => {
      const row = await this.repo.find(id, manager);
      if (!row) throw attachmentNotFound();
      const current = await this.content.lockReadable(actor, row.content_id, manager).catch((error: unknown) => {
        throw error instanceof ApiException && error.statusCode === 404 ? attachmentNotFound() : error;
      });
      requireAccess(canAttachTo(actor, contentTarget(current)), 'Du kan ikke fjerne filer fra dette indhold.');
      await this.repo.markDeleted(id, manager);
      if (actsOnOthersContent(actor, { authorId: current.author_id })) {
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'attachment.delete',
            targetType: 'attachment',
            targetId: id,
            organizationId: current.organization_id,
            before: describe(row),
            correlationId: context.correlationId,
          },
          manager,
        );
      }
      return row.sha256;
    });
    // The bytes go only after the row's removal is committed (a failed commit keeps both), under the lock on them:
    // an upload of the same file meanwhile either committed first (still referenced: kept) or waits and stores it anew.
    await this.repo.transaction(async (manager) => {
      await this.repo.lockBytes(sha256, manager);
      if (!(await this.repo.isReferenced(sha256, manager))) await this.store.remove(sha256);
    });
  }
}

const tooManyFiles = () =>
  ApiException.field(UPLOAD_FIELD, `Der kan højst være ${ATTACHMENTS_PER_CONTENT_MAX} filer. Fjern en, før du tilføjer en ny.`);

const describe = (row: AttachmentRow) => ({
  contentId: row.content_id,
  name: row.name,
  mediaType: row.media_type,
  size: Number(row.size),
  sha256: row.sha256,
});
