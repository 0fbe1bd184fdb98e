import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ActionReasonSchema,
  ApiErrorSchema,
  ListUsersQuerySchema,
  ManagedUserListSchema,
  ManagedUserSchema,
  MeSchema,
  SetRoleSchema,
  UpdateProfileSchema,
  type ManagedUser,
  type Me,
} from '@infraforum/shared';
import { z } from 'zod';
import { ApiException } from '../common/api-exception.js';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { OrganizationCodePipe } from '../organizations/organization-code.pipe.js';
import { UsersService } from './users.service.js';

const userId = new ParseUUIDPipe({ exceptionFactory: () => ApiException.notFound('Brugeren findes ikke.') });

@ApiTags('users')
@Controller('api')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Put('profile')
  @Authenticated()
  @ZodResponse(200, MeSchema)
  @ZodResponse(400, ApiErrorSchema)
  updateProfile(@CurrentUser() user: SessionUser, @ZodBody(UpdateProfileSchema) body: z.output<typeof UpdateProfileSchema>): Promise<Me> {
    return this.users.updateProfile(user, body);
  }

  @Get('organizations/:code/users')
  @Authenticated('org_admin', 'moderator', 'admin')
  @ZodResponse(200, ManagedUserListSchema)
  @ZodResponse(403, ApiErrorSchema)
  listOrganizationUsers(
    @CurrentUser() user: SessionUser,
    @Param('code', OrganizationCodePipe) code: string,
    @ZodQuery(ListUsersQuerySchema) query: z.output<typeof ListUsersQuerySchema>,
  ): Promise<{ items: ManagedUser[]; total: number }> {
    return this.users.listForOrganization(user, code, query.status);
  }

  @Post('users/:id/approve')
  @HttpCode(200)
  @Authenticated('org_admin', 'moderator', 'admin')
  @ZodResponse(200, ManagedUserSchema)
  approveUser(
    @CurrentUser() user: SessionUser,
    @Param('id', userId) id: string,
    @ZodBody(ActionReasonSchema) body: z.output<typeof ActionReasonSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ManagedUser> {
    return this.users.approve(user, id, { reason: body.reason, correlationId });
  }

  @Post('users/:id/suspend')
  @HttpCode(200)
  @Authenticated('org_admin', 'moderator', 'admin')
  @ZodResponse(200, ManagedUserSchema)
  suspendUser(
    @CurrentUser() user: SessionUser,
    @Param('id', userId) id: string,
    @ZodBody(ActionReasonSchema) body: z.output<typeof ActionReasonSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ManagedUser> {
    return this.users.suspend(user, id, { reason: body.reason, correlationId });
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  @Authenticated('org_admin', 'moderator', 'admin')
  @ZodResponse(200, ManagedUserSchema)
  reactivateUser(
    @CurrentUser() user: SessionUser,
    @Param('id', userId) id: string,
    @ZodBody(ActionReasonSchema) body: z.output<typeof ActionReasonSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ManagedUser> {
    return this.users.reactivate(user, id, { reason: body.reason, correlationId });
  }

  @Put('users/:id/role')
  @Authenticated('admin')
  @ZodResponse(200, ManagedUserSchema)
  setUserRole(
    @CurrentUser() user: SessionUser,
    @Param('id', userId) id: string,
    @ZodBody(SetRoleSchema) body: z.output<typeof SetRoleSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<ManagedUser> {
    return this.users.setRole(user, id, body, { correlationId });
  }
}
