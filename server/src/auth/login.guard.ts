import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { LoginSchema } from '@infraforum/shared';
import type { Request } from 'express';
import { ApiException, fieldErrorsFromZod } from '../common/api-exception.js';

const GENERIC = 'Forkert e-mail eller adgangskode – eller kontoen er ikke aktiveret endnu.';

/** Validates the body (400 per field), runs passport-local, and starts the session (passport regenerates its id). */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const parsed = LoginSchema.safeParse(request.body ?? {});
    if (!parsed.success) throw ApiException.validation(fieldErrorsFromZod(parsed.error));
    request.body = parsed.data;
    const ok = (await super.canActivate(context)) as boolean;
    await super.logIn(request);
    return ok;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new ApiException(401, 'INVALID_CREDENTIALS', GENERIC);
    return user;
  }
}
