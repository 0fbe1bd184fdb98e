import { ATTACHMENT_TYPES, type AttachmentMediaType } from '@infraforum/shared';

const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** "830 byte", "412 kB", "2,4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('da-DK')} byte`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} kB`;
  return `${decimal.format(bytes / (1024 * 1024))} MB`;
}

const isKnownType = (mediaType: string): mediaType is AttachmentMediaType => Object.hasOwn(ATTACHMENT_TYPES, mediaType);

/** "PDF", "PowerPoint (PPTX)"; "Fil" for a type we do not name. */
export function attachmentTypeLabel(mediaType: string): string {
  return isKnownType(mediaType) ? ATTACHMENT_TYPES[mediaType].label : 'Fil';
}

/** "PDF, PowerPoint (PPTX), …, PNG-billede og JPEG-billede". */
export function allowedTypesText(): string {
  const labels = Object.values(ATTACHMENT_TYPES).map((type) => type.label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} og ${labels.at(-1)}` : (labels[0] ?? '');
}

/** "10:00" → "10.00", as Danish clocks are written. */
export const danishClock = (time: string): string => time.replace(':', '.');

/** "1 tilmeldt", "12 tilmeldte". */
export const registrationLabel = (count: number): string => `${count.toLocaleString('da-DK')} ${count === 1 ? 'tilmeldt' : 'tilmeldte'}`;
