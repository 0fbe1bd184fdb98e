import type { UserRole } from '@infraforum/shared';

/** Who may edit the catalog: the pages show the edit link and form to them; the API checks it again. */
export const CATALOG_EDITORS: readonly UserRole[] = ['moderator', 'admin'];
