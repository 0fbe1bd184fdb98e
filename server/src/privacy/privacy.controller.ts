import { Controller, Delete, Get, HttpCode, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  DeleteAccountSchema,
  PERSONAL_DATA_FILE_NAME,
  PersonalDataExportSchema,
  SESSION_COOKIE,
  type PersonalDataExport,
} from '@infraforum/shared';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { AccountRateLimit } from '../auth/rate-limit.guard.js';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import { attachmentDisposition } from '../common/csv.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodResponse } from '../common/zod-validation.js';
import { PrivacyService } from './privacy.service.js';

@ApiTags('privacy')
@Controller('api/me')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything stored about the caller (GDPR art. 15 and 20), as a file to keep. */
  @Get('export')
  @Authenticated()
  @ApiProduces('application/json')
  @ZodResponse(200, PersonalDataExportSchema, `Everything stored about the caller, as the attachment ${PERSONAL_DATA_FILE_NAME}`)
  @ZodResponse(401, ApiErrorSchema)
  async exportMyData(@CurrentUser() user: SessionUser, @Res({ passthrough: true }) response: Response): Promise<PersonalDataExport> {
    const data = await this.privacy.exportPersonalData(user);
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('Content-Disposition', attachmentDisposition(PERSONAL_DATA_FILE_NAME));
    return data;
  }

  /** Deletes the caller's account (GDPR art. 17): anonymised, signed out everywhere. The password is checked, so it is rate limited. */
  @Delete()
  @HttpCode(204)
  @Authenticated()
  @AccountRateLimit()
  @ZodResponse(204, null, 'Deleted; every session of the account has ended and the cookie is cleared')
  @ZodResponse(400, ApiErrorSchema, 'Wrong password, no confirmation, or the last active administrator')
  @ZodResponse(401, ApiErrorSchema)
  @ZodResponse(429, ApiErrorSchema, 'Too many attempts')
  async deleteMyAccount(
    @CurrentUser() user: SessionUser,
    @ZodBody(DeleteAccountSchema) body: z.output<typeof DeleteAccountSchema>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @CorrelationId() correlationId?: string,
  ): Promise<void> {
    await this.privacy.deleteAccount(user, body, correlationId);
    // The row is gone already; destroying the session object keeps express-session from saving it again.
    await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
    response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
  }
}
