import { Controller, Delete, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  ContentDetailSchema,
  MergeSchema,
  RegistrationListQuerySchema,
  RegistrationListSchema,
  RegistrationResultSchema,
  StatusChangeSchema,
  type ContentDetail,
  type RegistrationList,
  type RegistrationResult,
} from '@infraforum/shared';
import type { Response } from 'express';
import type { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import { attachmentDisposition } from '../common/csv.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { contentNotFound, parseId } from '../content/content-targets.js';
import { LifecycleService } from './lifecycle.service.js';
import { RegistrationService } from './registration.service.js';

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

@ApiTags('webinars')
@Controller('api')
export class WebinarsController {
  constructor(
    private readonly lifecycle: LifecycleService,
    private readonly registrations: RegistrationService,
  ) {}

  @Post('content/:id/status')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(
    200,
    ContentDetailSchema,
    'Suggestions: new | considering | planned (webinarId) | held | declined (reason). Webinars: planned | held | cancelled (reason)',
  )
  @ZodResponse(400, ApiErrorSchema)
  changeContentStatus(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(StatusChangeSchema) body: z.output<typeof StatusChangeSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ContentDetail> {
    return this.lifecycle.changeStatus(user, parseId(id, contentNotFound), body, { correlationId });
  }

  @Post('content/:id/merge')
  @HttpCode(200)
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, ContentDetailSchema, 'The suggestion kept, with the votes of both (each voter once)')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(409, ApiErrorSchema, 'Already merged')
  mergeSuggestion(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(MergeSchema) body: z.output<typeof MergeSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ContentDetail> {
    return this.lifecycle.merge(user, parseId(id, contentNotFound), body, { correlationId });
  }

  // Before webinars/:id/…, so "calendar.ics" is not read as an id.
  @Get('webinars/calendar.ics')
  @Header('Content-Type', CALENDAR_TYPE)
  @ApiProduces('text/calendar')
  @ZodResponse(200, null, 'iCalendar feed of upcoming and recent webinars the caller may see (public ones without a session)')
  webinarCalendarFeed(@CurrentUser() user: SessionUser | undefined, @Res({ passthrough: true }) response: Response): Promise<string> {
    // A signed-in caller's feed holds members-only webinars: never in a shared cache.
    response.setHeader('Cache-Control', user ? 'private, no-store' : 'public, max-age=300');
    return this.registrations.calendarFeed(user);
  }

  @Get('webinars/:id/calendar.ics')
  @Header('Content-Type', CALENDAR_TYPE)
  @ApiProduces('text/calendar')
  @ZodResponse(200, null, 'One webinar as an iCalendar file (times in UTC)')
  @ZodResponse(404, ApiErrorSchema)
  async webinarCalendar(
    @CurrentUser() user: SessionUser | undefined,
    @Param('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const body = await this.registrations.calendarForOne(user, parseId(id, contentNotFound));
    response.setHeader('Content-Disposition', attachmentDisposition(`webinar-${id}.ics`));
    response.setHeader('Cache-Control', user ? 'private, no-store' : 'public, max-age=300');
    return body;
  }

  @Post('webinars/:id/registrations')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, RegistrationResultSchema, 'Signed up (again: no change)')
  @ZodResponse(409, ApiErrorSchema, 'Held or cancelled')
  registerForWebinar(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<RegistrationResult> {
    return this.registrations.setRegistered(user, parseId(id, contentNotFound), true);
  }

  @Delete('webinars/:id/registrations')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, RegistrationResultSchema)
  unregisterFromWebinar(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<RegistrationResult> {
    return this.registrations.setRegistered(user, parseId(id, contentNotFound), false);
  }

  @Get('webinars/:id/registrations')
  @Authenticated('moderator', 'admin')
  @ApiProduces('application/json', 'text/csv')
  @ZodResponse(200, RegistrationListSchema, 'With ?format=csv: the same as CSV for Excel')
  @ZodResponse(403, ApiErrorSchema)
  async listRegistrations(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodQuery(RegistrationListQuerySchema) query: z.output<typeof RegistrationListQuerySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegistrationList | string> {
    const webinarId = parseId(id, contentNotFound);
    if (query.format === 'csv') {
      const csv = await this.registrations.csv(user, webinarId);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', attachmentDisposition(`tilmeldte-webinar-${webinarId}.csv`));
      response.setHeader('Cache-Control', 'private, no-store');
      return csv;
    }
    const { title: _title, ...list } = await this.registrations.list(user, webinarId);
    return list;
  }
}
