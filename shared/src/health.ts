import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['up', 'down']),
  search: z.enum(['up', 'down']),
  /** Which engine answers searches now. */
  searchEngine: z.enum(['meilisearch', 'postgres']),
});
export type Health = z.infer<typeof HealthSchema>;
