import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrorSchema, MarkNotificationsReadSchema, NotificationListSchema, type NotificationList } from '@infraforum/shared';
import type { z } from 'zod';
import { Authenticated, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodResponse } from '../common/zod-validation.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ZodResponse(200, NotificationListSchema, 'The newest 50 and the number unread')
  listNotifications(@CurrentUser() user: SessionUser): Promise<NotificationList> {
    return this.notifications.list(user);
  }

  @Post('read')
  @HttpCode(204)
  @Authenticated()
  @ZodResponse(204, null)
  @ZodResponse(400, ApiErrorSchema)
  async markNotificationsRead(
    @CurrentUser() user: SessionUser,
    @ZodBody(MarkNotificationsReadSchema) body: z.output<typeof MarkNotificationsReadSchema>,
  ): Promise<void> {
    await this.notifications.markRead(user.id, 'all' in body ? 'all' : body.ids);
  }
}
