import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DevMailController } from './dev-mail.controller.js';
import { DevMailEntity } from './dev-mail.entity.js';
import { MailService } from './mail.service.js';

@Module({})
export class MailModule {
  static forRoot(options: { devInbox: boolean }): DynamicModule {
    return {
      module: MailModule,
      global: true,
      imports: [TypeOrmModule.forFeature([DevMailEntity])],
      controllers: options.devInbox ? [DevMailController] : [],
      providers: [MailService],
      exports: [MailService],
    };
  }
}
