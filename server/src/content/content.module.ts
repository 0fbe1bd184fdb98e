import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogController } from '../catalog/catalog.controller.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ContentController } from './content.controller.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';
import { RepliesController } from './replies.controller.js';
import { ReplyService } from './reply.service.js';

/**
 * Content and its reference catalog in one module: content checks components against the catalog, and the
 * catalog's pages list content about each component, so two modules would import each other.
 */
@Module({
  imports: [AuditModule],
  controllers: [ContentController, RepliesController, CatalogController],
  providers: [ContentRepository, ContentService, ReplyService, CatalogRepository, CatalogService],
  exports: [ContentService, ReplyService, CatalogService, ContentRepository],
})
export class ContentModule {}
