import { applyDecorators, Controller, Get, Param, Res } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorSchema, CONTENT_KINDS } from '@infraforum/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { toOpenApiSchema, ZodResponse } from '../common/zod-validation.js';
import { FEED_FORMATS } from './feed-document.js';
import { FeedsService, type RenderedFeed } from './feeds.service.js';

/** One feed route in OpenAPI: Atom or RSS by the extension; a 404 is the API's JSON error, not a feed. */
function FeedRoute(path: string, selects: string, notFound: string): MethodDecorator {
  return applyDecorators(
    Get(path),
    ApiProduces('application/atom+xml', 'application/rss+xml'),
    ApiParam({ name: 'format', enum: [...FEED_FORMATS], description: 'atom (Atom 1.0) or rss (RSS 2.0)' }),
    ZodResponse(
      200,
      z.string(),
      `The newest 50 public items (published, readable without login) ${selects}, as Atom 1.0 or RSS 2.0. The same for everyone`,
    ),
    ApiResponse({
      status: 404,
      description: notFound,
      content: { 'application/json': { schema: toOpenApiSchema(ApiErrorSchema, 'output') } },
    }),
  );
}

/** Public, for anyone's feed reader: no session is read (FeedsModule drops it), so any cache may keep the answer. */
async function sendFeed(response: Response, feed: Promise<RenderedFeed>): Promise<string> {
  const { contentType, body } = await feed;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Cache-Control', 'public, max-age=60');
  return body;
}

@ApiTags('feeds')
@Controller('api')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @FeedRoute('feeds/:kind.:format', 'of one kind, newest first', 'Unknown kind or format')
  @ApiParam({ name: 'kind', enum: [...CONTENT_KINDS] })
  contentFeed(
    @Param('kind') kind: string,
    @Param('format') format: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return sendFeed(response, this.feeds.kindFeed(kind, format));
  }

  @FeedRoute(
    'feeds/components/:slug.:format',
    'about the catalog component or its sub-components, newest first',
    'Unknown component or format',
  )
  componentFeed(
    @Param('slug') slug: string,
    @Param('format') format: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return sendFeed(response, this.feeds.componentFeed(slug, format));
  }

  @FeedRoute('feeds/tags/:tag.:format', 'with the tag, newest first', 'Not a tag, or unknown format')
  tagFeed(@Param('tag') tag: string, @Param('format') format: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    return sendFeed(response, this.feeds.tagFeed(tag, format));
  }

  @FeedRoute('feeds/toolbox/:slug.:format', 'of a toolbox section (its links too), the latest added first', 'Unknown section or format')
  toolboxFeed(
    @Param('slug') slug: string,
    @Param('format') format: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return sendFeed(response, this.feeds.toolboxFeed(slug, format));
  }
}
