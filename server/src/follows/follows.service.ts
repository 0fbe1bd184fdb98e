import { Inject, Injectable } from '@nestjs/common';
import {
  contentPath,
  Tag,
  type NotificationSettings,
  type SubscriptionList,
  type SubscriptionTarget,
  type SubscriptionType,
  type UnsubscribeResult,
} from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { canReadContent, contentReadScope, type ContentTarget } from '../common/access-policy.js';
import { ApiException, type FieldErrors } from '../common/api-exception.js';
import type { SessionUser } from '../common/session-user.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { verifyUnsubscribeToken } from '../notifications/unsubscribe-token.js';
import { FollowsRepository, type SubscriptionRow } from './follows.repository.js';

/** An item as the fan-out needs it (a locked content row). */
export interface PublishedItem {
  id: string;
  tags: string[];
  author_id: string | null;
  organization_id: string;
  status: ContentTarget['status'];
  visibility: ContentTarget['visibility'];
  locked: boolean;
  kind: ContentTarget['kind'];
}

const targetOf = (item: PublishedItem): ContentTarget => ({
  authorId: item.author_id,
  organizationId: item.organization_id,
  status: item.status,
  visibility: item.visibility,
  locked: item.locked,
  kind: item.kind,
  deleted: false,
});

/** Following content, components, tags and toolbox sections; who to tell when something new arrives there. */
@Injectable()
export class FollowsService {
  constructor(
    private readonly repo: FollowsRepository,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async list(user: SessionUser): Promise<SubscriptionList> {
    const rows = await this.repo.list(user.id, contentReadScope(user));
    // Content one may no longer read is not named (its title could be what one may not see).
    return { items: rows.filter((row) => row.title !== null).map(toSubscription) };
  }

  async follow(user: SessionUser, target: SubscriptionTarget): Promise<SubscriptionList> {
    await this.check(user, [target], () => 'key');
    await this.repo.add(user.id, target);
    return this.list(user);
  }

  async unfollow(user: SessionUser, type: SubscriptionType, key: string): Promise<void> {
    await this.repo.remove(user.id, type, key);
  }

  async replace(user: SessionUser, targets: SubscriptionTarget[]): Promise<SubscriptionList> {
    const unique = [...new Map(targets.map((target) => [`${target.type}:${target.key}`, target])).values()];
    await this.check(user, targets, (index) => `items.${index}.key`);
    await this.repo.transaction((manager) => this.repo.replace(user.id, unique, manager));
    return this.list(user);
  }

  /** Every target must exist and (content) be readable; a field error names each one that is not. */
  private async check(user: SessionUser, targets: readonly SubscriptionTarget[], fieldOf: (index: number) => string): Promise<void> {
    const keysOf = (type: SubscriptionType) => targets.filter((target) => target.type === type).map((target) => target.key);
    const [content, components, sections] = await Promise.all([
      this.repo.readableContent(keysOf('content'), contentReadScope(user)),
      this.repo.existingKeys('component', keysOf('component')),
      this.repo.existingKeys('toolbox_section', keysOf('toolbox_section')),
    ]);
    const fields: FieldErrors = {};
    targets.forEach((target, index) => {
      const field = fieldOf(index);
      if (target.type === 'content' && !content.has(target.key))
        fields[field] = ['Indholdet findes ikke, eller du har ikke adgang til det'];
      if (target.type === 'component' && !components.has(target.key)) fields[field] = [`Ukendt komponent: ${target.key}`];
      if (target.type === 'toolbox_section' && !sections.has(target.key)) fields[field] = [`Ukendt afsnit i Værktøjskassen: ${target.key}`];
      if (target.type === 'tag' && !Tag.safeParse(target.key).success)
        fields[field] = ['Et emneord må kun indeholde små bogstaver, tal og bindestreg'];
    });
    if (Object.keys(fields).length > 0) throw ApiException.validation(fields);
  }

  async settings(user: SessionUser): Promise<NotificationSettings> {
    const row = await this.repo.settings(user.id);
    return { emailImmediate: row.email_immediate, digest: row.digest };
  }

  async saveSettings(user: SessionUser, settings: NotificationSettings): Promise<NotificationSettings> {
    await this.repo.saveSettings(user.id, settings);
    return this.settings(user);
  }

  /** From a mail's link: turns off what the token was signed for; no login, and saying so twice is fine. */
  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const verified = verifyUnsubscribeToken(this.config.sessionSecret, token);
    if (!verified) throw ApiException.field('token', 'Linket er ugyldigt eller ændret. Skift dine indstillinger under Min profil.');
    await this.repo.saveSettings(verified.userId, verified.scope === 'digest' ? { digest: 'off' } : { emailImmediate: false });
    const row = await this.repo.settings(verified.userId);
    return { scope: verified.scope, settings: { emailImmediate: row.email_immediate, digest: row.digest } };
  }

