import type { DataSourceOptions } from 'typeorm';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { UserTokenEntity } from '../auth/user-token.entity.js';
import { DevMailEntity } from '../mail/dev-mail.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { Accounts1764316800000 } from './migrations/1764316800000-accounts.js';
import { UserSuspendedBy1764576000000 } from './migrations/1764576000000-user-suspended-by.js';

export const ENTITIES = [OrganizationEntity, UserEntity, UserTokenEntity, AuditLogEntity, DevMailEntity];

/** One ordered history; each new migration is appended here. */
export const MIGRATIONS = [Accounts1764316800000, UserSuspendedBy1764576000000];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 20, application_name: 'infraforum' },
  };
}
