import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  DeleteReasonSchema,
  MoveReplySchema,
  ReplySchema,
  UpdateReplySchema,
  VoteResultSchema,
  VoteSchema,
  type Reply,
  type VoteResult,
} from '@infraforum/shared';
import { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodResponse } from '../common/zod-validation.js';
import { parseId, replyNotFound } from './content-targets.js';
import { ReplyService } from './reply.service.js';

@ApiTags('content')
@Controller('api/replies')
export class RepliesController {
  constructor(private readonly replies: ReplyService) {}

  @Get(':id')
  @ZodResponse(200, ReplySchema)
  @ZodResponse(404, ApiErrorSchema, 'Also for replies the caller may not see')
  getReply(@CurrentUser() user: SessionUser | undefined, @Param('id') id: string): Promise<Reply> {
    return this.replies.get(user, parseId(id, replyNotFound));
  }

  @Patch(':id')
  @Authenticated()
  @ZodResponse(200, ReplySchema)
  @ZodResponse(400, ApiErrorSchema)
  updateReply(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(UpdateReplySchema) body: z.output<typeof UpdateReplySchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<Reply> {
    return this.replies.update(user, parseId(id, replyNotFound), body, { correlationId });
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  @ZodResponse(204, null)
  async deleteReply(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(DeleteReasonSchema) body: z.output<typeof DeleteReasonSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.replies.remove(user, parseId(id, replyNotFound), body.reason, { correlationId });
  }

  @Post(':id/vote')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, VoteResultSchema)
  @ZodResponse(400, ApiErrorSchema)
  voteOnReply(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(VoteSchema) body: z.output<typeof VoteSchema>,
  ): Promise<VoteResult> {
    return this.replies.voteOnReply(user, parseId(id, replyNotFound), body.value);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, ReplySchema)
  @ZodResponse(403, ApiErrorSchema)
  acceptReply(@CurrentUser() user: SessionUser, @Param('id') id: string, @CorrelationId() correlationId?: string): Promise<Reply> {
    return this.replies.accept(user, parseId(id, replyNotFound), { correlationId });
  }

  @Delete(':id/accept')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, ReplySchema)
  @ZodResponse(403, ApiErrorSchema)
  unacceptReply(@CurrentUser() user: SessionUser, @Param('id') id: string, @CorrelationId() correlationId?: string): Promise<Reply> {
    return this.replies.unaccept(user, parseId(id, replyNotFound), { correlationId });
  }

  @Post(':id/move')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ReplySchema)
  @ZodResponse(400, ApiErrorSchema)
  moveReply(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(MoveReplySchema) body: z.output<typeof MoveReplySchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<Reply> {
    return this.replies.move(user, parseId(id, replyNotFound), body, { correlationId });
  }
}