  /** What a link would turn off, for the page that asks before doing it. */
  checkToken(token: string): { scope: 'immediate' | 'digest' } {
    const verified = verifyUnsubscribeToken(this.config.sessionSecret, token);
    if (!verified) throw ApiException.field('token', 'Linket er ugyldigt eller ændret. Skift dine indstillinger under Min profil.');
    return { scope: verified.scope };
  }

  // ---- Fan-out, inside the transaction of the change ----

  /** A newly published item: its author follows it; followers of its tags and components (that may read it) hear of it. */
  async onPublished(item: PublishedItem, manager: EntityManager): Promise<void> {
    if (item.author_id) await this.repo.add(item.author_id, { type: 'content', key: item.id }, manager);
    const components = await this.repo.componentKeysOf(item.id, manager);
    const targets: SubscriptionTarget[] = [
      ...item.tags.map((tag) => ({ type: 'tag' as const, key: tag })),
      ...components.map((component) => ({ type: 'component' as const, key: component.slug })),
    ];
    await this.tellFollowers(item, targets, { type: 'follow.new_content', data: {} }, manager);
  }

  followOwn(userId: string, contentId: string, manager: EntityManager): Promise<void> {
    return this.repo.add(userId, { type: 'content', key: contentId }, manager);
  }

  /** Taken into a toolbox section: the section's followers hear of it. */
  async onAddedToToolbox(item: PublishedItem, section: { slug: string; title: string }, manager: EntityManager): Promise<void> {
    await this.tellFollowers(
      item,
      [{ type: 'toolbox_section', key: section.slug }],
      { type: 'follow.new_content', data: { sectionTitle: section.title } },
      manager,
    );
  }

  /** A reply: the item's author is mailed at once; its followers read it in the bell and the digest. The replier now follows it. */
  async onReply(thread: PublishedItem, replierId: string, manager: EntityManager): Promise<void> {
    await this.notifications.notify(
      [thread.author_id],
      { type: 'content.reply', contentId: thread.id, actorId: replierId, data: {} },
      manager,
    );
    const followers = await this.readersAmong(thread, [{ type: 'content', key: thread.id }], manager);
    await this.notifications.notify(
      followers.filter((id) => id !== thread.author_id),
      { type: 'content.reply', contentId: thread.id, actorId: replierId, data: {} },
      manager,
      { mail: 'digest' },
    );
    await this.repo.add(replierId, { type: 'content', key: thread.id }, manager);
  }

  /** A status change of a followed item (suggestion, webinar, case): its followers who were not told already hear of it. */
  async onStatusChange(
    item: PublishedItem,
    notification: { type: string; actorId: string; data: Record<string, unknown> },
    alreadyTold: readonly (string | null)[],
    manager: EntityManager,
  ): Promise<void> {
    const told = new Set(alreadyTold);
    const readers = (await this.readersAmong(item, [{ type: 'content', key: item.id }], manager)).filter((id) => !told.has(id));
    await this.notifications.notify(
      readers,
      { type: notification.type, contentId: item.id, actorId: notification.actorId, data: notification.data },
      manager,
      { mail: 'digest' },
    );
  }

  private async tellFollowers(
    item: PublishedItem,
    targets: SubscriptionTarget[],
    notification: { type: string; data: Record<string, unknown> },
    manager: EntityManager,
  ): Promise<void> {
    const readers = await this.readersAmong(item, targets, manager);
    await this.notifications.notify(
      readers,
      { type: notification.type, contentId: item.id, actorId: item.author_id, data: notification.data },
      manager,
      { mail: 'digest' },
    );
  }

  /** Followers who may read the item now (an organization-only item reaches only its own municipality). */
  private async readersAmong(item: PublishedItem, targets: SubscriptionTarget[], manager: EntityManager): Promise<string[]> {
    const followers = await this.repo.followers(targets, manager);
    const target = targetOf(item);
    return followers
      .filter((follower) => canReadContent({ id: follower.user_id, role: follower.role, organizationId: follower.organization_id }, target))
      .map((follower) => follower.user_id);
  }
}

function toSubscription(row: SubscriptionRow): SubscriptionList['items'][number] {
  const path =
    row.target_type === 'content' && row.content_kind && row.content_slug
      ? contentPath({ kind: row.content_kind, id: Number(row.target_key), slug: row.content_slug })
      : row.target_type === 'component'
        ? `/komponenter/${row.target_key}`
        : row.target_type === 'toolbox_section'
          ? `/vaerktoejskassen/${row.target_key}`
          : `/soeg?tag=${encodeURIComponent(row.target_key)}`;
  return { type: row.target_type, key: row.target_key, title: row.title ?? '', path, createdAt: row.created_at.toISOString() };
}
