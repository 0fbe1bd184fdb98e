import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['up', 'down']),
  search: z.enum(['up', 'down']),
  /** Which engine answers searches now. */
  searchEngine: z.enum(['meilisearch', 'postgres']),
  /**
   * Changes not yet in Meilisearch: rows, the age of the oldest, and how many have failed at least once.
   * (The error itself is in the logs and in `search:check`: this answer is public.)
   */
  searchOutbox: z
    .object({
      backlog: z.number().int(),
      oldestAgeSeconds: z.number().nullable(),
      failing: z.number().int(),
    })
    .nullable(),
});
export type Health = z.infer<typeof HealthSchema>;
