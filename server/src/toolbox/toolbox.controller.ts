import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AcceptToolboxProposalSchema,
  ApiErrorSchema,
  CreateToolboxItemSchema,
  CreateToolboxProposalSchema,
  CreateToolboxSectionSchema,
  DeclineToolboxProposalSchema,
  ToolboxProposalListSchema,
  ToolboxProposalQuerySchema,
  ToolboxProposalSchema,
  ToolboxSectionListSchema,
  ToolboxSectionSchema,
  UpdateToolboxItemSchema,
  UpdateToolboxSectionSchema,
  type ToolboxProposal,
  type ToolboxProposalList,
  type ToolboxSection,
} from '@infraforum/shared';
import type { Response } from 'express';
import type { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { parseId } from '../content/content-targets.js';
import { itemNotFound, proposalNotFound, ToolboxService } from './toolbox.service.js';

@ApiTags('toolbox')
@Controller('api')
export class ToolboxController {
  constructor(private readonly toolbox: ToolboxService) {}

  @Get('toolbox/sections')
  @ZodResponse(200, ToolboxSectionListSchema, 'In order, each with only the items the caller may read')
  listToolboxSections(@CurrentUser() user: SessionUser | undefined): Promise<ToolboxSection[]> {
    return this.toolbox.sections(user);
  }

  @Get('toolbox/sections/:slug')
  @ZodResponse(200, ToolboxSectionSchema, 'Only the items the caller may read')
  @ZodResponse(404, ApiErrorSchema)
  getToolboxSection(@CurrentUser() user: SessionUser | undefined, @Param('slug') slug: string): Promise<ToolboxSection> {
    return this.toolbox.section(user, slug);
  }

  @Post('toolbox/sections')
  @Authenticated('moderator', 'admin')
  @ZodResponse(201, ToolboxSectionSchema, 'Inserted at the position (last when left out); the sections after it move one down')
  @ZodResponse(400, ApiErrorSchema, 'Bad input, or the slug is taken')
  createToolboxSection(
    @CurrentUser() user: SessionUser,
    @ZodBody(CreateToolboxSectionSchema) body: z.output<typeof CreateToolboxSectionSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ToolboxSection> {
    return this.toolbox.createSection(user, body, { correlationId });
  }

  @Patch('toolbox/sections/:slug')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ToolboxSectionSchema, 'A new position moves the sections between one step')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema)
  updateToolboxSection(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @ZodBody(UpdateToolboxSectionSchema) body: z.output<typeof UpdateToolboxSectionSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ToolboxSection> {
    return this.toolbox.updateSection(user, slug, body, { correlationId });
  }

  @Delete('toolbox/sections/:slug')
  @HttpCode(204)
  @Authenticated('moderator', 'admin')
  @ZodResponse(204, null, 'With its items and proposals; the sections after it move one up')
  @ZodResponse(404, ApiErrorSchema)
  async deleteToolboxSection(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.toolbox.deleteSection(user, slug, { correlationId });
  }

  @Post('toolbox/sections/:slug/items')
  @Authenticated('moderator', 'admin')
  @ZodResponse(201, ToolboxSectionSchema, 'The section with the new item at the position (last when left out)')
  @ZodResponse(400, ApiErrorSchema, 'Bad input; content not published, not for everyone, or already in the section')
  @ZodResponse(404, ApiErrorSchema)
  addToolboxItem(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @ZodBody(CreateToolboxItemSchema) body: z.output<typeof CreateToolboxItemSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ToolboxSection> {
    return this.toolbox.addItem(user, slug, body, { correlationId });
  }

  @Patch('toolbox/sections/:slug/items/:itemId')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ToolboxSectionSchema, 'Title and url only for external links')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema)
  updateToolboxItem(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @Param('itemId') itemId: string,
    @ZodBody(UpdateToolboxItemSchema) body: z.output<typeof UpdateToolboxItemSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ToolboxSection> {
    return this.toolbox.updateItem(user, slug, parseId(itemId, itemNotFound), body, { correlationId });
  }

  @Delete('toolbox/sections/:slug/items/:itemId')
  @HttpCode(204)
  @Authenticated('moderator', 'admin')
  @ZodResponse(204, null, 'The items after it move one up')
  @ZodResponse(404, ApiErrorSchema)
  async removeToolboxItem(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @Param('itemId') itemId: string,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.toolbox.removeItem(user, slug, parseId(itemId, itemNotFound), { correlationId });
  }

  /** "Foreslå til Værktøjskassen". */
  @Post('toolbox/sections/:slug/proposals')
  @Authenticated()
  @ZodResponse(201, ToolboxProposalSchema, 'Proposed')
  @ZodResponse(200, ToolboxProposalSchema, 'The same item was already proposed for the section and waits: that proposal')
  @ZodResponse(400, ApiErrorSchema, 'Bad input; content not published, not for everyone, or already in the section')
  @ZodResponse(404, ApiErrorSchema)
  async proposeToolboxItem(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @ZodBody(CreateToolboxProposalSchema) body: z.output<typeof CreateToolboxProposalSchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ToolboxProposal> {
    const { proposal, created } = await this.toolbox.propose(user, slug, body);
    response.status(created ? 201 : 200);
    return proposal;
  }

  @Get('toolbox/proposals')
  @Authenticated()
  @ZodResponse(200, ToolboxProposalListSchema, 'Moderators: everyone’s (pending unless a status is asked for); members: their own')
  @ZodResponse(400, ApiErrorSchema)
  listToolboxProposals(
    @CurrentUser() user: SessionUser,
    @ZodQuery(ToolboxProposalQuerySchema) query: z.output<typeof ToolboxProposalQuerySchema>,
  ): Promise<ToolboxProposalList> {
    return this.toolbox.proposals(user, query);
  }

  @Post('toolbox/proposals/:id/accept')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ToolboxProposalSchema, 'The item is put into the section at the position; the proposer is notified')
  @ZodResponse(400, ApiErrorSchema, 'Bad input, or the proposal is already decided')
  @ZodResponse(404, ApiErrorSchema)
  acceptToolboxProposal(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(AcceptToolboxProposalSchema) body: z.output<typeof AcceptToolboxProposalSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ToolboxProposal> {
    return this.toolbox.accept(user, parseId(id, proposalNotFound), body, { correlationId });
  }

  @Post('toolbox/proposals/:id/decline')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ToolboxProposalSchema, 'The proposer is notified with the reason')
  @ZodResponse(400, ApiErrorSchema, 'No reason, or the proposal is already decided')
  @ZodResponse(404, ApiErrorSchema)
  declineToolboxProposal(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(DeclineToolboxProposalSchema) body: z.output<typeof DeclineToolboxProposalSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ToolboxProposal> {
    return this.toolbox.decline(user, parseId(id, proposalNotFound), body, { correlationId });
  }
}
