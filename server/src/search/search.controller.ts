import { Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  SuggestQuerySchema,
  SuggestResponseSchema,
  SynonymGroupInputSchema,
  SynonymGroupSchema,
  SynonymListSchema,
  type SearchQuery,
  type SearchResponse,
  type SuggestResponse,
  type SynonymGroup,
} from '@infraforum/shared';
import type { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { SearchService } from './search.service.js';
import { SynonymsService } from './synonyms.service.js';

@ApiTags('search')
@Controller('api/search')
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly synonyms: SynonymsService,
  ) {}

  @Get()
  @ZodResponse(200, SearchResponseSchema, 'Only what the caller may open; facet counts the same. engine says who answered.')
  @ZodResponse(400, ApiErrorSchema)
  searchContent(@CurrentUser() user: SessionUser | undefined, @ZodQuery(SearchQuerySchema) query: SearchQuery): Promise<SearchResponse> {
    return this.search.search(user, query);
  }

  @Get('suggest')
  @ZodResponse(200, SuggestResponseSchema, 'Up to 8 titles for as-you-type')
  @ZodResponse(400, ApiErrorSchema)
  suggest(
    @CurrentUser() user: SessionUser | undefined,
    @ZodQuery(SuggestQuerySchema) query: z.output<typeof SuggestQuerySchema>,
  ): Promise<SuggestResponse> {
    return this.search.suggest(user, query.q);
  }

  @Get('synonyms')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, SynonymListSchema)
  async listSynonyms(): Promise<z.output<typeof SynonymListSchema>> {
    return { groups: await this.synonyms.list() };
  }

  @Post('synonyms')
  @Authenticated('moderator', 'admin')
  @ZodResponse(201, SynonymGroupSchema)
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'A term is already in another group')
  createSynonyms(
    @CurrentUser() user: SessionUser,
    @ZodBody(SynonymGroupInputSchema) body: z.output<typeof SynonymGroupInputSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<SynonymGroup> {
    return this.synonyms.create(user, body.terms, correlationId);
  }

  @Put('synonyms/:id')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, SynonymGroupSchema)
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'A term is already in another group')
  updateSynonyms(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(SynonymGroupInputSchema) body: z.output<typeof SynonymGroupInputSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<SynonymGroup> {
    return this.synonyms.update(user, id, body.terms, correlationId);
  }

  @Delete('synonyms/:id')
  @HttpCode(204)
  @Authenticated('moderator', 'admin')
  @ZodResponse(204, null)
  @ZodResponse(404, ApiErrorSchema)
  async deleteSynonyms(@CurrentUser() user: SessionUser, @Param('id') id: string, @CorrelationId() correlationId?: string): Promise<void> {
    await this.synonyms.remove(user, id, correlationId);
  }
}
