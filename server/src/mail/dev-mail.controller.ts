import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DevMailSchema, type DevMail } from '@infraforum/shared';
import { z } from 'zod';
import { ZodQuery, ZodResponse } from '../common/zod-validation.js';
import { MailService } from './mail.service.js';

const DevMailQuery = z.strictObject({ to: z.string().max(254).optional() });

/** Only mounted outside production (see MailModule). */
@ApiTags('dev')
@Controller('api/dev/mail')
export class DevMailController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ZodResponse(200, z.array(DevMailSchema))
  listDevMail(@ZodQuery(DevMailQuery) query: z.infer<typeof DevMailQuery>): Promise<DevMail[]> {
    return this.mail
      .listDevInbox(query.to)
      .then((mails) => mails.map((m) => ({ to: m.to, subject: m.subject, text: m.text, sentAt: m.sentAt.toISOString() })));
  }
}
