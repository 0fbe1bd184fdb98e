import { ATTACHMENT_TYPES, type AttachmentMediaType } from '@infraforum/shared';
import { fileTypeFromFile } from 'file-type';
import { inspectZip, type ZipVerdict } from './zip-inspection.js';

/** Each allowed type with its indefinite article, for messages ("Filen er et PNG-billede, ikke en PDF"). */
const A_TYPE: Record<AttachmentMediaType, string> = {
  'application/pdf': 'en PDF',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'en PowerPoint-præsentation (PPTX)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'et Word-dokument (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'et Excel-regneark (XLSX)',
  'image/png': 'et PNG-billede',
  'image/jpeg': 'et JPEG-billede',
};

const OFFICE_TYPES: readonly AttachmentMediaType[] = [
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Shown in the browser; Office files are always downloaded. */
export const INLINE_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg'];

export const isAllowedType = (mediaType: string): mediaType is AttachmentMediaType => Object.hasOwn(ATTACHMENT_TYPES, mediaType);

const allowedList = () =>
  Object.values(ATTACHMENT_TYPES)
    .map((type) => type.label)
    .join(', ');

const ZIP_PROBLEMS: Record<Exclude<ZipVerdict, { ok: true }>['problem'], string> = {
  invalid: 'Filen er ikke et gyldigt Office-dokument.',
  'too-many-entries': 'Office-dokumentet indeholder for mange dele.',
  'too-large': 'Office-dokumentet fylder for meget, når det pakkes ud.',
  'compression-ratio': 'Office-dokumentet er pakket mistænkeligt tæt og kan ikke modtages.',
};

export type TypeVerdict = { ok: true; mediaType: AttachmentMediaType; extension: string } | { ok: false; message: string };

/**
 * The type of the file at `path`, decided by its bytes: it must be an allowed type, the name's extension (when
 * it has one) must be one of that type's, and an Office file's zip must look sane. `claimedExtension` is the
 * lower-case extension of the uploaded name, or "".
 */
export async function checkAttachmentType(path: string, claimedExtension: string): Promise<TypeVerdict> {
  const detected = await fileTypeFromFile(path);
  if (!detected || !isAllowedType(detected.mime)) {
    return { ok: false, message: `Filtypen er ikke tilladt. Du kan vedhæfte ${allowedList()}.` };
  }
  const mediaType = detected.mime;
  const extensions: readonly string[] = ATTACHMENT_TYPES[mediaType].extensions;
  if (claimedExtension && !extensions.includes(claimedExtension)) {
    const claimedType = Object.entries(ATTACHMENT_TYPES).find(([, type]) =>
      (type.extensions as readonly string[]).includes(claimedExtension),
    )?.[0] as AttachmentMediaType | undefined;
    return {
      ok: false,
      message: claimedType
        ? `Filen er ${A_TYPE[mediaType]}, ikke ${A_TYPE[claimedType]}. Giv den den rigtige filendelse (.${extensions[0]}).`
        : `Filen er ${A_TYPE[mediaType]}, men navnet slutter på .${claimedExtension}. Giv den filendelsen .${extensions[0]}.`,
    };
  }
  if (OFFICE_TYPES.includes(mediaType)) {
    const zip = await inspectZip(path);
    if (!zip.ok) return { ok: false, message: ZIP_PROBLEMS[zip.problem] };
  }
  return { ok: true, mediaType, extension: claimedExtension || extensions[0]! };
}
