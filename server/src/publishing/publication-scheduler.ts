import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.js';
import { PublishingService } from './publishing.service.js';

export const PUBLISH_DUE_QUEUE = 'content-publish-due';
/** Every minute: a scheduled item goes out within a minute of its time. */
export const PUBLISH_DUE_CRON = '* * * * *';

/** Scheduled publication as a cron job in the shared job queue: it survives restarts and runs in one worker at a time. */
@Injectable()
export class PublicationScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly publishing: PublishingService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // A run that fails is not retried: the next minute's run picks up what is still due.
    await this.jobs.createQueue(PUBLISH_DUE_QUEUE, { retryLimit: 0, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 });
    await this.jobs.schedule(PUBLISH_DUE_QUEUE, PUBLISH_DUE_CRON);
    await this.jobs.work(PUBLISH_DUE_QUEUE, 5, async () => {
      await this.publishing.publishDue(new Date());
    });
  }
}
