import { z } from 'zod';

/** Material after a webinar (later: a case's documents). The type is decided by the bytes, never by the name. */
/**
 * Uploads are multipart, not JSON, so they carry this header instead: a cross-site form cannot send it without a
 * CORS preflight, which the API never grants (any value; the web sends "infraforum").
 */
export const UPLOAD_CSRF_HEADER = 'x-requested-with';

export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
export const ATTACHMENTS_PER_CONTENT_MAX = 30;

export const ATTACHMENT_TYPES = {
  'application/pdf': { extensions: ['pdf'], label: 'PDF' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extensions: ['pptx'], label: 'PowerPoint (PPTX)' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extensions: ['docx'], label: 'Word (DOCX)' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extensions: ['xlsx'], label: 'Excel (XLSX)' },
  'image/png': { extensions: ['png'], label: 'PNG-billede' },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], label: 'JPEG-billede' },
} as const satisfies Record<string, { extensions: readonly string[]; label: string }>;
export type AttachmentMediaType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_TYPES)
  .flatMap((type) => type.extensions.map((extension) => `.${extension}`))
  .join(',');

export const AttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  /** /api/attachments/:id/:name */
  url: z.string(),
  createdAt: z.string(),
  /** Text was found in it (PDF) and is searchable. */
  searchable: z.boolean(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });
