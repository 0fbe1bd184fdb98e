import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  ContentDetailSchema,
  PublishingQueueQuerySchema,
  PublishingQueueSchema,
  PublishingRequestSchema,
  type ContentDetail,
  type PublishingQueue,
} from '@infraforum/shared';
import { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { contentNotFound, parseId } from '../content/content-targets.js';
import { PublishingService } from './publishing.service.js';

@ApiTags('publishing')
@Controller('api')
export class PublishingController {
  constructor(private readonly publishing: PublishingService) {}

  /**
   * One step of the publishing workflow: submit (to review, optionally for a toolbox section and a time), withdraw,
   * approve (toolbox material: by a second moderator), return (with a reason), schedule, unschedule.
   */
  @Post('content/:id/publishing')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, ContentDetailSchema, 'The item after the step')
  @ZodResponse(400, ApiErrorSchema, 'A field is wrong: a time in the past, an unknown section, a missing reason')
  @ZodResponse(403, ApiErrorSchema, 'Not allowed now (for example: approving one’s own toolbox material)')
  @ZodResponse(404, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'Changed by someone else at the same time')
  publishingStep(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(PublishingRequestSchema) body: z.output<typeof PublishingRequestSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ContentDetail> {
    return this.publishing.act(user, parseId(id, contentNotFound), body, { correlationId });
  }

  /** KOMBIT's moderators: what waits for approval (oldest first) and what is scheduled (soonest first). */
  @Get('publishing/queue')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, PublishingQueueSchema)
  @ZodResponse(400, ApiErrorSchema)
  listPublishingQueue(
    @CurrentUser() user: SessionUser,
    @ZodQuery(PublishingQueueQuerySchema) query: z.output<typeof PublishingQueueQuerySchema>,
  ): Promise<PublishingQueue> {
    return this.publishing.queue(user, query.status);
  }
}
