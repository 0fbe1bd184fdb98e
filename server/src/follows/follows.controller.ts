import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  NotificationSettingsSchema,
  PutSubscriptionsSchema,
  SubscriptionListSchema,
  SubscriptionTargetSchema,
  SubscriptionType,
  UnsubscribeResultSchema,
  UnsubscribeSchema,
  type NotificationSettings,
  type SubscriptionList,
  type UnsubscribeResult,
} from '@infraforum/shared';
import { z } from 'zod';
import { ApiException } from '../common/api-exception.js';
import { Authenticated, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { toOpenApiSchema, ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { FollowsService } from './follows.service.js';

const TokenQuerySchema = z.strictObject({ token: z.string({ error: 'Linket er ugyldigt' }).min(10).max(400) });
const OptionalTokenQuerySchema = z.strictObject({ token: z.string().min(10).max(400).optional() });

@ApiTags('notifications')
@Controller('api')
export class FollowsController {
  constructor(private readonly follows: FollowsService) {}

  @Get('me/subscriptions')
  @Authenticated()
  @ZodResponse(200, SubscriptionListSchema, 'What the caller follows, named as it is now')
  getSubscriptions(@CurrentUser() user: SessionUser): Promise<SubscriptionList> {
    return this.follows.list(user);
  }

  /** Replaces the whole set: what is not listed is unfollowed. */
  @Put('me/subscriptions')
  @Authenticated()
  @ZodResponse(200, SubscriptionListSchema)
  @ZodResponse(400, ApiErrorSchema, 'A target that does not exist or that the caller may not read, per item')
  replaceSubscriptions(
    @CurrentUser() user: SessionUser,
    @ZodBody(PutSubscriptionsSchema) body: z.output<typeof PutSubscriptionsSchema>,
  ): Promise<SubscriptionList> {
    return this.follows.replace(user, body.items);
  }

  /** Follows one more thing ("Følg"); following it again is a no-op. */
  @Post('me/subscriptions')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, SubscriptionListSchema)
  @ZodResponse(400, ApiErrorSchema)
  follow(
    @CurrentUser() user: SessionUser,
    @ZodBody(SubscriptionTargetSchema) body: z.output<typeof SubscriptionTargetSchema>,
  ): Promise<SubscriptionList> {
    return this.follows.follow(user, body);
  }

  @Delete('me/subscriptions/:type/:key')
  @HttpCode(204)
  @Authenticated()
  @ZodResponse(204, null)
  @ZodResponse(404, ApiErrorSchema)
  async unfollow(@CurrentUser() user: SessionUser, @Param('type') type: string, @Param('key') key: string): Promise<void> {
    const parsed = SubscriptionType.safeParse(type);
    // A key nothing can be followed by (a control character, say) is simply not followed; it never reaches SQL.
    if (!parsed.success || !/^[a-z0-9æøå-]{1,100}$/i.test(key)) throw ApiException.notFound('Du følger ikke det.');
    await this.follows.unfollow(user, parsed.data, key.toLowerCase());
  }

  @Get('me/notification-settings')
  @Authenticated()
  @ZodResponse(200, NotificationSettingsSchema)
  getNotificationSettings(@CurrentUser() user: SessionUser): Promise<NotificationSettings> {
    return this.follows.settings(user);
  }

  @Put('me/notification-settings')
  @Authenticated()
  @ZodResponse(200, NotificationSettingsSchema)
  @ZodResponse(400, ApiErrorSchema)
  updateNotificationSettings(
    @CurrentUser() user: SessionUser,
    @ZodBody(NotificationSettingsSchema) body: z.output<typeof NotificationSettingsSchema>,
  ): Promise<NotificationSettings> {
    return this.follows.saveSettings(user, body);
  }

  /** What an unsubscribe link would turn off (no login). */
  @Get('notifications/unsubscribe')
  @ZodResponse(200, z.object({ scope: z.enum(['immediate', 'digest']) }))
  @ZodResponse(400, ApiErrorSchema)
  checkUnsubscribeToken(@ZodQuery(TokenQuerySchema) query: z.output<typeof TokenQuerySchema>): { scope: 'immediate' | 'digest' } {
    return this.follows.checkToken(query.token);
  }

  /**
   * Turns off what the signed token names. JSON `{ token }`, or RFC 8058 one-click: a mail client POSTs a form to
   * the List-Unsubscribe address with the token in the query.
   */
  @Post('notifications/unsubscribe')
  @HttpCode(200)
  // Documented as JSON; a one-click form post from a mail client carries the token in the query instead.
  @ApiBody({ schema: toOpenApiSchema(UnsubscribeSchema, 'input'), required: false })
  @ZodResponse(200, UnsubscribeResultSchema)
  @ZodResponse(400, ApiErrorSchema)
  unsubscribe(
    @ZodQuery(OptionalTokenQuerySchema) query: z.output<typeof OptionalTokenQuerySchema>,
    @Body() body: unknown,
  ): Promise<UnsubscribeResult> {
    if (query.token) return this.follows.unsubscribe(query.token);
    const parsed = UnsubscribeSchema.safeParse(body);
    if (!parsed.success) throw ApiException.field('token', 'Linket er ugyldigt');
    return this.follows.unsubscribe(parsed.data.token);
  }
}
