import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface to listen on; by default loopback outside production (the dev inbox is not for the network), every interface in production. */
    HOST: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    /** Where uploaded files are kept (content-addressed); by default <DATA_DIR>/attachments. */
    ATTACHMENTS_DIR: z.string().min(1).optional(),
    DATABASE_URL: z.url().optional(),
    MEILI_URL: z.url().optional(),
    MEILI_MASTER_KEY: z.string().min(16).optional(),
    /** Name of the content index; several apps can share one Meilisearch with different names. */
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { error: 'MEILI_INDEX may hold letters, digits, - and _' })
      .default('content'),
    /** Run the worker that copies changes from the outbox to Meilisearch in this process. */
    SEARCH_WORKER: booleanFlag.default(true),
    /** Run background jobs in this process: notification mails and digests, scheduled publication. */
    JOB_WORKER: booleanFlag.default(true),
    /** Renamed JOB_WORKER: refused, so a deployment that still turns it off does not silently become a worker. */
    MAIL_WORKER: z.never({ error: 'MAIL_WORKER is now JOB_WORKER (it runs every background job); rename it' }).optional(),
    MAIL_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    SMTP_URL: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default('Infraforum <noreply@infraforum.dk>'),
    SESSION_SECRET: z.string().min(32, { error: 'SESSION_SECRET must be at least 32 characters' }).optional(),
    /** The address people use to reach the app: links in mails, and the origin SvelteKit accepts form posts from. */
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: booleanFlag.default(false),
    DEMO_DATA: booleanFlag.optional(),
    /** Login attempts per address and e-mail within 15 minutes; 5× that per address and 3× per e-mail. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    /** Registrations, resends and password-reset requests allowed per address within 15 minutes. */
    ACCOUNT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
    /** Seconds what people without a session see may be served from memory (0: never). */
    ANONYMOUS_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(2),
    FLAG_HIDE_THRESHOLD: z.coerce.number().int().min(1).max(98).default(3),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET is required when NODE_ENV=production' });
    }
    if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'PUBLIC_URL is required when NODE_ENV=production (links in mails, allowed form origin, Secure cookies)',
      });
    }
    if (env.MEILI_URL && !env.MEILI_MASTER_KEY) {
      ctx.addIssue({ code: 'custom', path: ['MEILI_MASTER_KEY'], message: 'MEILI_MASTER_KEY is required with MEILI_URL' });
    }
  });

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string | undefined;
  dataDir: string;
  attachmentsDir: string;
  databaseUrl: string | undefined;
  meiliUrl: string | undefined;
  meiliMasterKey: string | undefined;
  meiliIndex: string;
  searchWorker: boolean;
  /** This process runs queued jobs (pg-boss): notification mails and digests, scheduled publication. Any process may queue. */
  jobWorker: boolean;
  /** First wait before a failed notification mail is tried again (doubling each time, 8 tries). */
  mailRetryDelaySeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string | undefined;
  publicUrl: string | undefined;
  logLevel: string;
  trustProxy: boolean;
  demoData: boolean;
  loginRateLimit: number;
  accountRateLimit: number;
  anonymousCacheSeconds: number;
  /** Flags from this many municipalities hide an item until a moderator has looked at it. */
  flagHideThreshold: number;
}

export class ConfigError extends Error {}

/** Validates the environment once, at start; every other module receives the typed result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST ?? (isProduction ? undefined : '127.0.0.1'),
    dataDir: path.resolve(e.DATA_DIR),
    attachmentsDir: path.resolve(e.ATTACHMENTS_DIR ?? path.join(e.DATA_DIR, 'attachments')),
    databaseUrl: e.DATABASE_URL,
    meiliUrl: e.MEILI_URL,
    meiliMasterKey: e.MEILI_MASTER_KEY,
    meiliIndex: e.MEILI_INDEX,
    searchWorker: e.SEARCH_WORKER,
    jobWorker: e.JOB_WORKER,
    mailRetryDelaySeconds: e.MAIL_RETRY_DELAY_SECONDS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    demoData: e.DEMO_DATA ?? !isProduction,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    accountRateLimit: e.ACCOUNT_RATE_LIMIT,
    anonymousCacheSeconds: e.ANONYMOUS_CACHE_SECONDS,
    flagHideThreshold: e.FLAG_HIDE_THRESHOLD,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
