import type { AppConfig } from './config.js';

/** The validated configuration plus what start-up resolved: the database and search servers actually used. */
export interface RuntimeConfig extends AppConfig {
  databaseUrl: string;
  meili: { url: string; masterKey: string } | undefined;
  publicUrl: string;
  sessionSecret: string;
}
