import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthSchema, type Health } from '@infraforum/shared';
import type { Response } from 'express';
import { ZodResponse } from '../common/zod-validation.js';
import { SearchOutboxRepository } from '../search/search-outbox.repository.js';
import { SearchService } from '../search/search.service.js';

@ApiTags('health')
@Controller('api/health')
@SkipThrottle()
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly search: SearchService,
    private readonly outbox: SearchOutboxRepository,
  ) {}

  /**
   * 200 while the database answers (search down is degraded, not unhealthy); 503 otherwise.
   * `searchOutbox` says how far Meilisearch is behind: changes waiting and the age of the oldest.
   */
  @Get()
  @ZodResponse(200, HealthSchema)
  @ZodResponse(503, HealthSchema)
  async getHealth(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const [database, search, searchOutbox] = await Promise.all([
      // Terminus 10+ reports "down" in the result instead of throwing.
      Promise.resolve(this.db.pingCheck('database', { timeout: 2_000 }))
        .then((result) => (result.database?.status === 'up' ? ('up' as const) : ('down' as const)))
        .catch(() => 'down' as const),
      this.search.isHealthy().then((up) => (up ? ('up' as const) : ('down' as const))),
      this.outbox
        .stats()
        .then(({ backlog, oldestAgeSeconds, failing }) => ({ backlog, oldestAgeSeconds, failing }))
        .catch(() => null),
    ]);
    const status = database === 'up' ? 'ok' : 'error';
    response.status(status === 'ok' ? 200 : 503);
    return { status, database, search, searchEngine: search === 'up' ? this.search.activeEngine : 'postgres', searchOutbox };
  }
}
