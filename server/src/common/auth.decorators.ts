import {
  applyDecorators,
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth } from '@nestjs/swagger';
import { SESSION_COOKIE, type UserRole } from '@infraforum/shared';
import type { Request } from 'express';
import { ApiException } from './api-exception.js';
import type { SessionUser } from './session-user.js';

const ROLES_KEY = 'infraforum:roles';

@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const user = request.user;
    if (!user || user.status !== 'active') throw ApiException.unauthenticated();
    const roles = this.reflector.get<UserRole[] | undefined>(ROLES_KEY, context.getHandler());
    if (roles && roles.length > 0 && !roles.includes(user.role)) throw ApiException.forbidden();
    return true;
  }
}

/** The route needs a logged-in active user, optionally with one of `roles`. */
export function Authenticated(...roles: UserRole[]) {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(SessionGuard), ApiCookieAuth(SESSION_COOKIE));
}

/** The logged-in user (routes guarded by @Authenticated), or undefined on public routes. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser | undefined => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.user && request.user.status === 'active' ? request.user : undefined;
});

export const CorrelationId = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const id = context.switchToHttp().getRequest<Request & { id?: unknown }>().id;
  return typeof id === 'string' ? id : undefined;
});
