import { describe, expect, it } from 'vitest';
import { checkCreate, checkUpdate, emptyContentForm, formFieldErrors, parseQuestionReference, splitTags } from './content-form';

describe('splitTags', () => {
  it('splits on commas and spaces', () => {
    expect(splitTags(' login, hotline  context-handler,')).toEqual(['login', 'hotline', 'context-handler']);
  });
});

describe('parseQuestionReference', () => {
  it.each([
    ['123', 123],
    ['#45', 45],
    ['/spoergsmaal/77-context-handler-er-nede', 77],
    ['https://infraforum.dk/spoergsmaal/9-titel?x=1', 9],
    ['', null],
    ['   ', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseQuestionReference(text)).toBe(expected);
  });

  it('refuses what is not a question', () => {
    expect(parseQuestionReference('/vejledninger/12-noget')).toBeUndefined();
    expect(parseQuestionReference('tolv')).toBeUndefined();
  });
});

describe('formFieldErrors', () => {
  it('moves nested API field errors onto the form fields, naming the tag at fault', () => {
    const values = emptyContentForm({ tags: 'login, Hot Line!' });
    expect(
      formFieldErrors(
        {
          'attributes.severity': ['Vælg'],
          'attributes.intranetNotice.maintenance': ['For lang'],
          'attributes.affectedSystems.3': ['For lang'],
          'components.0': ['Ukendt komponent: x'],
          'tags.2': ['Ugyldigt emneord'],
          duplicateOfId: ['Findes ikke'],
          expectedVersion: ['Mærkeligt'],
        },
        values,
      ),
    ).toEqual({
      severity: ['Vælg'],
      intranetMaintenance: ['For lang'],
      affectedSystems: ['For lang'],
      components: ['Ukendt komponent: x'],
      tags: ['«Line!»: Ugyldigt emneord'],
      duplicateOf: ['Findes ikke'],
      _: ['Mærkeligt'],
    });
  });
});

describe('checkCreate', () => {
  it('asks for the missing title, text, component and severity of a guide in Danish', () => {
    const checked = checkCreate('guide', emptyContentForm(), 'published');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.fields)).toEqual(expect.arrayContaining(['title', 'body', 'attributes.component', 'attributes.severity']));
    expect(checked.fields['attributes.component']).toEqual(['Vælg den komponent, vejledningen handler om']);
  });

  it('builds a guide with catalog and free-text systems and blank intranet texts', () => {
    const checked = checkCreate(
      'guide',
      emptyContentForm({
        title: 'Context Handler er nede',
        body: 'Tekst',
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['BBR'],
        otherSystems: 'Lokalt ESDH, Vagtplan',
        action: 'Ring til KOMBIT',
      }),
      'draft',
    );
    expect(checked).toMatchObject({
      ok: true,
      data: {
        kind: 'guide',
        status: 'draft',
        attributes: {
          component: 'context-handler',
          affectedSystems: ['BBR', 'Lokalt ESDH', 'Vagtplan'],
          intranetNotice: { outage: '', maintenance: '' },
        },
      },
    });
  });
});

describe('checkUpdate', () => {
  const question = emptyContentForm({ title: 'Context Handler er nede', body: 'Tekst', expectedVersion: '3' });

  it('sends the duplicate link only when it changes', () => {
    const unchanged = checkUpdate('question', { ...question, duplicateOf: '12' }, { status: undefined, currentDuplicateOfId: 12 });
    expect(unchanged.ok && 'duplicateOfId' in unchanged.data).toBe(false);
    const removed = checkUpdate('question', question, { status: undefined, currentDuplicateOfId: 12 });
    expect(removed).toMatchObject({ ok: true, data: { duplicateOfId: null, expectedVersion: 3 } });
  });

  it('refuses a duplicate reference that is not a question', () => {
    const checked = checkUpdate('question', { ...question, duplicateOf: 'noget andet' }, { status: undefined, currentDuplicateOfId: null });
    expect(checked).toMatchObject({ ok: false, fields: { duplicateOfId: ['Skriv nummeret eller adressen på det andet spørgsmål'] } });
  });
});
