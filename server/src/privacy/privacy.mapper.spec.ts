import { describe, expect, it } from 'vitest';
import { PersonalDataExportSchema } from '@infraforum/shared';
import { toPersonalDataExport } from './privacy.mapper.js';
import type { OwnRevisionRow, PersonalDataRows } from './privacy.repository.js';

const AT = new Date('2025-03-04T09:30:00Z');

function rows(overrides: Partial<PersonalDataRows> = {}): PersonalDataRows {
  return {
    profile: {
      id: 'u1',
      name: 'Sofie Lund',
      email: 'sofie@gladsaxe.dk',
      title: null,
      phone: null,
      show_contact_details: false,
      role: 'member',
      status: 'active',
      email_verified_at: AT,
      created_at: AT,
      last_login_at: null,
      deleted_at: null,
      organization_id: 'o1',
      organization_code: '0159',
      organization_name: 'Gladsaxe',
      organization_type: 'municipality',
    },
    content: [],
    revisions: [],
    replies: [],
    votes: [],
    flags: [],
    registrations: [],
    workingOn: [],
    proposals: [],
    dialogueAnswers: [],
    subscriptions: [],
    notificationSettings: null,
    notifications: [],
    attachments: [],
    audit: [],
    ...overrides,
  };
}

const revision = (ownItem: boolean): OwnRevisionRow => ({
  content_id: '7',
  reply_id: null,
  version: 2,
  title: 'Før',
  body: 'Teksten før rettelsen',
  tags: [],
  attributes: {},
  reason: 'Stavefejl',
  edited_at: AT,
  own_item: ownItem,
});

describe('toPersonalDataExport', () => {
  it('gives what the contract describes, with the time of the export', () => {
    const exported = toPersonalDataExport(rows(), AT);
    expect(PersonalDataExportSchema.parse(exported)).toEqual(exported);
    expect(exported.exportedAt).toBe('2025-03-04T09:30:00.000Z');
  });

  it('counts an edit as the version it made, one after the version it replaced', () => {
    expect(toPersonalDataExport(rows({ revisions: [revision(true)] }), AT).revisions[0]?.version).toBe(3);
  });

  it('keeps the replaced text of the member’s own item', () => {
    expect(toPersonalDataExport(rows({ revisions: [revision(true)] }), AT).revisions[0]?.previous?.body).toBe('Teksten før rettelsen');
  });

  it('leaves out the replaced text of an item someone else wrote', () => {
    expect(toPersonalDataExport(rows({ revisions: [revision(false)] }), AT).revisions[0]?.previous).toBeNull();
  });

  it('gives content ids as numbers and the attachment size as a number', () => {
    const exported = toPersonalDataExport(
      rows({
        attachments: [
          {
            id: 'a1',
            content_id: '12',
            name: 'plan.pdf',
            media_type: 'application/pdf',
            size: '2048',
            sha256: 'f'.repeat(64),
            deleted_at: null,
            created_at: AT,
          },
        ],
      }),
      AT,
    );
    expect(exported.attachments[0]).toMatchObject({ contentId: 12, size: 2048, deleted: false });
  });
});
