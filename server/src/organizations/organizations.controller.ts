import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrganizationDetailSchema, OrganizationSchema, type Organization, type OrganizationDetail } from '@infraforum/shared';
import { z } from 'zod';
import { CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodResponse } from '../common/zod-validation.js';
import { OrganizationCodePipe } from './organization-code.pipe.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('organizations')
@Controller('api/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** Public: the 98 municipalities and KOMBIT, for the sign-up picker. */
  @Get()
  @ZodResponse(200, z.array(OrganizationSchema))
  listOrganizations(): Promise<Organization[]> {
    return this.organizations.list();
  }

  /** Public; contact details appear only for logged-in users, as each member chose. */
  @Get(':code')
  @ZodResponse(200, OrganizationDetailSchema)
  @ZodResponse(404, null, 'Unknown organization')
  getOrganization(
    @Param('code', OrganizationCodePipe) code: string,
    @CurrentUser() viewer: SessionUser | undefined,
  ): Promise<OrganizationDetail> {
    return this.organizations.detail(code, viewer);
  }
}
