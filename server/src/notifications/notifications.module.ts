import { Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { MailQueue } from './mail-queue.js';
import { NotificationMailer } from './notification-mailer.js';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationRepository, NotificationsService, NotificationMailer, MailQueue],
  exports: [NotificationsService, NotificationRepository, MailQueue],
})
export class NotificationsModule {}
