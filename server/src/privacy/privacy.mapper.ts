import type { ContentKind, PersonalDataExport } from '@infraforum/shared';
import type { PersonalDataRows } from './privacy.repository.js';

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
const idOrNull = (id: string | null): number | null => (id === null ? null : Number(id));
const item = (row: { item_id: string; item_kind: ContentKind; item_title: string }) => ({
  id: Number(row.item_id),
  kind: row.item_kind,
  title: row.item_title,
});

/** The rows as the export's JSON: ids of content as numbers (as everywhere in the API), times as ISO strings. */
export function toPersonalDataExport(rows: PersonalDataRows, exportedAt: Date): PersonalDataExport {
  const { profile } = rows;
  return {
    exportedAt: iso(exportedAt),
    profile: {
      id: profile.id,
      name: profile.name,
      email: profile.email,
      title: profile.title,
      phone: profile.phone,
      showContactDetails: profile.show_contact_details,
      role: profile.role,
      status: profile.status,
      organization: { code: profile.organization_code, name: profile.organization_name, type: profile.organization_type },
      emailVerifiedAt: isoOrNull(profile.email_verified_at),
      createdAt: iso(profile.created_at),
      lastLoginAt: isoOrNull(profile.last_login_at),
    },
    content: rows.content.map((row) => ({
      id: Number(row.id),
      kind: row.kind,
      title: row.title,
      slug: row.slug,
      body: row.body,
      summary: row.summary,
      status: row.status,
      visibility: row.visibility,
      tags: row.tags,
      components: row.components,
      attributes: row.attributes,
      organization: { code: row.organization_code, name: row.organization_name },
      version: row.version,
      deleted: row.deleted_at !== null,
      deletedAt: isoOrNull(row.deleted_at),
      publishedAt: isoOrNull(row.published_at),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    })),
    revisions: rows.revisions.map((row) => ({
      contentId: Number(row.content_id),
      replyId: idOrNull(row.reply_id),
      // The row keeps the version the edit replaced; the member's edit made the next one.
      version: row.version + 1,
      reason: row.reason,
      editedAt: iso(row.edited_at),
      previous: row.own_item ? { title: row.title, body: row.body, tags: row.tags, attributes: row.attributes } : null,
    })),
    replies: rows.replies.map((row) => ({
      id: Number(row.id),
      content: item(row),
      body: row.body,
      hidden: row.hidden,
      accepted: row.accepted,
      version: row.version,
      deleted: row.deleted_at !== null,
      deletedAt: isoOrNull(row.deleted_at),
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    })),
    votes: rows.votes.map((row) => ({
      contentId: idOrNull(row.content_id),
      replyId: idOrNull(row.reply_id),
      value: row.value,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    })),
    flags: rows.flags.map((row) => ({
      id: Number(row.id),
      contentId: Number(row.content_id),
      replyId: idOrNull(row.reply_id),
      reason: row.reason,
      text: row.text,
      createdAt: iso(row.created_at),
      resolvedAt: isoOrNull(row.resolved_at),
      resolution: row.resolution,
    })),
    webinarRegistrations: rows.registrations.map((row) => ({ webinar: item(row), registeredAt: iso(row.created_at) })),
    workingOn: rows.workingOn.map((row) => ({
      case: item(row),
      showContact: row.show_contact,
      note: row.note,
      createdAt: iso(row.created_at),
    })),
    toolboxProposals: rows.proposals.map((row) => ({
      id: Number(row.id),
      section: { slug: row.section_slug, title: row.section_title },
      content: item(row),
      note: row.note,
      status: row.status,
      reason: row.reason,
      createdAt: iso(row.created_at),
      decidedAt: isoOrNull(row.decided_at),
    })),
    dialogueAnswers: rows.dialogueAnswers.map((row) => ({
      id: Number(row.id),
      question: { id: Number(row.question_id), prompt: row.prompt },
      webinar: item(row),
      text: row.text,
      value: row.value,
      anonymous: row.anonymous,
      hidden: row.hidden,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    })),
    subscriptions: rows.subscriptions.map((row) => ({
      targetType: row.target_type,
      targetKey: row.target_key,
      createdAt: iso(row.created_at),
    })),
    notificationSettings: rows.notificationSettings
      ? {
          emailImmediate: rows.notificationSettings.email_immediate,
          digest: rows.notificationSettings.digest,
          lastDigestAt: isoOrNull(rows.notificationSettings.last_digest_at),
          updatedAt: iso(rows.notificationSettings.updated_at),
        }
      : null,
    notifications: rows.notifications.map((row) => ({
      id: Number(row.id),
      type: row.type,
      contentId: idOrNull(row.content_id),
      data: row.data,
      createdAt: iso(row.created_at),
      readAt: isoOrNull(row.read_at),
      emailedAt: isoOrNull(row.emailed_at),
    })),
    attachments: rows.attachments.map((row) => ({
      id: row.id,
      contentId: Number(row.content_id),
      name: row.name,
      mediaType: row.media_type,
      size: Number(row.size),
      sha256: row.sha256,
      deleted: row.deleted_at !== null,
      deletedAt: isoOrNull(row.deleted_at),
      createdAt: iso(row.created_at),
    })),
    auditEntries: rows.audit.map((row) => ({
      id: Number(row.id),
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      reason: row.reason,
      createdAt: iso(row.created_at),
    })),
  };
}
