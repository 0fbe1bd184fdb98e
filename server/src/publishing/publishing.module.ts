import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ContentModule } from '../content/content.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ToolboxModule } from '../toolbox/toolbox.module.js';
import { PublicationScheduler } from './publication-scheduler.js';
import { PublishingController } from './publishing.controller.js';
import { PublishingService } from './publishing.service.js';

/**
 * The publishing workflow for KOMBIT material. Its own module: approval places toolbox material in its section, and
 * Værktøjskassen already depends on content (the content detail reads the workflow row through `PublishingRepository`,
 * which the content module provides).
 */
@Module({
  imports: [AuditModule, NotificationsModule, ContentModule, ToolboxModule, JobsModule],
  controllers: [PublishingController],
  providers: [PublishingService, PublicationScheduler],
})
export class PublishingModule {}
