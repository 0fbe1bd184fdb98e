import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { createMeilisearchHttpClient } from './meilisearch-http-client.js';

/** Holds the Meilisearch client. Indexing and querying arrive with the search issue; for now it reports health. */
@Injectable()
export class SearchService implements OnApplicationShutdown {
  private readonly httpClient = createMeilisearchHttpClient(2_000);
  readonly client: Meilisearch | undefined;

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig) {
    this.client = config.meili
      ? new Meilisearch({ host: config.meili.url, apiKey: config.meili.masterKey, httpClient: this.httpClient })
      : undefined;
  }

  async isHealthy(): Promise<boolean> {
    if (!this.client) return false;
    try {
      const health = await this.client.health();
      return health.status === 'available';
    } catch {
      return false;
    }
  }

  onApplicationShutdown(): void {
    this.httpClient.destroy();
  }
}
