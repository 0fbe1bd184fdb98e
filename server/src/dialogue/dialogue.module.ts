import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ContentModule } from '../content/content.module.js';
import { DialogueController } from './dialogue.controller.js';
import { DialogueRepository } from './dialogue.repository.js';
import { DialogueService } from './dialogue.service.js';

/** A webinar's dialogue questions and evaluations; it reads webinars through the content module, never the other way round. */
@Module({
  imports: [AuditModule, ContentModule],
  controllers: [DialogueController],
  providers: [DialogueRepository, DialogueService],
  exports: [DialogueService],
})
export class DialogueModule {}
