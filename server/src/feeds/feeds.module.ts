import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module.js';
import { FeedsController } from './feeds.controller.js';
import { FeedsRepository } from './feeds.repository.js';
import { FeedsService } from './feeds.service.js';

/** Atom and RSS feeds of public content: per kind, component, tag and toolbox section. */
@Module({
  imports: [ContentModule],
  controllers: [FeedsController],
  providers: [FeedsRepository, FeedsService],
})
// No session is loaded for /api/feeds (see app.ts): a feed is the same for everyone and may be cached by anyone.
export class FeedsModule {}
