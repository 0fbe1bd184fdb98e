import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { copenhagenDateAndTime } from '@infraforum/shared';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { NotificationMailer } from './notification-mailer.js';
import { NotificationRepository } from './notification.repository.js';

/** Queue names: one job per immediate mail, a daily cron, and one job per member's digest. */
export const IMMEDIATE_QUEUE = 'notification-email';
export const DIGEST_CRON_QUEUE = 'notification-digest';
export const DIGEST_QUEUE = 'notification-digest-user';
/** 07:00 Copenhagen time; weekly digests go out on Mondays. */
export const DIGEST_CRON = '0 7 * * *';

interface ImmediateJob {
  notificationId: string;
}
interface DigestJob {
  userId: string;
  until: string;
}

/**
 * Notification mails through pg-boss, a queue in PostgreSQL: jobs are written in the transaction of the change
 * itself (the mail exists exactly when the notification does), survive restarts, and are retried with backoff
 * when the mail server fails. Any process queues; only processes with MAIL_WORKER=true send.
 */
@Injectable()
export class MailQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailQueue.name);
  private boss: PgBoss | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly mailer: NotificationMailer,
    private readonly repo: NotificationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: 'pgboss',
      max: 3,
      application_name: 'infraforum-mail',
      // Only a worker runs the cron and the maintenance.
      schedule: this.config.mailWorker,
      supervise: this.config.mailWorker,
    });
    boss.on('error', (error) => this.logger.error(`Mail queue: ${error.message}`));
    await boss.start();
    for (const name of [IMMEDIATE_QUEUE, DIGEST_CRON_QUEUE, DIGEST_QUEUE]) {
      const options = { name, retryLimit: 8, retryDelay: this.config.mailRetryDelaySeconds, retryBackoff: true, expireInSeconds: 300 };
      // Created once; the options follow the configuration on every start.
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options);
    }
    this.boss = boss;
    if (!this.config.mailWorker) return;
    await boss.schedule(DIGEST_CRON_QUEUE, DIGEST_CRON, {}, { tz: 'Europe/Copenhagen' });
    // One job per fetch: a mail that fails is retried on its own and never takes others down with it.
    await boss.work<ImmediateJob>(IMMEDIATE_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await this.mailer.sendImmediate(job.data.notificationId);
    });
    await boss.work<DigestJob>(DIGEST_QUEUE, { pollingIntervalSeconds: 2, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await this.mailer.sendDigest(job.data.userId, new Date(job.data.until));
    });
    await boss.work(DIGEST_CRON_QUEUE, async () => {
      await this.enqueueDigests(new Date());
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Jobs in flight finish (or are retried after a restart); none is lost.
    await this.boss?.stop({ graceful: true, timeout: 10_000, wait: true });
    this.boss = undefined;
  }

  /** Queues one mail per notification, in the caller's transaction. */
  async enqueueImmediate(notificationIds: readonly string[], manager: EntityManager): Promise<void> {
    if (notificationIds.length === 0) return;
    if (!this.boss) throw new Error('The mail queue has not started');
    await this.boss.insert(
      notificationIds.map((notificationId) => ({ name: IMMEDIATE_QUEUE, data: { notificationId } })),
      { db: { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) } },
    );
  }

  /**
   * Queues the digests due at `now`: the daily ones every day, the weekly ones on Mondays (Copenhagen). The
   * singleton key makes a second run on the same day a no-op.
   */
  async enqueueDigests(now: Date, frequencies?: ReadonlyArray<'daily' | 'weekly'>): Promise<number> {
    if (!this.boss) throw new Error('The mail queue has not started');
    const day = copenhagenDateAndTime(now).date;
    const monday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
    const due = frequencies ?? (monday ? ['daily', 'weekly'] : ['daily']);
    let queued = 0;
    for (const frequency of due) {
      const recipients = await this.repo.digestRecipients(frequency);
      for (const { id } of recipients) {
        const jobId = await this.boss.send(
          DIGEST_QUEUE,
          { userId: id, until: now.toISOString() },
          { singletonKey: `${id}:${frequency}:${day}` },
        );
        if (jobId) queued += 1;
      }
    }
    return queued;
  }

  /** Jobs not yet done (created, retrying or active) in a queue: for health checks and tests. */
  async pending(name: string = IMMEDIATE_QUEUE): Promise<number> {
    if (!this.boss) return 0;
    return this.boss.getQueueSize(name, { before: 'completed' });
  }
}
