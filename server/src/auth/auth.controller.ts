import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ApiErrorSchema,
  ChangePasswordSchema,
  ForgotPasswordSchema,
  LoginSchema,
  MeSchema,
  RegisterResultSchema,
  RegisterSchema,
  ResendVerificationSchema,
  ResetPasswordSchema,
  SESSION_COOKIE,
  VerifyEmailResultSchema,
  VerifyEmailSchema,
  type Me,
  type RegisterResult,
  type VerifyEmailResult,
} from '@infraforum/shared';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { ApiException } from '../common/api-exception.js';
import { Authenticated, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { toOpenApiSchema, ZodBody, ZodResponse } from '../common/zod-validation.js';
import { toMe } from '../users/user.mapper.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { AuthService } from './auth.service.js';
import { LoginGuard } from './login.guard.js';
import { AccountRateLimit, RateLimitGuard } from './rate-limit.guard.js';
import { ApiBody } from '@nestjs/swagger';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
  ) {}

  @Post('register')
  @AccountRateLimit()
  @ZodResponse(201, RegisterResultSchema, 'Account created; a verification mail is on its way')
  @ZodResponse(400, ApiErrorSchema, 'Invalid input, per field')
  @ZodResponse(409, ApiErrorSchema, 'E-mail already registered')
  register(@ZodBody(RegisterSchema) body: z.output<typeof RegisterSchema>): Promise<RegisterResult> {
    return this.auth.register(body);
  }

  @Post('verify')
  @HttpCode(200)
  @AccountRateLimit()
  @ZodResponse(200, VerifyEmailResultSchema)
  @ZodResponse(400, ApiErrorSchema, 'Bad, expired or used token')
  verifyEmail(@ZodBody(VerifyEmailSchema) body: z.output<typeof VerifyEmailSchema>): Promise<VerifyEmailResult> {
    return this.auth.verifyEmail(body.token);
  }

  @Post('resend-verification')
  @HttpCode(202)
  @AccountRateLimit()
  @ZodResponse(202, null, 'A new mail is sent if the account exists and is unverified')
  async resendVerification(@ZodBody(ResendVerificationSchema) body: z.output<typeof ResendVerificationSchema>): Promise<void> {
    await this.auth.resendVerification(body.email);
  }

  /** The body is validated by LoginGuard (which runs before pipes); documented here. */
  @Post('login')
  @HttpCode(200)
  @UseGuards(RateLimitGuard, LoginGuard)
  @SkipThrottle({ account: true }) // counted per address and e-mail, per address, and per e-mail (see rateLimits)
  @ApiBody({ schema: toOpenApiSchema(LoginSchema, 'input') })
  @ZodResponse(200, MeSchema, 'Logged in; the session cookie is set')
  @ZodResponse(401, ApiErrorSchema, 'Wrong credentials, or the account is not active')
  @ZodResponse(429, ApiErrorSchema, 'Too many attempts')
  login(@CurrentUser() user: SessionUser | undefined): Me {
    if (!user) throw ApiException.unauthenticated();
    return toMe(user);
  }

  @Get('me')
  @Authenticated()
  @ZodResponse(200, MeSchema)
  @ZodResponse(401, ApiErrorSchema)
  async getMe(@CurrentUser() user: SessionUser): Promise<Me> {
    return { ...toMe(user), unreadNotifications: await this.notifications.unreadCount(user) };
  }

  @Post('logout')
  @HttpCode(204)
  @ZodResponse(204, null, 'Logged out (also when there was no session)')
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await new Promise<void>((resolve, reject) => request.logout((error) => (error ? reject(error) : resolve())));
    await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
    response.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax' });
  }

  @Post('forgot-password')
  @HttpCode(202)
  @AccountRateLimit()
  @ZodResponse(202, null, 'A reset mail is sent if the account exists')
  async forgotPassword(@ZodBody(ForgotPasswordSchema) body: z.output<typeof ForgotPasswordSchema>): Promise<void> {
    await this.auth.requestPasswordReset(body.email);
  }

  @Post('reset-password')
  @HttpCode(204)
  @AccountRateLimit()
  @ZodResponse(204, null, 'Password changed; every session of the user has ended')
  @ZodResponse(400, ApiErrorSchema)
  async resetPassword(@ZodBody(ResetPasswordSchema) body: z.output<typeof ResetPasswordSchema>): Promise<void> {
    await this.auth.resetPassword(body);
  }

  @Post('change-password')
  @HttpCode(204)
  @Authenticated()
  @ZodResponse(204, null)
  @ZodResponse(400, ApiErrorSchema)
  async changePassword(
    @CurrentUser() user: SessionUser,
    @ZodBody(ChangePasswordSchema) body: z.output<typeof ChangePasswordSchema>,
    @Req() request: Request,
  ): Promise<void> {
    await this.auth.changePassword(user, body, request.sessionID);
  }
}
