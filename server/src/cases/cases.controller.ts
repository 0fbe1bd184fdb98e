import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApiErrorSchema,
  CaseMatrixQuerySchema,
  CaseMatrixSchema,
  WorkingOnSchema,
  WorkingOnStateSchema,
  type CaseMatrix,
  type WorkingOnState,
} from '@infraforum/shared';
import { z } from 'zod';
import { Authenticated, CurrentUser } from '../common/auth.decorators.js';
import type { SessionUser } from '../common/session-user.js';
import { ZodBody, ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { contentNotFound, parseId } from '../content/content-targets.js';
import { CasesService } from './cases.service.js';

@ApiTags('cases')
@Controller('api')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** "Hvem har flyttet hvad": systems × target components with the municipalities that completed or are working on it. */
  @Get('cases/matrix')
  @ZodResponse(200, CaseMatrixSchema, 'Only cases the caller may read')
  @ZodResponse(400, ApiErrorSchema)
  caseMatrix(
    @CurrentUser() user: SessionUser | undefined,
    @ZodQuery(CaseMatrixQuerySchema) query: z.output<typeof CaseMatrixQuerySchema>,
  ): Promise<CaseMatrix> {
    return this.cases.matrix(user, query);
  }

  /** "Jeg er i gang med det samme": marks (or updates the caller's mark on) another municipality's case. */
  @Post('content/:id/working-on')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, WorkingOnStateSchema)
  @ZodResponse(400, ApiErrorSchema, 'Not a case, not published, or the caller’s own municipality’s case')
  @ZodResponse(404, ApiErrorSchema)
  markWorkingOn(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @ZodBody(WorkingOnSchema) body: z.output<typeof WorkingOnSchema>,
  ): Promise<WorkingOnState> {
    return this.cases.mark(user, parseId(id, contentNotFound), body);
  }

  @Delete('content/:id/working-on')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse(200, WorkingOnStateSchema)
  @ZodResponse(404, ApiErrorSchema)
  unmarkWorkingOn(@CurrentUser() user: SessionUser, @Param('id') id: string): Promise<WorkingOnState> {
    return this.cases.unmark(user, parseId(id, contentNotFound));
  }
}
