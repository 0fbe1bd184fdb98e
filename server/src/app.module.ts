import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from './attachments/attachments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { rateLimits } from './auth/rate-limit.guard.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { ConfigModule } from './config/config.module.js';
import { ContentModule } from './content/content.module.js';
import type { RuntimeConfig } from './config/runtime-config.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DialogueModule } from './dialogue/dialogue.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { HealthModule } from './health/health.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { MailModule } from './mail/mail.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { PublishingModule } from './publishing/publishing.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { SearchModule } from './search/search.module.js';
import { ToolboxModule } from './toolbox/toolbox.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        ThrottlerModule.forRoot({ throttlers: rateLimits({ login: config.loginRateLimit, account: config.accountRateLimit }) }),
        MailModule.forRoot({ devInbox: !config.isProduction }),
        SearchModule,
        AuditModule,
        OrganizationsModule,
        UsersModule,
        AuthModule,
        HealthModule,
        ContentModule,
        ToolboxModule,
        ModerationModule,
        AttachmentsModule,
        DialogueModule,
        NotificationsModule,
        FeedsModule,
        PrivacyModule,
        PublishingModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
