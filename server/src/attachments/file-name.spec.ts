import { describe, expect, it } from 'vitest';
import { contentDisposition, extensionOf, FILE_NAME_MAX, sanitizeFileName } from './file-name.js';

describe('sanitizeFileName', () => {
  it('keeps an ordinary Danish name as it is', () => {
    expect(sanitizeFileName('Præsentation fra Ærø.pdf', 'pdf')).toBe('Præsentation fra Ærø.pdf');
  });

  it.each([
    ['../../etc/passwd\u0000.pdf', 'passwd.pdf'],
    ['C:\\Users\\mette\\Desktop\\slides.pdf', 'slides.pdf'],
    ['/var/www/../slides.pdf', 'slides.pdf'],
  ])('keeps only the last path segment of %j', (raw, expected) => {
    expect(sanitizeFileName(raw, 'pdf')).toBe(expected);
  });

  it('removes control characters and the bidi overrides that disguise an extension', () => {
    expect(sanitizeFileName('rapport\u0007\u001b\u202egnp.pdf', 'pdf')).toBe('rapportgnp.pdf');
  });

  it('removes the characters Windows forbids in file names', () => {
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf', 'pdf')).toBe('abcdefgh.pdf');
  });

  it('collapses whitespace and trims dots and spaces around the name', () => {
    expect(sanitizeFileName('  ..referat \t fra \n mødet.. .pdf', 'pdf')).toBe('referat fra mødet.pdf');
  });

  it('composes decomposed letters (NFC), as macOS sends them', () => {
    expect(sanitizeFileName('A\u030arhus.pdf', 'pdf')).toBe('\u00c5rhus.pdf');
  });

  it('cuts the name to FILE_NAME_MAX characters, keeping the extension and whole characters', () => {
    const name = sanitizeFileName(`${'😀'.repeat(200)}.pptx`, 'pptx');
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith('😀.pptx')).toBe(true);
  });

  it('adds the type’s extension to a name without one, and lower-cases it', () => {
    expect([sanitizeFileName('referat', 'docx'), sanitizeFileName('REFERAT.DOCX', 'docx')]).toEqual(['referat.docx', 'REFERAT.docx']);
  });

  it.each(['', '.pdf', '../', '\u0000\u0001.pdf', '<>.pdf'])('falls back to "fil" for %j', (raw) => {
    expect(sanitizeFileName(raw, 'pdf')).toBe('fil.pdf');
  });

  it('defuses names Windows reserves for devices', () => {
    expect(sanitizeFileName('CON.pdf', 'pdf')).toBe('CON_.pdf');
  });
});

describe('extensionOf', () => {
  it.each([
    ['slides.PDF', 'pdf'],
    ['arkiv.tar.gz', 'gz'],
    ['README', ''],
    ['.pdf', ''],
    ['navn.', ''],
  ])('%j → %j', (name, extension) => {
    expect(extensionOf(name)).toBe(extension);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name in RFC 5987 encoding', () => {
    expect(contentDisposition('attachment', 'Referat – Ærø "ny" (2).docx')).toBe(
      `attachment; filename="Referat _ _r_ _ny_ (2).docx"; filename*=UTF-8''Referat%20%E2%80%93%20%C3%86r%C3%B8%20%22ny%22%20%282%29.docx`,
    );
  });
});
