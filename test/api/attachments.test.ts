import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_CONTENT_MAX } from '@infraforum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflatedZeros, docx, HTML, JPEG, PNG, pdfWithText, SVG_WITH_SCRIPT, zip } from '../fixtures/attachments/files.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Files attached to webinars (their material afterwards): received as multipart, typed by their bytes, stored
 * once per SHA-256, served with headers that keep a hostile file harmless, and readable and removable under the
 * item's own access rules.
 */

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PHRASE = 'Snitfladen til Fælleskommunalt Adgangsstyringssystem kører nu stabilt';

type Actor = 'anonymous' | 'member' | 'other municipality member' | 'org admin' | 'moderator' | 'admin';

let t: TestApp;
let attachmentsDir: string;
/** The moderator who plans the webinars (their author). */
let host: ApiSession;
const as = {} as Record<Actor, ApiSession>;
let publicWebinar: number;
let membersWebinar: number;

beforeAll(async () => {
  attachmentsDir = mkdtempSync(path.join(os.tmpdir(), 'infraforum-attachments-'));
  t = await startTestApp({ env: { ATTACHMENTS_DIR: attachmentsDir } });
  const users: Array<[Actor | 'host', string, string, 'member' | 'org_admin' | 'moderator' | 'admin']> = [
    ['host', 'vaert@kombit.dk', 'KOMBIT', 'moderator'],
    ['member', 'medlem@gladsaxe.dk', '0159', 'member'],
    ['other municipality member', 'medlem@esbjerg.dk', '0561', 'member'],
    ['org admin', 'orgadmin@gladsaxe.dk', '0159', 'org_admin'],
    ['moderator', 'moderator@kombit.dk', 'KOMBIT', 'moderator'],
    ['admin', 'admin@kombit.dk', 'KOMBIT', 'admin'],
  ];
  for (const [actor, email, organizationCode, role] of users) {
    await t.createUser({ email, organizationCode, role });
    const session = await signIn(t.url, email, TEST_PASSWORD);
    if (actor === 'host') host = session;
    else as[actor] = session;
  }
  as.anonymous = new ApiSession(t.url);
  publicWebinar = await createWebinar('public');
  membersWebinar = await createWebinar('members');
});
afterAll(async () => {
  await t.close();
  rmSync(attachmentsDir, { recursive: true, force: true });
});

