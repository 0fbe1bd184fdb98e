import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.js';

/** The background job queue (pg-boss) every feature with jobs shares. */
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
