import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { ContentModule } from '../content/content.module.js';
import { ATTACHMENT_SCANNER, NoScanner } from './attachment-scanner.js';
import { ATTACHMENT_STORE, DiskAttachmentStore } from './attachment-store.js';
import { AttachmentRepository } from './attachment.repository.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

/** Files attached to content. Depends on content (who may read and edit an item); content never on it. */
@Module({
  imports: [ContentModule, AuditModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentRepository,
    AttachmentsService,
    {
      provide: ATTACHMENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: RuntimeConfig) => new DiskAttachmentStore(config.attachmentsDir),
    },
    // The virus scanner's place: bind a real AttachmentScanner here.
    { provide: ATTACHMENT_SCANNER, useClass: NoScanner },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
