import { pipeline } from 'node:stream/promises';
import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorSchema, AttachmentListSchema, AttachmentSchema, type Attachment } from '@infraforum/shared';
import type { Request, Response } from 'express';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { UPLOAD_CSRF_HEADER } from '@infraforum/shared';
import { ZodResponse } from '../common/zod-validation.js';
import { contentNotFound, parseId } from '../content/content-targets.js';
import { UPLOAD_FIELD } from './attachment-upload.js';
import { AttachmentsService, type AttachmentDownload } from './attachments.service.js';
import { contentDisposition } from './file-name.js';

/** An ETag list from If-None-Match matches ours (weak or strong, or "*"). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

@ApiTags('attachments')
@Controller('api')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get('content/:id/attachments')
  @ZodResponse(200, AttachmentListSchema)
  @ZodResponse(404, ApiErrorSchema, 'Also for items the caller may not see')
  async listAttachments(@CurrentUser() user: SessionUser | undefined, @Param('id') id: string): Promise<{ items: Attachment[] }> {
    return { items: await this.attachments.list(user, parseId(id, contentNotFound)) };
  }

  /** multipart/form-data with the file in `file`; like every other write, only from our own pages (see requireJsonBody). */
  @Post('content/:id/attachments')
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: UPLOAD_CSRF_HEADER, required: true, description: 'Any value: a header another site’s form cannot send (CSRF)' })
  @ApiBody({
    schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } } },
  })
  @ZodResponse(201, AttachmentSchema)
  @ZodResponse(400, ApiErrorSchema, 'Not an allowed type, a name that does not fit the bytes, a suspicious Office file, too many files')
  @ZodResponse(413, ApiErrorSchema, 'Larger than ATTACHMENT_MAX_BYTES')
  @ZodResponse(415, ApiErrorSchema, `Not multipart/form-data with the ${UPLOAD_CSRF_HEADER} header`)
  createAttachment(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Attachment> {
    return this.attachments.upload(user, parseId(id, contentNotFound), request, response);
  }

  @Get('attachments/:id/:name')
  @ApiProduces('application/octet-stream')
  @ApiResponse({
    status: 200,
    description: 'The bytes, with the type found at upload',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ZodResponse(304, null, 'Unchanged since the ETag in If-None-Match')
  @ZodResponse(404, ApiErrorSchema, 'Also for files of items the caller may not see, deleted files and a wrong name')
  async downloadAttachment(
    @CurrentUser() user: SessionUser | undefined,
    @Param('id') id: string,
    @Param('name') name: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.attachments.download(user, id, name);
    this.setDownloadHeaders(response, file);
    if (matchesEtag(request.headers['if-none-match'], `"${file.sha256}"`)) {
      file.stream.destroy();
      response.status(304).end();
      return;
    }
    response.setHeader('Content-Length', String(file.size));
    response.status(200);
    if (request.method === 'HEAD') {
      file.stream.destroy();
      response.end();
      return;
    }
    // A client that goes away mid-download is no error of ours; the file is closed either way.
    await pipeline(file.stream, response).catch(() => undefined);
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @Authenticated()
  @ZodResponse(204, null)
  @ZodResponse(403, ApiErrorSchema)
  @ZodResponse(404, ApiErrorSchema)
  async deleteAttachment(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.attachments.remove(user, id, { correlationId });
  }

  private setDownloadHeaders(response: Response, file: AttachmentDownload): void {
    response.setHeader('Content-Type', file.mediaType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // Even a file a browser would run (an HTML or SVG that slipped through) gets no script, no origin, no requests.
    // Not on PDFs: Safari shows a sandboxed PDF blank and Chrome's viewer is blocked in a sandbox (Chrome drops
    // a PDF's CSP anyway), so not the API's general policy either. A PDF is one by its bytes, and nosniff keeps browsers from reading it as anything else.
    if (file.mediaType === 'application/pdf') response.removeHeader('Content-Security-Policy');
    else response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Content-Disposition', contentDisposition(file.inline ? 'inline' : 'attachment', file.name));
    response.setHeader('ETag', `"${file.sha256}"`);
    response.setHeader('Cache-Control', file.public ? 'public, max-age=300' : 'private, max-age=0, must-revalidate');
  }
}
