import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogController } from '../catalog/catalog.controller.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';
import { RepliesController } from './replies.controller.js';
import { ReplyService } from './reply.service.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { LifecycleService } from '../webinars/lifecycle.service.js';
import { RegistrationService } from '../webinars/registration.service.js';
import { WebinarRepository } from '../webinars/webinar.repository.js';
import { WebinarsController } from '../webinars/webinars.controller.js';
import { CaseRepository } from '../cases/case.repository.js';
import { CasesController } from '../cases/cases.controller.js';
import { CasesService } from '../cases/cases.service.js';
import { FollowsController } from '../follows/follows.controller.js';
import { FollowsRepository } from '../follows/follows.repository.js';
import { FollowsService } from '../follows/follows.service.js';
import { PublishingRepository } from '../publishing/publishing.repository.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { ContentDeletedQueue } from './content-deleted-queue.js';

/**
 * Content, its reference catalog and the webinar lifecycle in one module: content checks components against the
 * catalog and the catalog lists content about each component; a content detail shows a webinar's sign-ups and
 * timeline (a case who else is working on it), and the lifecycle moves content on. Split, the modules would import each other.
 */
@Module({
  imports: [AuditModule, NotificationsModule, JobsModule],
  controllers: [ContentController, RepliesController, CatalogController, WebinarsController, CasesController, FollowsController],
  providers: [
    ContentRepository,
    ContentService,
    ReplyService,
    CatalogRepository,
    CatalogService,
    WebinarRepository,
    LifecycleService,
    RegistrationService,
    CaseRepository,
    CasesService,
    FollowsRepository,
    FollowsService,
    PublishingRepository,
    ContentDeletedQueue,
  ],
  exports: [
    ContentService,
    ReplyService,
    CatalogService,
    ContentRepository,
    WebinarRepository,
    FollowsService,
    PublishingRepository,
    ContentDeletedQueue,
  ],
})
export class ContentModule {}
