import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const COMMITTED_TYPES = new URL('../../web/src/lib/api/schema.d.ts', import.meta.url);
const COMMITTED_DOCUMENT = new URL('../../web/src/lib/api/openapi.json', import.meta.url);
const REGENERATE =
  'The committed API client is out of date: run `npm run build -w @infraforum/shared -w @infraforum/server && npm run api:generate` and commit the result.';

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, unknown> } }> };
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

let t: TestApp;
let document: OpenApiDocument;

beforeAll(async () => {
  // scripts/generate-api.mjs documents an app started with NODE_ENV=development; the drift check must see the same routes.
  t = await startTestApp({ env: { NODE_ENV: 'development' } });
  const response = await fetch(`${t.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});
afterAll(async () => {
  await t.close();
});

const operation = (method: string, path: string) => document.paths[path]?.[method.toLowerCase()];
const bodySchema = (method: string, path: string) => operation(method, path)?.requestBody?.content['application/json']?.schema;

// Every route of the API, with the controller method that answers it (its operationId).
// prettier-ignore
const ROUTES: Array<[method: string, path: string, operationId: string]> = [
  ['GET',  '/api/health',                           'getHealth'],
  ['GET',  '/api/organizations',                    'listOrganizations'],
  ['GET',  '/api/organizations/{code}',             'getOrganization'],
  ['POST', '/api/auth/register',                    'register'],
  ['POST', '/api/auth/verify',                      'verifyEmail'],
  ['POST', '/api/auth/resend-verification',         'resendVerification'],
  ['POST', '/api/auth/login',                       'login'],
  ['GET',  '/api/auth/me',                          'getMe'],
  ['POST', '/api/auth/logout',                      'logout'],
  ['POST', '/api/auth/forgot-password',             'forgotPassword'],
  ['POST', '/api/auth/reset-password',              'resetPassword'],
  ['POST', '/api/auth/change-password',             'changePassword'],
  ['PUT',  '/api/profile',                          'updateProfile'],
  ['GET',  '/api/organizations/{code}/users',       'listOrganizationUsers'],
  ['POST', '/api/users/{id}/approve',               'approveUser'],
  ['POST', '/api/users/{id}/suspend',               'suspendUser'],
  ['POST', '/api/users/{id}/reactivate',            'reactivateUser'],
  ['PUT',  '/api/users/{id}/role',                  'setUserRole'],
  ['GET',  '/api/dev/mail',                         'listDevMail'],
  ['GET',    '/api/content',                        'listContent'],
  ['POST',   '/api/content',                        'createContent'],
  ['GET',    '/api/content/{id}',                   'getContent'],
  ['PATCH',  '/api/content/{id}',                   'updateContent'],
  ['DELETE', '/api/content/{id}',                   'deleteContent'],
  ['POST',   '/api/content/{id}/moderation',        'moderateContent'],
  ['GET',    '/api/content/{id}/revisions',         'listRevisions'],
  ['POST',   '/api/content/{id}/replies',           'createReply'],
  ['POST',   '/api/content/{id}/vote',              'voteOnContent'],
  ['POST',   '/api/markdown/preview',               'previewMarkdown'],
  ['GET',    '/api/replies/{id}',                   'getReply'],
  ['PATCH',  '/api/replies/{id}',                   'updateReply'],
  ['DELETE', '/api/replies/{id}',                   'deleteReply'],
  ['POST',   '/api/replies/{id}/vote',              'voteOnReply'],
  ['POST',   '/api/replies/{id}/accept',            'acceptReply'],
  ['DELETE', '/api/replies/{id}/accept',            'unacceptReply'],
  ['POST',   '/api/replies/{id}/move',              'moveReply'],
  ['GET',    '/api/catalog/components',             'listComponents'],
  ['GET',    '/api/catalog/components/{slug}',      'getComponent'],
  ['PATCH',  '/api/catalog/components/{slug}',      'updateComponent'],
  ['GET',    '/api/catalog/systems',                'listSystems'],
  ['GET',    '/api/catalog/impact',                 'getImpact'],
  ['GET',    '/api/search',                         'searchContent'],
  ['GET',    '/api/search/suggest',                 'suggest'],
  ['GET',    '/api/search/synonyms',                'listSynonyms'],
  ['POST',   '/api/search/synonyms',                'createSynonyms'],
  ['PUT',    '/api/search/synonyms/{id}',           'updateSynonyms'],
  ['DELETE', '/api/search/synonyms/{id}',           'deleteSynonyms'],
  ['GET',    '/api/content/{id}/attachments',       'listAttachments'],
  ['POST',   '/api/content/{id}/attachments',       'createAttachment'],
  ['GET',    '/api/attachments/{id}/{name}',        'downloadAttachment'],
  ['DELETE', '/api/attachments/{id}',               'deleteAttachment'],
  ['POST',   '/api/content/{id}/status',            'changeContentStatus'],
  ['POST',   '/api/content/{id}/merge',             'mergeSuggestion'],
  ['GET',    '/api/webinars/calendar.ics',          'webinarCalendarFeed'],
  ['GET',    '/api/webinars/{id}/calendar.ics',     'webinarCalendar'],
  ['POST',   '/api/webinars/{id}/registrations',    'registerForWebinar'],
  ['DELETE', '/api/webinars/{id}/registrations',    'unregisterFromWebinar'],
  ['GET',    '/api/webinars/{id}/registrations',    'listRegistrations'],
  ['GET',    '/api/notifications',                  'listNotifications'],
  ['POST',   '/api/notifications/read',             'markNotificationsRead'],
  ['GET',    '/api/webinars/{id}/dialogue',         'listDialogueQuestions'],
  ['POST',   '/api/webinars/{id}/dialogue',         'createDialogueQuestion'],
  ['PATCH',  '/api/dialogue/{questionId}',          'updateDialogueQuestion'],
  ['DELETE', '/api/dialogue/{questionId}',          'deleteDialogueQuestion'],
  ['POST',   '/api/dialogue/{questionId}/answers',  'answerDialogueQuestion'],
  ['GET',    '/api/dialogue/{questionId}/results',  'getDialogueResults'],
  ['POST',   '/api/dialogue/answers/{answerId}/hide',   'hideDialogueAnswer'],
  ['POST',   '/api/dialogue/answers/{answerId}/unhide', 'unhideDialogueAnswer'],
  ['GET',    '/api/cases/matrix',                   'caseMatrix'],
  ['POST',   '/api/content/{id}/working-on',        'markWorkingOn'],
  ['DELETE', '/api/content/{id}/working-on',        'unmarkWorkingOn'],
  ['POST',   '/api/content/{id}/flags',             'flagContent'],
  ['POST',   '/api/replies/{id}/flags',             'flagReply'],
  ['GET',    '/api/moderation/queue',               'moderationQueue'],
  ['POST',   '/api/moderation/flags/{id}/resolve',  'resolveFlag'],
  ['GET',    '/api/audit',                          'listAudit'],
  ['GET',    '/api/me/subscriptions',               'getSubscriptions'],
  ['PUT',    '/api/me/subscriptions',               'replaceSubscriptions'],
  ['POST',   '/api/me/subscriptions',               'follow'],
  ['DELETE', '/api/me/subscriptions/{type}/{key}',  'unfollow'],
  ['GET',    '/api/me/notification-settings',       'getNotificationSettings'],
  ['PUT',    '/api/me/notification-settings',       'updateNotificationSettings'],
  ['GET',    '/api/notifications/unsubscribe',      'checkUnsubscribeToken'],
  ['POST',   '/api/notifications/unsubscribe',      'unsubscribe'],
  ['POST',   '/api/content/{id}/checked',           'markContentChecked'],
  ['GET',    '/api/review/outdated',                'listOutdatedContent'],
  ['GET',    '/api/toolbox/sections',               'listToolboxSections'],
  ['POST',   '/api/toolbox/sections',               'createToolboxSection'],
  ['GET',    '/api/toolbox/sections/{slug}',        'getToolboxSection'],
  ['PATCH',  '/api/toolbox/sections/{slug}',        'updateToolboxSection'],
  ['DELETE', '/api/toolbox/sections/{slug}',        'deleteToolboxSection'],
  ['POST',   '/api/toolbox/sections/{slug}/items',  'addToolboxItem'],
  ['PATCH',  '/api/toolbox/sections/{slug}/items/{itemId}', 'updateToolboxItem'],
  ['DELETE', '/api/toolbox/sections/{slug}/items/{itemId}', 'removeToolboxItem'],
  ['POST',   '/api/toolbox/sections/{slug}/proposals',      'proposeToolboxItem'],
  ['GET',    '/api/toolbox/proposals',              'listToolboxProposals'],
  ['POST',   '/api/toolbox/proposals/{id}/accept',  'acceptToolboxProposal'],
  ['POST',   '/api/toolbox/proposals/{id}/decline', 'declineToolboxProposal'],
  ['GET',    '/api/feeds/{kind}.{format}',          'contentFeed'],
  ['GET',    '/api/feeds/components/{slug}.{format}', 'componentFeed'],
  ['GET',    '/api/feeds/tags/{tag}.{format}',      'tagFeed'],
  ['GET',    '/api/feeds/toolbox/{slug}.{format}',  'toolboxFeed'],
  ['GET',    '/api/me/export',                      'exportMyData'],
  ['DELETE', '/api/me',                             'deleteMyAccount'],
  ['POST',   '/api/content/{id}/publishing',        'publishingStep'],
  ['GET',    '/api/publishing/queue',               'listPublishingQueue'],
];

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document', () => {
    expect(document.openapi).toMatch(/^3\./);
  });

  it.each(ROUTES)('documents %s %s as operation %s', (method, path, operationId) => {
    expect(operation(method, path)?.operationId).toBe(operationId);
  });

  it('documents no route beyond those', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(([method, path]) => `${method} ${path}`).sort());
  });

  it('gives every operation a unique operationId', () => {
    const ids = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    ['POST', '/api/auth/register', ['email', 'password', 'name', 'organizationCode']],
    ['POST', '/api/auth/login', ['email', 'password']],
    ['POST', '/api/auth/verify', ['token']],
    ['POST', '/api/auth/forgot-password', ['email']],
    ['POST', '/api/auth/reset-password', ['token', 'password']],
    ['POST', '/api/auth/change-password', ['currentPassword', 'newPassword']],
    ['PUT', '/api/profile', ['name', 'title', 'phone', 'showContactDetails']],
    ['PUT', '/api/users/{id}/role', ['role']],
    ['POST', '/api/content/{id}/replies', ['body']],
    ['POST', '/api/content/{id}/vote', ['value']],
    ['POST', '/api/content/{id}/moderation', ['action', 'reason']],
  ])('describes the body of %s %s with the zod schema, requiring %j', (method, path, required) => {
    expect(bodySchema(method, path)?.required).toEqual(required);
  });

  it('carries the zod rules into the schema, e.g. the password’s minimum length and the name’s forbidden characters', () => {
    expect(bodySchema('POST', '/api/auth/register')).toMatchObject({
      additionalProperties: false,
      properties: { password: { type: 'string', minLength: 12 }, name: { type: 'string', pattern: expect.stringContaining('<>') } },
    });
  });

  it('matches the committed web/src/lib/api/openapi.json', () => {
    const committed = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8')) as unknown;
    expect(document, REGENERATE).toEqual(committed);
  });

  it('renders to exactly the committed client types in web/src/lib/api/schema.d.ts', async () => {
    // A .mjs script without type declarations: imported by URL, typed here.
    const { renderApiTypes } = (await import(new URL('../../scripts/render-api-types.mjs', import.meta.url).href)) as {
      renderApiTypes: (document: unknown) => Promise<string>;
    };
    const rendered = await renderApiTypes(document);
    const committed = readFileSync(COMMITTED_TYPES, 'utf8');
    expect(rendered === committed, REGENERATE).toBe(true);
  });
});

describe('GET /api/docs', () => {
  it('serves the Swagger UI as HTML', async () => {
    const response = await fetch(`${t.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toMatch(/swagger/i);
  });
});
