import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { copenhagenDateAndTime } from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { JobQueue } from '../jobs/job-queue.js';
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
 * Notification mails through the job queue (pg-boss): jobs are written in the transaction of the change itself (the
 * mail exists exactly when the notification does), survive restarts, and are retried with backoff when the mail
 * server fails. Any process queues; only processes with JOB_WORKER=true send.
 */
@Injectable()
export class MailQueue implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly jobs: JobQueue,
    private readonly mailer: NotificationMailer,
    private readonly repo: NotificationRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of [IMMEDIATE_QUEUE, DIGEST_CRON_QUEUE, DIGEST_QUEUE]) {
      await this.jobs.createQueue(name, {
        retryLimit: 8,
        retryDelay: this.config.mailRetryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: 300,
      });
    }
    await this.jobs.schedule(DIGEST_CRON_QUEUE, DIGEST_CRON);
    await this.jobs.work<ImmediateJob>(IMMEDIATE_QUEUE, 1, (job) => this.mailer.sendImmediate(job.notificationId));
    await this.jobs.work<DigestJob>(DIGEST_QUEUE, 2, (job) => this.mailer.sendDigest(job.userId, new Date(job.until)));
    await this.jobs.work(DIGEST_CRON_QUEUE, 2, async () => {
      await this.enqueueDigests(new Date());
    });
  }

  /** Queues one mail per notification, in the caller's transaction. */
  async enqueueImmediate(notificationIds: readonly string[], manager: EntityManager): Promise<void> {
    await this.jobs.insert(
      IMMEDIATE_QUEUE,
      notificationIds.map((notificationId) => ({ notificationId })),
      manager,
    );
  }

  /**
   * Queues the digests due at `now`: the daily ones every day, the weekly ones on Mondays (Copenhagen). The
   * singleton key makes a second run on the same day a no-op.
   */
  async enqueueDigests(now: Date, frequencies?: ReadonlyArray<'daily' | 'weekly'>): Promise<number> {
    const day = copenhagenDateAndTime(now).date;
    const monday = new Date(`${day}T12:00:00Z`).getUTCDay() === 1;
    const due = frequencies ?? (monday ? ['daily', 'weekly'] : ['daily']);
    let queued = 0;
    for (const frequency of due) {
      const recipients = await this.repo.digestRecipients(frequency);
      for (const { id } of recipients) {
        const jobId = await this.jobs.send(
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
  pending(name: string = IMMEDIATE_QUEUE): Promise<number> {
    return this.jobs.pending(name);
  }
}
