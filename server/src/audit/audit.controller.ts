import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiErrorSchema, AuditListSchema, AuditQuerySchema, type AuditList } from '@infraforum/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { Authenticated } from '../common/auth.decorators.js';
import { attachmentDisposition, copenhagenTimestamp, toCsv } from '../common/csv.js';
import { ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { AUDIT_EXPORT_MAX, AUDIT_PAGE_SIZE, AuditLogReader } from './audit-log.reader.js';

const CSV_HEADER = [
  'Tidspunkt',
  'Handling',
  'Udført af',
  'E-mail',
  'Rolle',
  'Udførers organisation',
  'Måltype',
  'Mål-id',
  'Mål',
  'Organisation',
  'Begrundelse',
  'Før',
  'Efter',
  'Korrelations-id',
];

@ApiTags('audit')
@Controller('api')
export class AuditController {
  constructor(private readonly reader: AuditLogReader) {}

  /** Every moderator and admin action, newest first; searchable, and as CSV for Excel with ?format=csv. Admins only. */
  @Get('audit')
  @Authenticated('admin')
  @ApiProduces('application/json', 'text/csv')
  @ZodResponse(200, AuditListSchema, 'With ?format=csv: every matching row (up to 50,000) as CSV for Excel')
  @ZodResponse(400, ApiErrorSchema)
  @ZodResponse(403, ApiErrorSchema)
  async listAudit(
    @ZodQuery(AuditQuerySchema) query: z.output<typeof AuditQuerySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuditList | string> {
    response.setHeader('Cache-Control', 'private, no-store');
    if (query.format === 'csv') {
      const { items } = await this.reader.list(query, AUDIT_EXPORT_MAX, 0);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', attachmentDisposition('revisionslog.csv'));
      return toCsv(
        CSV_HEADER,
        items.map((entry) => [
          copenhagenTimestamp(new Date(entry.at)),
          entry.action,
          entry.actor?.name ?? '',
          entry.actor?.email ?? '',
          entry.actor?.role ?? '',
          entry.actor ? `${entry.actor.organization.name} (${entry.actor.organization.code})` : '',
          entry.targetType,
          entry.targetId,
          entry.target?.title ?? '',
          entry.organization ? `${entry.organization.name} (${entry.organization.code})` : '',
          entry.reason ?? '',
          entry.before ? JSON.stringify(entry.before) : '',
          entry.after ? JSON.stringify(entry.after) : '',
          entry.correlationId ?? '',
        ]),
      );
    }
    const page = query.page ?? 1;
    const { items, total } = await this.reader.list(query, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
    return { items, total, page, pageSize: AUDIT_PAGE_SIZE };
  }
}
