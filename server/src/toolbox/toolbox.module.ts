import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ContentModule } from '../content/content.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ToolboxController } from './toolbox.controller.js';
import { ToolboxRepository } from './toolbox.repository.js';
import { ToolboxService } from './toolbox.service.js';

/** Værktøjskassen: sections, their items and the members' proposals. Reads content through the content repository. */
@Module({
  imports: [AuditModule, NotificationsModule, ContentModule, JobsModule],
  controllers: [ToolboxController],
  providers: [ToolboxRepository, ToolboxService],
  exports: [ToolboxService, ToolboxRepository],
})
export class ToolboxModule {}
