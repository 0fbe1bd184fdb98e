import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';

export interface QueueOptions {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

/**
 * Background jobs through pg-boss, a queue in PostgreSQL (schema "pgboss"): jobs can be written in the transaction of
 * the change that causes them, survive restarts and are retried with backoff. Every process queues; only processes
 * with JOB_WORKER=true run jobs and the cron schedules. One instance (one small pool) serves every feature.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private boss: PgBoss | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: RuntimeConfig) {}

  /** Started before any feature's bootstrap hook, which then creates its queues and workers. */
  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: 'pgboss',
      max: 3,
      application_name: 'infraforum-jobs',
      // Only a worker runs the cron and the maintenance.
      schedule: this.config.jobWorker,
      supervise: this.config.jobWorker,
    });
    boss.on('error', (error) => this.logger.error(`Job queue: ${error.message}`));
    await boss.start();
    this.boss = boss;
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Jobs in flight finish (or are retried after a restart); none is lost.
    await this.boss?.stop({ graceful: true, timeout: 10_000, wait: true });
    this.boss = undefined;
  }

  /** Whether this process runs jobs (JOB_WORKER). */
  get worker(): boolean {
    return this.config.jobWorker;
  }

  /** Creates the queue once; its options follow the configuration on every start. */
  async createQueue(name: string, options: QueueOptions): Promise<void> {
    const boss = this.started();
    await boss.createQueue(name, { name, ...options });
    await boss.updateQueue(name, { name, ...options });
  }

  /** Runs `handler` for the queue's jobs, one job per fetch, in worker processes only. */
  async work<T extends object>(name: string, pollingIntervalSeconds: number, handler: (data: T) => Promise<unknown>): Promise<void> {
    if (!this.worker) return;
    // One job per fetch: a job that fails is retried on its own and never takes others down with it.
    await this.started().work<T>(name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  /** A cron schedule (Copenhagen time) that queues a job on `name`; kept by worker processes only. */
  async schedule(name: string, cron: string): Promise<void> {
    if (!this.worker) return;
    await this.started().schedule(name, cron, {}, { tz: 'Europe/Copenhagen' });
  }

  /** Queues jobs in the caller's transaction: they exist exactly when the change that caused them commits. */
  async insert(name: string, data: readonly object[], manager: EntityManager): Promise<void> {
    if (data.length === 0) return;
    await this.started().insert(
      data.map((item) => ({ name, data: item })),
      { db: { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) } },
    );
  }

  /** Queues one job; with a singleton key, a second with the same key is not queued (null). */
  send(name: string, data: object, options: { singletonKey?: string } = {}): Promise<string | null> {
    return this.started().send(name, data, options);
  }

  /** Jobs not yet done (created, retrying or active): for health checks and tests. */
  async pending(name: string): Promise<number> {
    if (!this.boss) return 0;
    return this.boss.getQueueSize(name, { before: 'completed' });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started');
    return this.boss;
  }
}
