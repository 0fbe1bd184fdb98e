import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue.js';

/** A job per deleted item, for what hangs on it elsewhere (its places in Værktøjskassen). */
export const CONTENT_DELETED_QUEUE = 'content-deleted';
export const CONTENT_DELETED_QUEUE_OPTIONS = { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 };

export interface ContentDeletedJob {
  contentId: string;
}

/**
 * Tells the rest of the app that an item was deleted, in the deleting transaction. The cleanup runs later in its own
 * transactions: locking a toolbox section after the content's row would invert the order every toolbox write takes
 * (section, then content) and could deadlock; a job also survives a crash in between.
 */
@Injectable()
export class ContentDeletedQueue implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.createQueue(CONTENT_DELETED_QUEUE, CONTENT_DELETED_QUEUE_OPTIONS);
  }

  deleted(contentId: string, manager: EntityManager): Promise<void> {
    return this.jobs.insert(CONTENT_DELETED_QUEUE, [{ contentId } satisfies ContentDeletedJob], manager);
  }
}
