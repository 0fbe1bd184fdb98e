import { describe, expect, it } from 'vitest';
import { readSuggestionFilters, suggestionListHref } from '../../components/suggestions/suggestion-list-url';
import { checkMergeForm, checkStatusForm, emptySuggestionForm, suggestionFieldErrors, suggestionIdFrom } from './suggestion-form';

describe('suggestionIdFrom', () => {
  it.each([
    ['12', 12],
    ['#12', 12],
    ['/emneforslag/12-kursus-i-logfiler', 12],
    ['https://infraforum.dk/emneforslag/12-kursus?x=1', 12],
  ])('reads %j as %j', (text, expected) => {
    expect(suggestionIdFrom(text)).toBe(expected);
  });

  it('leaves what is not a suggestion as typed, and blank as missing', () => {
    expect(suggestionIdFrom('/spoergsmaal/12-titel')).toBe('/spoergsmaal/12-titel');
    expect(suggestionIdFrom('  ')).toBeUndefined();
  });
});

describe('checkStatusForm', () => {
  it('asks for a reason when a suggestion is declined', () => {
    expect(checkStatusForm({ status: 'declined', reason: ' ', webinarId: '' })).toEqual({
      ok: false,
      fields: { reason: ['Skriv en begrundelse, når et forslag afvises'] },
    });
  });

  it('asks for a webinar when a suggestion is planned', () => {
    expect(checkStatusForm({ status: 'planned', reason: '', webinarId: '' })).toEqual({
      ok: false,
      fields: { webinarId: ['Vælg det webinar, forslaget er planlagt til'] },
    });
  });

  it('sends the webinar only with planned or held', () => {
    expect(checkStatusForm({ status: 'considering', reason: '', webinarId: '7' })).toEqual({ ok: true, data: { status: 'considering' } });
    expect(checkStatusForm({ status: 'planned', reason: '', webinarId: '7' })).toEqual({
      ok: true,
      data: { status: 'planned', webinarId: 7 },
    });
  });
});

describe('checkMergeForm', () => {
  it('refuses merging a suggestion into itself', () => {
    expect(checkMergeForm({ intoId: '/emneforslag/5-titel', reason: '' }, 5)).toEqual({
      ok: false,
      fields: { intoId: ['Vælg et andet forslag end dette'] },
    });
  });

  it('refuses a missing suggestion with the schema’s message', () => {
    const checked = checkMergeForm({ intoId: '', reason: '' }, 5);
    expect(checked.ok ? [] : checked.fields.intoId).toEqual(['Angiv id på det forslag, der skal beholdes']);
  });
});

describe('suggestionFieldErrors', () => {
  it('moves the API’s contact errors onto the contact fields, naming the tag at fault', () => {
    const values = emptySuggestionForm({ tags: 'snitflader, Hot Line!' });
    expect(
      suggestionFieldErrors(
        {
          'attributes.contact.email': ['Skriv en gyldig e-mailadresse, fx navn@kommune.dk'],
          'attributes.contact': ['Skriv dine kontaktoplysninger: navn og e-mail'],
          'tags.1': ['Ugyldigt'],
          status: ['Forkert'],
        },
        values,
      ),
    ).toEqual({
      contactEmail: ['Skriv en gyldig e-mailadresse, fx navn@kommune.dk'],
      contactName: ['Skriv dine kontaktoplysninger: navn og e-mail'],
      tags: ['«Hot»: Ugyldigt'],
      _: ['Forkert'],
    });
  });
});

describe('the list’s address', () => {
  it('keeps known filters, drops defaults and unknown values', () => {
    const filters = readSuggestionFilters(new URLSearchParams('sortering=status&status=planned&komponent=context-handler&side=2&x=1'));
    expect(suggestionListHref(filters)).toBe('/emneforslag?sortering=status&status=planned&komponent=context-handler&side=2');
    expect(suggestionListHref(readSuggestionFilters(new URLSearchParams('sortering=votes&status=maybe&side=0')))).toBe('/emneforslag');
  });
});
