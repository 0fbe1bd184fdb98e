import type { Attachment } from '@infraforum/shared';
import { ATTACHMENT_PATH_PREFIX } from '../content/markdown.js';
import type { AttachmentRow } from './attachment.repository.js';

/** Where the file is downloaded: its id and its name (so the browser's saved file is named right). */
export const attachmentUrl = (row: Pick<AttachmentRow, 'id' | 'name'>): string =>
  `${ATTACHMENT_PATH_PREFIX}${row.id}/${encodeURIComponent(row.name)}`;

/** Any row with these columns: the content detail reads them with its own query. */
export type AttachmentListRow = Pick<AttachmentRow, 'id' | 'name' | 'size' | 'media_type' | 'searchable' | 'created_at'>;

export function toAttachment(row: AttachmentListRow): Attachment {
  return {
    id: row.id,
    name: row.name,
    size: Number(row.size),
    mediaType: row.media_type,
    url: attachmentUrl(row),
    createdAt: row.created_at.toISOString(),
    searchable: row.searchable,
  };
}
