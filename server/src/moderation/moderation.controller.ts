import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  CreateFlagSchema,
  FlagResultSchema,
  ModerationQueueQuerySchema,
  ModerationQueueSchema,
  ResolveFlagResultSchema,
  ResolveFlagSchema,
  type FlagResult,
  type ModerationQueue,
} from '@infraforum/shared';
import { z } from 'zod';
import { ApiException } from '../common/api-exception.js';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { contentNotFound, parseId, replyNotFound } from '../content/content-targets.js';
import { ModerationService } from './moderation.service.js';

@ApiTags('moderation')
@Controller('api')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  /** A member's flag; a repeat replaces the member's open flag. Enough municipalities hide the item pending review. */
  @Post('content/:id/flags')
  @Authenticated()
  @ZodResponse(201, FlagResultSchema)
  @ZodResponse(400, ApiErrorSchema, 'Own content, not published, or bad input')
  @ZodResponse(404, ApiErrorSchema)
  flagContent(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(CreateFlagSchema) body: z.output<typeof CreateFlagSchema>,
  ): Promise<FlagResult> {
    return this.moderation.flagContent(user, parseId(id, contentNotFound), body);
  }

  @Post('replies/:id/flags')
  @Authenticated()
  @ZodResponse(201, FlagResultSchema)
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema)
  flagReply(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(CreateFlagSchema) body: z.output<typeof CreateFlagSchema>,
  ): Promise<FlagResult> {
    return this.moderation.flagReply(user, parseId(id, replyNotFound), body);
  }

  /** Flagged items with their flags in context: open ones (default) or decided ones. */
  @Get('moderation/queue')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ModerationQueueSchema)
  @ZodResponse(400, ApiErrorSchema)
  moderationQueue(
    @CurrentUser() user: SessionUser,
    @ZodQuery(ModerationQueueQuerySchema) query: z.output<typeof ModerationQueueQuerySchema>,
  ): Promise<ModerationQueue> {
    return this.moderation.queue(user, query.status ?? 'open', query.page ?? 1);
  }

  /** Decides every open flag on the flagged item at once: dismiss, edited, hide (reason shown to the author), lock or delete. */
  @Post('moderation/flags/:id/resolve')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ResolveFlagResultSchema)
  @ZodResponse(400, ApiErrorSchema, 'Already decided, or bad input')
  @ZodResponse(404, ApiErrorSchema)
  resolveFlag(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(ResolveFlagSchema) body: z.output<typeof ResolveFlagSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<z.infer<typeof ResolveFlagResultSchema>> {
    return this.moderation.resolve(
      user,
      parseId(id, () => ApiException.notFound('Anmeldelsen findes ikke.')),
      body,
      { correlationId },
    );
  }
}