async function createWebinar(visibility: 'public' | 'members'): Promise<number> {
  const response = await host.post('/api/content', {
    kind: 'webinar',
    title: `Infrastruktur i praksis: erfaringer fra kommunerne (${visibility})`,
    body: 'Oplæg og materiale fra webinaret.',
    visibility,
    attributes: { startsAt: '2027-11-04T10:00:00+01:00', endsAt: '2027-11-04T12:00:00+01:00' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as number;
}

/**
 * A multipart body written by hand, so the file name arrives byte for byte as given (a browser's FormData
 * would escape some characters itself). A name with control characters, which a part header cannot carry
 * raw, goes percent-encoded in `filename*` (RFC 5987), as some clients send every name.
 */
function multipart(bytes: Buffer, fileName: string): { body: Buffer; contentType: string } {
  const boundary = `----infraforum${Math.random().toString(16).slice(2)}`;
  // eslint-disable-next-line no-control-regex -- the names under test carry control characters on purpose
  const name = /[\u0000-\u001f]/.test(fileName) ? `filename*=UTF-8''${encodeURIComponent(fileName)}` : `filename="${fileName}"`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${name}\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  return {
    body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API returned
type Json = any;

async function upload(
  session: ApiSession,
  contentId: number,
  bytes: Buffer,
  fileName: string,
  options: { csrfHeader?: boolean } = {},
): Promise<{ status: number; body: Json }> {
  const { body, contentType } = multipart(bytes, fileName);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (session.cookieHeader) headers.cookie = session.cookieHeader;
  if (options.csrfHeader !== false) headers['x-requested-with'] = 'infraforum';
  const response = await fetch(`${t.url}/api/content/${contentId}/attachments`, { method: 'POST', headers, body: new Uint8Array(body) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : undefined };
}

async function uploaded(contentId: number, bytes: Buffer, fileName: string): Promise<Json> {
  const response = await upload(host, contentId, bytes, fileName);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function download(session: ApiSession, url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}${url}`, { headers: { ...(session.cookieHeader ? { cookie: session.cookieHeader } : {}), ...headers } });
}

/** Every stored file (not the temp files of uploads in progress). */
function storedFiles(): string[] {
  return readdirSync(attachmentsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.relative(attachmentsDir, entry.parentPath).startsWith('incoming'))
    .map((entry) => entry.name);
}

/** Temp files of uploads being received (the directory appears with the first upload). */
const incomingFiles = () => (existsSync(path.join(attachmentsDir, 'incoming')) ? readdirSync(path.join(attachmentsDir, 'incoming')) : []);

/** Unique bytes per call, so tests do not share files through deduplication. */
let pngCounter = 0;
const uniquePng = () => Buffer.concat([PNG, Buffer.from(`tEXt${++pngCounter}-${Math.random()}`)]);

describe('uploading a PDF', () => {
  it('answers 201 with the file’s id, name, size, type, download address and searchability', async () => {
    const pdf = await pdfWithText(PHRASE);
    const attachment = await uploaded(publicWebinar, pdf, 'Slides fra webinaret.pdf');
    expect(attachment).toMatchObject({
      name: 'Slides fra webinaret.pdf',
      size: pdf.length,
      mediaType: 'application/pdf',
      url: `/api/attachments/${attachment.id}/Slides%20fra%20webinaret.pdf`,
      searchable: true,
    });
    expect(new Date(attachment.createdAt).getTime()).not.toBeNaN();
  });

  it('serves back exactly the bytes that were sent', async () => {
    const pdf = await pdfWithText('Bytes frem og tilbage');
    const attachment = await uploaded(publicWebinar, pdf, 'bytes.pdf');
    const response = await download(as.anonymous, attachment.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('serves it inline as application/pdf, unsniffed and without a sandbox (which blanks PDF viewers), with its length and its hash as ETag', async () => {
    const pdf = await pdfWithText('Overskrifter');
    const attachment = await uploaded(publicWebinar, pdf, 'overskrifter.pdf');
    const response = await download(as.member, attachment.url);
    const sha256 = (await t.db.query<{ sha256: string }>('SELECT sha256 FROM attachment WHERE id = $1', [attachment.id])).rows[0]!.sha256;
    expect(
      Object.fromEntries(
        ['content-type', 'x-content-type-options', 'content-security-policy', 'content-disposition', 'content-length', 'etag'].map(
          (name) => [name, response.headers.get(name)],
        ),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-security-policy': null,
      'content-disposition': `inline; filename="overskrifter.pdf"; filename*=UTF-8''overskrifter.pdf`,
      'content-length': String(pdf.length),
      etag: `"${sha256}"`,
    });
  });

  it('answers HEAD with the headers and no body', async () => {
    const pdf = await pdfWithText('Kun hoveder');
    const attachment = await uploaded(publicWebinar, pdf, 'hoveder.pdf');
    const response = await fetch(`${t.url}${attachment.url}`, { method: 'HEAD' });
    expect([response.status, response.headers.get('content-length'), response.headers.get('content-type')]).toEqual([
      200,
      String(pdf.length),
      'application/pdf',
    ]);
    expect(await response.text()).toBe('');
  });

  it('answers 304 without a body when If-None-Match names its ETag', async () => {
    const attachment = await uploaded(publicWebinar, await pdfWithText('Cache'), 'cache.pdf');
    const first = await download(as.member, attachment.url);
    const etag = first.headers.get('etag')!;
    const again = await download(as.member, attachment.url, { 'if-none-match': `W/"nope", ${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('keeps the text in the attachment row, for the search index', async () => {
    const attachment = await uploaded(membersWebinar, await pdfWithText(PHRASE), 'referat.pdf');
    await t.searchSettled();
    const { rows } = await t.db.query<{ text: string | null }>('SELECT text FROM attachment WHERE id = $1', [attachment.id]);
    expect(rows[0]!.text).toContain(PHRASE);
  });

  // Asserts the lead's part too (the attachment text in the search document, server/src/search/*).
  it('makes the webinar findable through /api/search by a phrase only its PDF contains', async () => {
    const webinar = await createWebinar('members');
    await uploaded(webinar, await pdfWithText('Kvartalsrapporten om Serviceplatformen viser markant færre nedbrud'), 'kvartal.pdf');
    await t.searchSettled();
    const response = await as.member.get(`/api/search?q=${encodeURIComponent('kvartalsrapporten serviceplatformen nedbrud')}`);
    expect(response.status).toBe(200);
    expect(response.body.hits.map((hit: Json) => hit.id)).toContain(webinar);
  });

  it('keeps a Danish file name as it was written', async () => {
    const attachment = await uploaded(publicWebinar, await pdfWithText('Æblegrød'), 'Præsentation – Ærø Kommune.pdf');
    expect(attachment.name).toBe('Præsentation – Ærø Kommune.pdf');
    const response = await download(as.anonymous, attachment.url);
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="Pr_sentation _ _r_ Kommune.pdf"; filename*=UTF-8''Pr%C3%A6sentation%20%E2%80%93%20%C3%86r%C3%B8%20Kommune.pdf`,
    );
  });
});

describe('serving files', () => {
  it('offers an Office document as a download, never inline', async () => {
    const attachment = await uploaded(publicWebinar, docx(), 'Referat.docx');
    expect(attachment.mediaType).toBe(DOCX_TYPE);
    const response = await download(as.anonymous, attachment.url);
    expect(response.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('serves an image sandboxed: no script, no requests, even if a browser took it for something else', async () => {
    const attachment = await uploaded(publicWebinar, uniquePng(), 'sandkasse.png');
    const response = await download(as.anonymous, attachment.url);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('lets shared caches keep a public webinar’s file for five minutes', async () => {
    const attachment = await uploaded(publicWebinar, uniquePng(), 'offentlig.png');
    const response = await download(as.anonymous, attachment.url);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('keeps a members-only webinar’s file out of shared caches', async () => {
    const attachment = await uploaded(membersWebinar, uniquePng(), 'medlemmer.png');
    const response = await download(as.member, attachment.url);
    expect(response.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
  });

  it('answers 404 for the right id under another name', async () => {
    const attachment = await uploaded(publicWebinar, uniquePng(), 'rigtigt-navn.png');
    const response = await download(as.anonymous, `/api/attachments/${attachment.id}/forkert-navn.png`);
    expect(response.status).toBe(404);
  });

  it('answers 404 for an id that is not one', async () => {
    const response = await download(as.anonymous, '/api/attachments/ikke-et-id/fil.pdf');
    expect(response.status).toBe(404);
  });

  it('answers 404 for a deleted file', async () => {
    const attachment = await uploaded(publicWebinar, uniquePng(), 'slettes.png');
    expect((await host.delete(`/api/attachments/${attachment.id}`)).status).toBe(204);
    expect((await download(as.anonymous, attachment.url)).status).toBe(404);
  });

  it('lists the item’s files in the order they were added', async () => {
    const webinar = await createWebinar('public');
    const first = await uploaded(webinar, uniquePng(), 'første.png');
    const second = await uploaded(webinar, await pdfWithText('Anden'), 'anden.pdf');
    const response = await as.anonymous.get(`/api/content/${webinar}/attachments`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: Json) => item.id)).toEqual([first.id, second.id]);
  });
});

describe('refusing files by their bytes', () => {
  it('refuses a PNG named .pdf, saying what it is', async () => {
    const response = await upload(host, publicWebinar, PNG, 'slides.pdf');
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toMatch(/^Filen er et PNG-billede, ikke en PDF/);
  });

  it('keeps neither a temp file nor a stored file of a refused upload', async () => {
    const before = storedFiles().length;
    const response = await upload(host, publicWebinar, Buffer.concat([PNG, Buffer.from('afvist')]), 'afvist.pdf');
    expect(response.status).toBe(400);
    expect(incomingFiles()).toEqual([]);
    expect(storedFiles()).toHaveLength(before);
  });

  it('refuses an HTML page named .pdf as a type that is not allowed', async () => {
    const response = await upload(host, publicWebinar, HTML, 'slides.pdf');
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toMatch(/^Filtypen er ikke tilladt/);
  });

  it.each(['tegning.svg', 'tegning.png'])('refuses an SVG with a script, named %s', async (fileName) => {
    const response = await upload(host, publicWebinar, SVG_WITH_SCRIPT, fileName);
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toMatch(/^Filtypen er ikke tilladt/);
  });

  it('refuses a plain zip, also when it is named .docx', async () => {
    const plain = zip([{ name: 'noter.txt', data: Buffer.from('Noter fra mødet') }]);
    const asZip = await upload(host, publicWebinar, plain, 'noter.zip');
    const asDocx = await upload(host, publicWebinar, plain, 'noter.docx');
    expect([asZip.status, asDocx.status]).toEqual([400, 400]);
    expect(asDocx.body.fields.file[0]).toMatch(/^Filtypen er ikke tilladt/);
  });

  it('refuses a Word document with 300 MB of zeros packed into it (a zip bomb), reading only its directory', async () => {
    const bomb = docx([{ name: 'word/media/image1.bin', ...(await deflatedZeros(300)) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const response = await upload(host, publicWebinar, bomb, 'bombe.docx');
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toBe('Office-dokumentet er pakket mistænkeligt tæt og kan ikke modtages.');
  });

  it('refuses a Word document that claims to unpack to more than 500 MB', async () => {
    // Declared sizes only: the directory says 2 × 300 MB at an innocent ratio, which is all that is read.
    const claim = (name: string) => ({ name, deflated: Buffer.alloc(2 * 1024 * 1024), size: 300 * 1024 * 1024, crc32: 0 });
    const response = await upload(host, publicWebinar, docx([claim('word/media/a.bin'), claim('word/media/b.bin')]), 'stor.docx');
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toBe('Office-dokumentet fylder for meget, når det pakkes ud.');
  });

  it('refuses a Word document with more than 10,000 parts', async () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `word/p${i}.xml`, data: Buffer.from('<p/>'), store: true }));
    const response = await upload(host, publicWebinar, docx(parts), 'mange-dele.docx');
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toBe('Office-dokumentet indeholder for mange dele.');
  });

  it('refuses an empty file', async () => {
    const response = await upload(host, publicWebinar, Buffer.alloc(0), 'tom.pdf');
    expect(response.status).toBe(400);
    expect(response.body.fields.file).toEqual(['Filen er tom.']);
  });

  it('accepts a JPEG named .jpeg', async () => {
    const response = await upload(host, publicWebinar, JPEG, 'foto.jpeg');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ name: 'foto.jpeg', mediaType: 'image/jpeg', searchable: false });
  });
});

describe('receiving the upload', () => {
  it('refuses a file over 50 MB with 413 and a message for the file, and leaves no temp file behind', async () => {
    const before = storedFiles().length;
    const response = await upload(host, publicWebinar, Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 1), 'kæmpe.pdf');
    expect(response.status).toBe(413);
    expect(response.body.fields.file).toEqual(['Filen er for stor. Den må højst fylde 50 MB.']);
    expect(incomingFiles()).toEqual([]);
    expect(storedFiles()).toHaveLength(before);
  });

  it('refuses a request without a file, with a message for the file field', async () => {
    const response = await fetch(`${t.url}/api/content/${publicWebinar}/attachments`, {
      method: 'POST',
      headers: { cookie: host.cookieHeader!, 'x-requested-with': 'infraforum', 'content-type': 'multipart/form-data; boundary=b' },
      body: '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nIngen fil\r\n--b--\r\n',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).fields.file).toEqual(['Vælg en fil, du vil vedhæfte.']);
  });

  it('refuses a multipart post without the X-Requested-With header that only our own pages send (CSRF)', async () => {
    const response = await upload(host, publicWebinar, uniquePng(), 'csrf.png', { csrfHeader: false });
    expect(response.status).toBe(415);
    const { rows } = await t.db.query(`SELECT 1 FROM attachment WHERE name = 'csrf.png'`);
    expect(rows).toHaveLength(0);
  });

  it('stores a path and control characters in the name as a harmless name', async () => {
    const response = await upload(host, publicWebinar, await pdfWithText('Sti'), '../../etc/passwd\u0000\u0007\u202e.pdf');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.name).toBe('passwd.pdf');
  });

  it('stores a Windows path and characters invalid in file names as a harmless name', async () => {
    const response = await upload(host, publicWebinar, await pdfWithText('Windows'), '..\\..\\Windows\\sy<s>|te:m*?.pdf');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.name).toBe('system.pdf');
  });

  it('names a file with nothing usable in its name "fil" with its type’s extension', async () => {
    const response = await upload(host, publicWebinar, uniquePng(), '...png');
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.name).toBe('fil.png');
  });

  it('cuts a very long name to 150 characters and keeps the extension', async () => {
    const response = await upload(host, publicWebinar, uniquePng(), `${'ø'.repeat(300)}.png`);
    expect(response.status).toBe(201);
    expect(response.body.name).toBe(`${'ø'.repeat(146)}.png`);
  });

  it('stores the same file uploaded twice once on disk, with two rows', async () => {
    const bytes = uniquePng();
    const before = storedFiles().length;
    const first = await uploaded(publicWebinar, bytes, 'a.png');
    const second = await uploaded(membersWebinar, bytes, 'b.png');
    expect(first.id).not.toBe(second.id);
    expect(storedFiles()).toHaveLength(before + 1);
    const { rows } = await t.db.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM attachment WHERE id = ANY($1::uuid[])', [
      [first.id, second.id],
    ]);
    expect(rows).toHaveLength(1);
  });

  it('keeps shared bytes while another row uses them, and removes them with the last row', async () => {
    const bytes = uniquePng();
    const before = storedFiles().length;
    const first = await uploaded(publicWebinar, bytes, 'delt-1.png');
    const second = await uploaded(publicWebinar, bytes, 'delt-2.png');
    expect((await host.delete(`/api/attachments/${first.id}`)).status).toBe(204);
    expect(storedFiles()).toHaveLength(before + 1);
    expect((await download(as.anonymous, second.url)).status).toBe(200);
    expect((await host.delete(`/api/attachments/${second.id}`)).status).toBe(204);
    expect(storedFiles()).toHaveLength(before);
  });

  it(`refuses a file beyond ${ATTACHMENTS_PER_CONTENT_MAX} on one item`, async () => {
    const webinar = await createWebinar('public');
    await t.db.query(
      `INSERT INTO attachment (content_id, sha256, name, size, media_type)
       SELECT $1, repeat('0', 64), 'fil-' || n || '.png', 1, 'image/png' FROM generate_series(1, $2::int) n`,
      [webinar, ATTACHMENTS_PER_CONTENT_MAX],
    );
    const response = await upload(host, webinar, uniquePng(), 'en-for-meget.png');
    expect(response.status).toBe(400);
    expect(response.body.fields.file[0]).toMatch(/^Der kan højst være 30 filer/);
  });

  it('refuses files on a kind that takes none (a question)', async () => {
    const question = await as.member.post('/api/content', {
      kind: 'question',
      title: 'Kan man vedhæfte filer?',
      body: 'Til et spørgsmål.',
    });
    expect(question.status).toBe(201);
    const response = await upload(as.member, question.body.id, uniquePng(), 'bilag.png');
    expect(response.status).toBe(403);
  });
});

describe('removing a file', () => {
  it('records it in the audit log when a moderator removes a file from someone else’s webinar', async () => {
    const attachment = await uploaded(publicWebinar, uniquePng(), 'revideres.png');
    expect((await as.moderator.delete(`/api/attachments/${attachment.id}`)).status).toBe(204);
    const { rows } = await t.db.query<{ action: string; before: Json }>(
      `SELECT action, before FROM audit_log WHERE target_type = 'attachment' AND target_id = $1`,
      [attachment.id],
    );
    expect(rows).toEqual([
      { action: 'attachment.delete', before: expect.objectContaining({ name: 'revideres.png', contentId: String(publicWebinar) }) },
    ]);
  });

  it('records nothing when the webinar’s own author removes a file', async () => {
    const attachment = await uploaded(publicWebinar, uniquePng(), 'egen.png');
    expect((await host.delete(`/api/attachments/${attachment.id}`)).status).toBe(204);
    const { rows } = await t.db.query(`SELECT 1 FROM audit_log WHERE target_id = $1`, [attachment.id]);
    expect(rows).toHaveLength(0);
  });
});

// Who may do what, on a public and on a members-only webinar planned by KOMBIT's host moderator.
// prettier-ignore
const MATRIX: Array<[Actor, { upload: number; list: [number, number]; download: [number, number]; delete: number }]> = [
  //                              upload  list (public, members)  download (public, members)  delete
  ['anonymous',                 { upload: 401, list: [200, 404], download: [200, 404], delete: 401 }],
  ['member',                    { upload: 403, list: [200, 200], download: [200, 200], delete: 403 }],
  ['other municipality member', { upload: 403, list: [200, 200], download: [200, 200], delete: 403 }],
  ['org admin',                 { upload: 403, list: [200, 200], download: [200, 200], delete: 403 }],
  ['moderator',                 { upload: 201, list: [200, 200], download: [200, 200], delete: 204 }],
  ['admin',                     { upload: 201, list: [200, 200], download: [200, 200], delete: 204 }],
];
const webinarOf = (visibility: 'public' | 'members') => (visibility === 'public' ? publicWebinar : membersWebinar);
const perVisibility = (statuses: [number, number] | number) =>
  (['public', 'members'] as const).map((visibility, i) => [visibility, typeof statuses === 'number' ? statuses : statuses[i]!] as const);

describe.each(MATRIX)('%s', (actor, expected) => {
  it.each(perVisibility(expected.upload))('uploads to a %s webinar: %i', async (visibility, status) => {
    const response = await upload(as[actor], webinarOf(visibility), uniquePng(), `matrix-${actor}.png`);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
  });

  it.each(perVisibility(expected.list))('lists the files of a %s webinar: %i', async (visibility, status) => {
    const response = await as[actor].get(`/api/content/${webinarOf(visibility)}/attachments`);
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.items.length).toBeGreaterThan(0);
  });

  it.each(perVisibility(expected.download))('downloads a file of a %s webinar: %i', async (visibility, status) => {
    const attachment = await uploaded(webinarOf(visibility), uniquePng(), 'matrix.png');
    const response = await download(as[actor], attachment.url);
    expect(response.status).toBe(status);
  });

  it.each(perVisibility(expected.delete))('deletes a file of a %s webinar: %i', async (visibility, status) => {
    const attachment = await uploaded(webinarOf(visibility), uniquePng(), 'matrix.png');
    const response = await as[actor].delete(`/api/attachments/${attachment.id}`);
    expect(response.status).toBe(status);
    const { rows } = await t.db.query<{ deleted: boolean }>('SELECT deleted_at IS NOT NULL AS deleted FROM attachment WHERE id = $1', [
      attachment.id,
    ]);
    expect(rows[0]!.deleted).toBe(status === 204);
  });
});
