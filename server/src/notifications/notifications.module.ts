import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { MailQueue } from './mail-queue.js';
import { NotificationMailer } from './notification-mailer.js';

@Module({
  imports: [JobsModule],
  controllers: [NotificationsController],
  providers: [NotificationRepository, NotificationsService, NotificationMailer, MailQueue],
  exports: [NotificationsService, NotificationRepository, MailQueue],
})
export class NotificationsModule {}
