import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  ContentDetailSchema,
  ContentListSchema,
  CreateContentSchema,
  DeleteReasonSchema,
  ListContentQuerySchema,
  MarkdownPreviewResultSchema,
  MarkdownPreviewSchema,
  ModerationActionSchema,
  ReplySchema,
  RevisionListSchema,
  ReviewListQuerySchema,
  ReviewListSchema,
  UpdateContentSchema,
  VoteResultSchema,
  VoteSchema,
  CreateReplySchema,
  type ContentDetail,
  type ContentList,
  type Reply,
  type Revision,
  type ReviewList,
  type VoteResult,
} from '@infraforum/shared';
import { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { contentNotFound, parseId } from './content-targets.js';
import { ContentService } from './content.service.js';
import { renderMarkdown } from './markdown.js';
import { ReplyService } from './reply.service.js';

@ApiTags('content')
@Controller('api')
export class ContentController {
  constructor(
    private readonly content: ContentService,
    private readonly replies: ReplyService,
  ) {}

  @Get('content')
  @ZodResponse(200, ContentListSchema, 'Only what the caller may see; total counts the same')
  @ZodResponse(400, ApiErrorSchema)
  listContent(
    @CurrentUser() user: SessionUser | undefined,
    @ZodQuery(ListContentQuerySchema) query: z.output<typeof ListContentQuerySchema>,
  ): Promise<ContentList> {
    return this.content.list(user, query);
  }

  @Post('content')
  @Authenticated()
  @ZodResponse(201, ContentDetailSchema)
  @ZodResponse(400, ApiErrorSchema)
  createContent(
    @CurrentUser() user: SessionUser,
    @ZodBody(CreateContentSchema) body: z.output<typeof CreateContentSchema>,
  ): Promise<ContentDetail> {
    return this.content.create(user, body);
  }

  @Get('content/:id')
  @ZodResponse(200, ContentDetailSchema)
  @ZodResponse(404, ApiErrorSchema, 'Also for items the caller may not see')
  getContent(@CurrentUser() user: SessionUser | undefined, @Param('id') id: string): Promise<ContentDetail> {
    return this.content.get(user, parseId(id, contentNotFound));
  }

  @Patch('content/:id')
  @Authenticated()
  @ZodResponse(200, ContentDetailSchema)
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'Changed by someone else since expectedVersion')
  updateContent(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(UpdateContentSchema) body: z.output<typeof UpdateContentSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ContentDetail> {
    return this.content.update(user, parseId(id, contentNotFound), body, { correlationId });
  }

  @Delete('content/:id')
  @HttpCode(204)
  @Authenticated()
  @ZodResponse(204, null)
  @ZodResponse(400, ApiErrorSchema)
  async deleteContent(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(DeleteReasonSchema) body: z.output<typeof DeleteReasonSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.content.remove(user, parseId(id, contentNotFound), body.reason, { correlationId });
  }

  @Post('content/:id/moderation')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ContentDetailSchema)
  @ZodResponse(400, ApiErrorSchema)
  moderateContent(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(ModerationActionSchema) body: z.output<typeof ModerationActionSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ContentDetail> {
    return this.content.moderate(user, parseId(id, contentNotFound), body, { correlationId });
  }

  @Post('content/:id/checked')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, ContentDetailSchema, 'Marked as checked today ("Sidst gennemgået")')
  @ZodResponse(400, ApiErrorSchema, 'Not a guide or a case')
  @ZodResponse(403, ApiErrorSchema)
  markContentChecked(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @CorrelationId() correlationId?: string,
  ): Promise<ContentDetail> {
    return this.content.markChecked(user, parseId(id, contentNotFound), { correlationId });
  }

  /** Published guides and cases not checked for 12 months, and items about phased-out components: one's own, or (moderators) all. */
  @Get('review/outdated')
  @Authenticated()
  @ZodResponse(200, ReviewListSchema)
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(403, ApiErrorSchema, 'scope=all for someone who is not a moderator')
  listOutdatedContent(
    @CurrentUser() user: SessionUser,
    @ZodQuery(ReviewListQuerySchema) query: z.output<typeof ReviewListQuerySchema>,
  ): Promise<ReviewList> {
    return this.content.reviewList(user, query);
  }

  @Get('content/:id/revisions')
  @ZodResponse(200, RevisionListSchema)
  @ZodResponse(404, ApiErrorSchema)
  async listRevisions(@CurrentUser() user: SessionUser | undefined, @Param('id') id: string): Promise<{ items: Revision[] }> {
    return { items: await this.content.revisions(user, parseId(id, contentNotFound)) };
  }

  @Post('content/:id/replies')
  @Authenticated()
  @ZodResponse(201, ReplySchema)
  @ZodResponse(400, ApiErrorSchema)
  createReply(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(CreateReplySchema) body: z.output<typeof CreateReplySchema>,
  ): Promise<Reply> {
    return this.replies.create(user, parseId(id, contentNotFound), body.body);
  }

  @Post('content/:id/vote')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, VoteResultSchema)
  @ZodResponse(400, ApiErrorSchema)
  voteOnContent(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(VoteSchema) body: z.output<typeof VoteSchema>,
  ): Promise<VoteResult> {
    return this.replies.voteOnContent(user, parseId(id, contentNotFound), body.value);
  }

  /** Renders Markdown exactly as a saved post would be (for the preview beside the editor). */
  @Post('markdown/preview')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, MarkdownPreviewResultSchema)
  @ZodResponse(400, ApiErrorSchema)
  previewMarkdown(@ZodBody(MarkdownPreviewSchema) body: z.output<typeof MarkdownPreviewSchema>): { html: string } {
    return { html: renderMarkdown(body.body).html };
  }
}
