import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG } from './config.js';
import type { RuntimeConfig } from './runtime-config.js';

/** Makes the runtime configuration injectable everywhere as APP_CONFIG. */
@Module({})
export class ConfigModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return { module: ConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
