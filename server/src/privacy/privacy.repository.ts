import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, ContentStatus, OrganizationType, UserRole, UserStatus, Visibility } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';

export interface ProfileRow {
  id: string;
  name: string;
  email: string;
  title: string | null;
  phone: string | null;
  show_contact_details: boolean;
  role: UserRole;
  status: UserStatus;
  email_verified_at: Date | null;
  created_at: Date;
  last_login_at: Date | null;
  deleted_at: Date | null;
  organization_id: string;
  organization_code: string;
  organization_name: string;
  organization_type: OrganizationType;
}

export interface OwnContentRow {
  id: string;
  kind: ContentKind;
  title: string;
  slug: string;
  body: string;
  summary: string;
  status: ContentStatus;
  visibility: Visibility;
  tags: string[];
  components: string[];
  attributes: Record<string, unknown>;
  organization_code: string;
  organization_name: string;
  version: number;
  deleted_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface OwnRevisionRow {
  content_id: string;
  reply_id: string | null;
  version: number;
  title: string;
  body: string;
  tags: string[];
  attributes: Record<string, unknown>;
  reason: string | null;
  edited_at: Date;
  /** The edited item (content or reply) was written by the member. */
  own_item: boolean;
}

/** The item a record points at, by id and title only. */
interface ItemColumns {
  item_id: string;
  item_kind: ContentKind;
  item_title: string;
}

export interface OwnReplyRow extends ItemColumns {
  id: string;
  body: string;
  hidden: boolean;
  accepted: boolean;
  version: number;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface OwnVoteRow {
  content_id: string | null;
  reply_id: string | null;
  value: number;
  created_at: Date;
  updated_at: Date;
}

export interface OwnFlagRow {
  id: string;
  content_id: string;
  reply_id: string | null;
  reason: string;
  text: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
}

export interface OwnRegistrationRow extends ItemColumns {
  created_at: Date;
}

export interface OwnWorkingOnRow extends ItemColumns {
  show_contact: boolean;
  note: string | null;
  created_at: Date;
}

export interface OwnProposalRow extends ItemColumns {
  id: string;
  section_slug: string;
  section_title: string;
  note: string | null;
  status: string;
  reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export interface OwnDialogueAnswerRow extends ItemColumns {
  id: string;
  question_id: string;
  prompt: string;
  text: string | null;
  value: number | null;
  anonymous: boolean;
  hidden: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface OwnSubscriptionRow {
  target_type: string;
  target_key: string;
  created_at: Date;
}

export interface OwnNotificationSettingsRow {
  email_immediate: boolean;
  digest: string;
  last_digest_at: Date | null;
  updated_at: Date;
}

export interface OwnNotificationRow {
  id: string;
  type: string;
  content_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  emailed_at: Date | null;
}

export interface OwnAttachmentRow {
  id: string;
  content_id: string;
  name: string;
  media_type: string;
  size: string;
  sha256: string;
  deleted_at: Date | null;
  created_at: Date;
}

export interface OwnAuditRow {
  id: string;
  action: string;
  target_type: string;
  target_id: string;
  reason: string | null;
  created_at: Date;
}

/** Everything stored about one member, read in one snapshot. */
export interface PersonalDataRows {
  profile: ProfileRow;
  content: OwnContentRow[];
  revisions: OwnRevisionRow[];
  replies: OwnReplyRow[];
  votes: OwnVoteRow[];
  flags: OwnFlagRow[];
  registrations: OwnRegistrationRow[];
  workingOn: OwnWorkingOnRow[];
  proposals: OwnProposalRow[];
  dialogueAnswers: OwnDialogueAnswerRow[];
  subscriptions: OwnSubscriptionRow[];
  notificationSettings: OwnNotificationSettingsRow | null;
  notifications: OwnNotificationRow[];
  attachments: OwnAttachmentRow[];
  audit: OwnAuditRow[];
}

/** The replacement for a deleted member's row: nothing left that points at the person. */
export interface Anonymised {
  name: string;
  email: string;
  passwordHash: string;
}

/** Columns naming the item a record points at (`c` is the content row). */
const ITEM = `c.id AS item_id, c.kind AS item_kind, c.title AS item_title`;

/** All SQL about a member's own data: the export, and what deleting the account removes or anonymises. */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
    return manager.query(sql, params) as Promise<T[]>;
  }

  // ---- Export ----

