/** The longest name we keep, in characters, extension included. */
export const FILE_NAME_MAX = 150;

// C0 and C1 control characters, and the bidirectional overrides that make "gnp.exe" read as "exe.png".
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows, macOS or a shell would trip over in a file name.
const INVALID_IN_FILE_NAMES = /[<>:"/\\|?*]/g;
// Names Windows reserves for devices, whatever the extension.
const RESERVED_STEMS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** "rapport.PDF" → "pdf"; "" when the name has no extension. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

function truncate(value: string, max: number): string {
  // By code point, so a cut never splits an emoji or a combined character's surrogate pair.
  const characters = Array.from(value);
  return characters.length <= max ? value : characters.slice(0, max).join('');
}

/** The last path segment (either slash), NFC, without unsafe or invalid characters, whitespace collapsed. */
export function baseName(raw: string): string {
  const segments = raw.normalize('NFC').split(/[/\\]/);
  return (segments[segments.length - 1] ?? '')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(INVALID_IN_FILE_NAMES, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name a file is shown and downloaded under, made safe from what a browser sent: only the last path
 * segment (either slash), NFC, no control or bidi characters, none of <>:"/\|?*, single spaces, no leading
 * or trailing dots or spaces, at most FILE_NAME_MAX characters with the extension kept, and "fil.<ext>"
 * when nothing is left. The extension is the one `extension` names (the type found in the bytes).
 */
export function sanitizeFileName(raw: string, extension: string): string {
  const base = baseName(raw);
  const dot = base.lastIndexOf('.');
  const hasExtension = dot >= 0 && base.slice(dot + 1).toLowerCase() === extension;
  let stem = (hasExtension ? base.slice(0, dot) : base).replace(/^[.\s]+|[.\s]+$/g, '');
  if (RESERVED_STEMS.test(stem)) stem = `${stem}_`;
  const suffix = `.${extension}`;
  stem = truncate(stem, FILE_NAME_MAX - suffix.length).replace(/[.\s]+$/, '');
  return `${stem || 'fil'}${suffix}`;
}

/**
 * Content-Disposition with the name twice: an ASCII fallback for old clients, and the exact name
 * percent-encoded as UTF-8 (RFC 6266 / RFC 5987 `filename*`).
 */
export function contentDisposition(disposition: 'inline' | 'attachment', name: string): string {
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
