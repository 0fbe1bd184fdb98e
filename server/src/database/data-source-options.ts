import type { DataSourceOptions } from 'typeorm';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { CatalogComponentDependencyEntity, CatalogComponentEntity } from '../catalog/catalog-component.entity.js';
import { CatalogSystemComponentEntity, CatalogSystemEntity } from '../catalog/catalog-system.entity.js';
import { ContentComponentEntity, ContentEntity } from '../content/content.entity.js';
import { ReplyEntity } from '../content/reply.entity.js';
import { RevisionEntity } from '../content/revision.entity.js';
import { VoteEntity } from '../content/vote.entity.js';
import { UserTokenEntity } from '../auth/user-token.entity.js';
import { DevMailEntity } from '../mail/dev-mail.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { Accounts1764316800000 } from './migrations/1764316800000-accounts.js';
import { UserSuspendedBy1764576000000 } from './migrations/1764576000000-user-suspended-by.js';
import { Content1764835200000 } from './migrations/1764835200000-content.js';
import { Search1765094400000 } from './migrations/1765094400000-search.js';
import { Webinars1765353600000 } from './migrations/1765353600000-webinars.js';
import { StatusChangeEntity } from '../webinars/status-change.entity.js';
import { WebinarRegistrationEntity } from '../webinars/webinar-registration.entity.js';
import { AttachmentEntity } from '../attachments/attachment.entity.js';
import { DialogueQuestionEntity } from '../dialogue/dialogue-question.entity.js';
import { DialogueAnswerEntity } from '../dialogue/dialogue-answer.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { CaseWorkingOnEntity } from '../cases/case-working-on.entity.js';
import { ToolboxSectionEntity } from '../toolbox/toolbox-section.entity.js';
import { ToolboxItemEntity } from '../toolbox/toolbox-item.entity.js';
import { ToolboxProposalEntity } from '../toolbox/toolbox-proposal.entity.js';
import { CasesToolbox1765612800000 } from './migrations/1765612800000-cases-toolbox.js';
import { Moderation1765872000000 } from './migrations/1765872000000-moderation.js';
import { FlagEntity } from '../moderation/flag.entity.js';
import { FollowsMailPrivacy1766131200000 } from './migrations/1766131200000-follows-mail-privacy.js';
import { OutdatedContent1766390400000 } from './migrations/1766390400000-outdated-content.js';
import { Publishing1766649600000 } from './migrations/1766649600000-publishing.js';
import { ContentPublishingEntity } from '../publishing/content-publishing.entity.js';
import { SubscriptionEntity } from '../follows/subscription.entity.js';
import { NotificationSettingsEntity } from '../follows/notification-settings.entity.js';
import { SearchOutboxEntity } from '../search/search-outbox.entity.js';
import { SearchSynonymEntity } from '../search/search-synonym.entity.js';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  UserTokenEntity,
  AuditLogEntity,
  DevMailEntity,
  CatalogComponentEntity,
  CatalogComponentDependencyEntity,
  CatalogSystemEntity,
  CatalogSystemComponentEntity,
  ContentEntity,
  ContentComponentEntity,
  ReplyEntity,
  VoteEntity,
  RevisionEntity,
  SearchOutboxEntity,
  SearchSynonymEntity,
  StatusChangeEntity,
  WebinarRegistrationEntity,
  AttachmentEntity,
  DialogueQuestionEntity,
  DialogueAnswerEntity,
  NotificationEntity,
  CaseWorkingOnEntity,
  ToolboxSectionEntity,
  ToolboxItemEntity,
  ToolboxProposalEntity,
  FlagEntity,
  SubscriptionEntity,
  NotificationSettingsEntity,
  ContentPublishingEntity,
];

/** One ordered history; each new migration is appended here. */
export const MIGRATIONS = [
  Accounts1764316800000,
  UserSuspendedBy1764576000000,
  Content1764835200000,
  Search1765094400000,
  Webinars1765353600000,
  CasesToolbox1765612800000,
  Moderation1765872000000,
  FollowsMailPrivacy1766131200000,
  OutdatedContent1766390400000,
  Publishing1766649600000,
];

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