  /** One REPEATABLE READ snapshot, so the parts agree with each other (a reply is not missing its thread). Null: no such member. */
  personalData(userId: string): Promise<PersonalDataRows | null> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [profile] = await this.q<ProfileRow>(
        m,
        `SELECT u.id, u.name, u.email, u.title, u.phone, u.show_contact_details, u.role, u.status, u.email_verified_at,
           u.created_at, u.last_login_at, u.deleted_at, o.id AS organization_id, o.code AS organization_code,
           o.name AS organization_name, o.type AS organization_type
         FROM "user" u JOIN organization o ON o.id = u.organization_id
         WHERE u.id = $1`,
        [userId],
      );
      if (!profile) return null;
      const p = [userId];
      const content = await this.q<OwnContentRow>(
        m,
        `SELECT c.id, c.kind, c.title, c.slug, c.body, c.summary, c.status, c.visibility, c.tags, c.attributes, c.version,
           c.deleted_at, c.published_at, c.created_at, c.updated_at, o.code AS organization_code, o.name AS organization_name,
           COALESCE((SELECT array_agg(k.slug ORDER BY cc.position, k.slug)
                     FROM content_component cc JOIN catalog_component k ON k.id = cc.component_id
                     WHERE cc.content_id = c.id), '{}') AS components
         FROM content c JOIN organization o ON o.id = c.organization_id
         WHERE c.author_id = $1
         ORDER BY c.id`,
        p,
      );
      const revisions = await this.q<OwnRevisionRow>(
        m,
        `SELECT r.content_id, r.reply_id, r.version, r.title, r.body, r.tags, r.attributes, r.reason, r.edited_at,
           COALESCE(CASE WHEN r.reply_id IS NULL THEN c.author_id = $1 ELSE rp.author_id = $1 END, false) AS own_item
         FROM revision r JOIN content c ON c.id = r.content_id LEFT JOIN reply rp ON rp.id = r.reply_id
         WHERE r.editor_id = $1
         ORDER BY r.id`,
        p,
      );
      const replies = await this.q<OwnReplyRow>(
        m,
        `SELECT r.id, r.body, r.hidden, COALESCE(c.accepted_reply_id = r.id, false) AS accepted, r.version, r.deleted_at,
           r.created_at, r.updated_at, ${ITEM}
         FROM reply r JOIN content c ON c.id = r.content_id
         WHERE r.author_id = $1
         ORDER BY r.id`,
        p,
      );
      const votes = await this.q<OwnVoteRow>(
        m,
        `SELECT content_id, reply_id, value, created_at, updated_at FROM vote WHERE user_id = $1 ORDER BY id`,
        p,
      );
      const flags = await this.q<OwnFlagRow>(
        m,
        `SELECT id, content_id, reply_id, reason, text, created_at, resolved_at, resolution FROM flag WHERE user_id = $1 ORDER BY id`,
        p,
      );
      const registrations = await this.q<OwnRegistrationRow>(
        m,
        `SELECT w.created_at, ${ITEM}
         FROM webinar_registration w JOIN content c ON c.id = w.content_id
         WHERE w.user_id = $1
         ORDER BY w.created_at, c.id`,
        p,
      );
      const workingOn = await this.q<OwnWorkingOnRow>(
        m,
        `SELECT w.show_contact, w.note, w.created_at, ${ITEM}
         FROM case_working_on w JOIN content c ON c.id = w.content_id
         WHERE w.user_id = $1
         ORDER BY w.created_at, c.id`,
        p,
      );
      const proposals = await this.q<OwnProposalRow>(
        m,
        `SELECT t.id, s.slug AS section_slug, s.title AS section_title, t.note, t.status, t.reason, t.created_at, t.decided_at, ${ITEM}
         FROM toolbox_proposal t JOIN toolbox_section s ON s.id = t.section_id JOIN content c ON c.id = t.content_id
         WHERE t.proposer_id = $1
         ORDER BY t.id`,
        p,
      );
      const dialogueAnswers = await this.q<OwnDialogueAnswerRow>(
        m,
        `SELECT a.id, q.id AS question_id, q.prompt, a.text, a.value, a.anonymous, a.hidden, a.created_at, a.updated_at, ${ITEM}
         FROM dialogue_answer a JOIN dialogue_question q ON q.id = a.question_id JOIN content c ON c.id = q.content_id
         WHERE a.user_id = $1
         ORDER BY a.id`,
        p,
      );
      const subscriptions = await this.q<OwnSubscriptionRow>(
        m,
        `SELECT target_type, target_key, created_at FROM subscription WHERE user_id = $1 ORDER BY id`,
        p,
      );
      const [notificationSettings] = await this.q<OwnNotificationSettingsRow>(
        m,
        `SELECT email_immediate, digest, last_digest_at, updated_at FROM notification_settings WHERE user_id = $1`,
        p,
      );
      const notifications = await this.q<OwnNotificationRow>(
        m,
        `SELECT id, type, content_id, data, created_at, read_at, emailed_at FROM notification WHERE user_id = $1 ORDER BY id`,
        p,
      );
      const attachments = await this.q<OwnAttachmentRow>(
        m,
        `SELECT id, content_id, name, media_type, size, sha256, deleted_at, created_at FROM attachment WHERE uploaded_by = $1
         ORDER BY created_at, id`,
        p,
      );
      const audit = await this.q<OwnAuditRow>(
        m,
        `SELECT id, action, target_type, target_id, reason, created_at FROM audit_log WHERE actor_id = $1 ORDER BY id`,
        p,
      );
      return {
        profile,
        content,
        revisions,
        replies,
        votes,
        flags,
        registrations,
        workingOn,
        proposals,
        dialogueAnswers,
        subscriptions,
        notificationSettings: notificationSettings ?? null,
        notifications,
        attachments,
        audit,
      };
    });
  }

  // ---- Deletion ----

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The member's row, locked for the deletion. */
  async lockUser(userId: string, manager: EntityManager): Promise<ProfileRow | null> {
    const [row] = await this.q<ProfileRow>(
      manager,
      `SELECT u.id, u.name, u.email, u.title, u.phone, u.show_contact_details, u.role, u.status, u.email_verified_at,
         u.created_at, u.last_login_at, u.deleted_at, o.id AS organization_id, o.code AS organization_code,
         o.name AS organization_name, o.type AS organization_type
       FROM "user" u JOIN organization o ON o.id = u.organization_id
       WHERE u.id = $1
       FOR UPDATE OF u`,
      [userId],
    );
    return row ?? null;
  }

  /** How many active administrators there are besides `userId`; every active admin row (theirs too) is locked, in id order. */
  async lockOtherActiveAdmins(userId: string, manager: EntityManager): Promise<number> {
    const rows = await this.q<{ id: string }>(
      manager,
      `SELECT id FROM "user" WHERE role = 'admin' AND status = 'active' AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
      [],
    );
    return rows.filter((row) => row.id !== userId).length;
  }

  /**
   * Removes what only concerns the member (follows, settings, notifications, marks, sign-ups, tokens), unhooks their
   * flags and proposals, and anonymises the row. Content, replies, votes and dialogue answers stay, under the new name.
   */
  async anonymise(userId: string, anonymised: Anonymised, manager: EntityManager): Promise<void> {
    for (const table of [
      'subscription',
      'notification_settings',
      'notification',
      'case_working_on',
      'webinar_registration',
      'user_token',
    ]) {
      await manager.query(`DELETE FROM "${table}" WHERE user_id = $1`, [userId]);
    }
    await manager.query(`UPDATE toolbox_proposal SET proposer_id = NULL WHERE proposer_id = $1`, [userId]);
    await manager.query(`UPDATE flag SET user_id = NULL WHERE user_id = $1`, [userId]);
    await manager.query(
      `UPDATE "user" SET name = $2, email = $3, password_hash = $4, title = NULL, phone = NULL, show_contact_details = false,
         status = 'suspended', suspended_by_id = NULL, suspended_by_role = NULL, deleted_at = now(), updated_at = now()
       WHERE id = $1`,
      [userId, anonymised.name, anonymised.email, anonymised.passwordHash],
    );
  }

  /** The dev inbox (outside production, without SMTP) keeps copies of mails: those to the member go with the account. */
  async forgetDevMail(email: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM dev_mail WHERE lower(to_address) = lower($1)`, [email]);
  }

  /**
   * A topic suggestion carries its suggester's contact details in its attributes (and in its earlier versions): where
   * they are the member's own (their address), the name and address are replaced and the phone dropped.
   */
  async anonymiseSuggestionContacts(userId: string, email: string, anonymised: Anonymised, manager: EntityManager): Promise<void> {
    const replacement = JSON.stringify({ name: anonymised.name, email: anonymised.email });
    const own = `"attributes"->'contact'->>'email' = $2`;
    const replace = `jsonb_set("attributes", '{contact}', (("attributes"->'contact') - 'phone'::text) || $3::jsonb)`;
    await manager.query(`UPDATE content SET "attributes" = ${replace} WHERE author_id = $1 AND kind = 'suggestion' AND ${own}`, [
      userId,
      email,
      replacement,
    ]);
    await manager.query(
      `UPDATE revision r SET "attributes" = ${replace.replaceAll('"attributes"', 'r."attributes"')}
       FROM content c
       WHERE c.id = r.content_id AND c.author_id = $1 AND c.kind = 'suggestion' AND r.reply_id IS NULL
         AND r.${own}`,
      [userId, email, replacement],
    );
  }
}
