import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PostgresSearch } from './postgres-search.js';
import { SearchDocumentRepository } from './search-document.repository.js';
import { SearchEngine } from './search-engine.js';
import { SearchMaintenance } from './search-maintenance.js';
import { SearchOutboxRepository } from './search-outbox.repository.js';
import { SearchOutboxWorker } from './search-outbox.worker.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';
import { SynonymsService } from './synonyms.service.js';

@Global()
@Module({
  imports: [AuditModule],
  controllers: [SearchController],
  providers: [
    SearchEngine,
    SearchService,
    PostgresSearch,
    SearchDocumentRepository,
    SearchOutboxRepository,
    SearchOutboxWorker,
    SearchMaintenance,
    SynonymsService,
  ],
  exports: [SearchService, SearchEngine, SearchOutboxRepository, SearchOutboxWorker, SearchMaintenance],
})
export class SearchModule {}
