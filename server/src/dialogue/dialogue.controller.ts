import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  CreateDialogueQuestionSchema,
  DeleteDialogueQuestionSchema,
  DialogueAnswerResultSchema,
  DialogueAnswerSchema,
  DialogueModerationSchema,
  DialogueQuestionListSchema,
  DialogueQuestionSchema,
  DialogueResultAnswerSchema,
  DialogueResultsQuerySchema,
  DialogueResultsSchema,
  UpdateDialogueQuestionSchema,
  type DialogueAnswerResult,
  type DialogueQuestion,
  type DialogueQuestionList,
  type DialogueResultAnswer,
  type DialogueResults,
} from '@infraforum/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { parseId } from '../content/content-targets.js';
import { answerNotFound, questionNotFound, webinarNotFound } from './dialogue-errors.js';
import { DialogueService } from './dialogue.service.js';

@ApiTags('dialogue')
@Controller('api')
export class DialogueController {
  constructor(private readonly dialogue: DialogueService) {}

  @Get('webinars/:id/dialogue')
  @ZodResponse(200, DialogueQuestionListSchema, 'In their order, each with the caller’s own answers')
  @ZodResponse(404, ApiErrorSchema, 'Also for webinars the caller may not see')
  async listDialogueQuestions(@CurrentUser() user: SessionUser | undefined, @Param('id') id: string): Promise<DialogueQuestionList> {
    return this.dialogue.list(user, parseId(id, webinarNotFound));
  }

  @Post('webinars/:id/dialogue')
  @Authenticated('moderator', 'admin')
  @ZodResponse(201, DialogueQuestionSchema, 'Added last, closed')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema, 'No webinar with this id')
  createDialogueQuestion(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(CreateDialogueQuestionSchema) body: z.output<typeof CreateDialogueQuestionSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<DialogueQuestion> {
    return this.dialogue.create(user, parseId(id, webinarNotFound), body, { correlationId });
  }

  @Patch('dialogue/:questionId')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, DialogueQuestionSchema)
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema)
  updateDialogueQuestion(
    @CurrentUser() user: SessionUser,
    @Param('questionId') questionId: string,
    @ZodBody(UpdateDialogueQuestionSchema) body: z.output<typeof UpdateDialogueQuestionSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<DialogueQuestion> {
    return this.dialogue.update(user, parseId(questionId, questionNotFound), body, { correlationId });
  }

  @Delete('dialogue/:questionId')
  @HttpCode(204)
  @Authenticated('moderator', 'admin')
  @ZodResponse(204, null)
  @ZodResponse(404, ApiErrorSchema)
  async deleteDialogueQuestion(
    @CurrentUser() user: SessionUser,
    @Param('questionId') questionId: string,
    @ZodBody(DeleteDialogueQuestionSchema) body: z.output<typeof DeleteDialogueQuestionSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.dialogue.remove(user, parseId(questionId, questionNotFound), body.reason, { correlationId });
  }

  /** 201 also when an evaluation replaces the caller's earlier one (then `replaced` is true and the id is the same). */
  @Post('dialogue/:questionId/answers')
  @Authenticated()
  @ZodResponse(201, DialogueAnswerResultSchema)
  @ZodResponse(400, ApiErrorSchema, 'Text for an open question, value 1–5 for a statement; at most 10 answers per question')
  @ZodResponse(409, ApiErrorSchema, 'The question is closed')
  answerDialogueQuestion(
    @CurrentUser() user: SessionUser,
    @Param('questionId') questionId: string,
    @ZodBody(DialogueAnswerSchema) body: z.output<typeof DialogueAnswerSchema>,
  ): Promise<DialogueAnswerResult> {
    return this.dialogue.answer(user, parseId(questionId, questionNotFound), body);
  }

  @Get('dialogue/:questionId/results')
  @ZodResponse(
    200,
    DialogueResultsSchema,
    'With format=csv (moderators only): text/csv; charset=utf-8 with a byte-order mark, ";" between cells, as an attachment',
  )
  @ZodResponse(403, ApiErrorSchema, 'format=csv by anyone but a moderator')
  @ZodResponse(404, ApiErrorSchema)
  async getDialogueResults(
    @CurrentUser() user: SessionUser | undefined,
    @Param('questionId') questionId: string,
    @ZodQuery(DialogueResultsQuerySchema) query: z.output<typeof DialogueResultsQuerySchema>,
    @Res({ passthrough: true }) response: Response,
    @CorrelationId() correlationId?: string,
  ): Promise<DialogueResults | StreamableFile> {
    const id = parseId(questionId, questionNotFound);
    if (query.format !== 'csv') return this.dialogue.results(user, id, query);
    const csv = await this.dialogue.resultsCsv(user, id, { correlationId });
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(Buffer.from(csv.body, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${csv.filename}"`,
    });
  }

  @Post('dialogue/answers/:answerId/hide')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, DialogueResultAnswerSchema, 'The answer as moderators see it')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'Already hidden')
  hideDialogueAnswer(
    @CurrentUser() user: SessionUser,
    @Param('answerId') answerId: string,
    @ZodBody(DialogueModerationSchema) body: z.output<typeof DialogueModerationSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<DialogueResultAnswer> {
    return this.dialogue.setAnswerHidden(user, parseId(answerId, answerNotFound), true, body.reason, { correlationId });
  }

  @Post('dialogue/answers/:answerId/unhide')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, DialogueResultAnswerSchema, 'The answer as moderators see it')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'Not hidden')
  unhideDialogueAnswer(
    @CurrentUser() user: SessionUser,
    @Param('answerId') answerId: string,
    @ZodBody(DialogueModerationSchema) body: z.output<typeof DialogueModerationSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<DialogueResultAnswer> {
    return this.dialogue.setAnswerHidden(user, parseId(answerId, answerNotFound), false, body.reason, { correlationId });
  }
}
