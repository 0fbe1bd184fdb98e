import { Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  CatalogComponentSchema,
  ComponentDetailSchema,
  ComponentListSchema,
  ImpactQuerySchema,
  ImpactSchema,
  SystemListSchema,
  UpdateComponentSchema,
  type CatalogComponent,
  type CatalogSystem,
  type ComponentDetail,
  type Impact,
} from '@infraforum/shared';
import { z } from 'zod';
import { Authenticated, CorrelationId, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { CatalogService } from './catalog.service.js';

@ApiTags('catalog')
@Controller('api/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('components')
  @ZodResponse(200, ComponentListSchema)
  async listComponents(): Promise<{ items: CatalogComponent[] }> {
    return { items: await this.catalog.components() };
  }

  @Get('components/:slug')
  @ZodResponse(200, ComponentDetailSchema)
  @ZodResponse(404, ApiErrorSchema)
  getComponent(@CurrentUser() user: SessionUser | undefined, @Param('slug') slug: string): Promise<ComponentDetail> {
    return this.catalog.component(user, slug);
  }

  @Patch('components/:slug')
  @Authenticated('moderator', 'admin')
  @ZodResponse(200, CatalogComponentSchema)
  @ZodResponse(400, ApiErrorSchema)
  updateComponent(
    @CurrentUser() user: SessionUser,
    @Param('slug') slug: string,
    @ZodBody(UpdateComponentSchema) body: z.output<typeof UpdateComponentSchema>,
    @CorrelationId() correlationId?: string,
  ): Promise<CatalogComponent> {
    return this.catalog.updateComponent(user, slug, body, correlationId);
  }

  @Get('systems')
  @ZodResponse(200, SystemListSchema)
  async listSystems(): Promise<{ items: CatalogSystem[] }> {
    return { items: await this.catalog.systems() };
  }

  @Get('impact')
  @ZodResponse(200, ImpactSchema)
  @ZodResponse(400, ApiErrorSchema)
  getImpact(
    @CurrentUser() user: SessionUser | undefined,
    @ZodQuery(ImpactQuerySchema) query: z.output<typeof ImpactQuerySchema>,
  ): Promise<Impact> {
    return this.catalog.impact(user, query.components);
  }
}
