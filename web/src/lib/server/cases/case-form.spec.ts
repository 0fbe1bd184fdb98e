import { describe, expect, it } from 'vitest';
import { compareRevisions } from '../content/revision-diff';
import { caseFieldErrors, checkCaseCreate, checkCaseUpdate, emptyCaseForm, readCaseForm, rearrangeRows, withBlankRows } from './case-form';

function formData(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const step = (index: number, title: string, text: string, who = '') => ({
  [`steps.${index}.title`]: title,
  [`steps.${index}.text`]: text,
  [`steps.${index}.who`]: who,
});

const filled = emptyCaseForm({
  title: 'Sådan flyttede vi KMD Nexus til SF1601',
  system: 'KMD Nexus',
  supplier: 'KMD',
  fromType: 'old_service',
  fromDescription: 'SF1600',
  toComponent: 'sf1601-digital-post',
  caseStatus: 'completed',
  body: 'Om flytningen.',
  steps: [{ title: 'Afdæk', text: 'Vi gennemgik integrationerne.', who: 'municipality' }],
});

describe('readCaseForm', () => {
  it('keeps the filled steps and requirement texts in order and counts the blank ones', () => {
    const values = readCaseForm(
      formData({
        ...step(0, 'Afdæk', 'Vi gennemgik Kitos.', 'municipality'),
        ...step(1, '', '', 'supplier'),
        ...step(2, 'Krav', 'Kravet kom i aftalen.'),
        'requirements.0': '',
        'requirements.1': 'Leverandøren skal bruge SF1601.',
      }),
    );
    expect(values.steps.map((row) => row.title)).toEqual(['Afdæk', 'Krav']);
    expect([values.emptySteps, values.requirements, values.emptyRequirements]).toEqual([1, ['Leverandøren skal bruge SF1601.'], 1]);
  });
});

describe('rearrangeRows', () => {
  const rows = { ...step(0, 'Første', 'a'), ...step(1, 'Anden', 'b'), ...step(2, 'Tredje', 'c'), ...step(3, '', '') };

  it('moves a step up and down', () => {
    expect(rearrangeRows(formData({ ...rows, rows: 'steps.up.1' })).steps.map((row) => row.title)).toEqual(['Anden', 'Første', 'Tredje']);
    expect(rearrangeRows(formData({ ...rows, rows: 'steps.down.1' })).steps.map((row) => row.title)).toEqual(['Første', 'Tredje', 'Anden']);
  });

  it('removes a step, and adds three blank rows on "Tilføj flere rækker"', () => {
    expect(rearrangeRows(formData({ ...rows, rows: 'steps.remove.0' })).steps.map((row) => row.title)).toEqual(['Anden', 'Tredje']);
    expect(rearrangeRows(formData({ ...rows, rows: 'steps.add' })).emptySteps).toBe(4);
  });

  it('adds and removes requirement fields', () => {
    const posted = { 'requirements.0': 'Krav et', 'requirements.1': 'Krav to' };
    expect(rearrangeRows(formData({ ...posted, rows: 'requirements.remove.0' })).requirements).toEqual(['Krav to']);
    expect(rearrangeRows(formData({ ...posted, rows: 'requirements.add' })).emptyRequirements).toBe(1);
  });
});

describe('withBlankRows', () => {
  it('never offers more rows than a case may have', () => {
    const steps = Array.from({ length: 29 }, () => ({ title: 'Trin', text: 'Tekst', who: '' }));
    expect(withBlankRows(emptyCaseForm({ steps, emptySteps: 0 }), 3).emptySteps).toBe(1);
  });
});

describe('checkCaseCreate', () => {
  it('sends the form as the API takes it', () => {
    const checked = checkCaseCreate({ ...filled, effortDays: '12,5', requirements: ['Leverandøren skal bruge SF1601.'] }, 'published');
    expect(checked.ok && checked.data.kind === 'case' ? checked.data.attributes : undefined).toMatchObject({
      system: 'KMD Nexus',
      from: { type: 'old_service', description: 'SF1600' },
      to: { component: 'sf1601-digital-post' },
      status: 'completed',
      effortDays: 12.5,
      steps: [{ title: 'Afdæk', text: 'Vi gennemgik integrationerne.', who: 'municipality' }],
      requirements: ['Leverandøren skal bruge SF1601.'],
      contactOptIn: false,
    });
  });

  it('names each missing field on the form field it belongs to', () => {
    const checked = checkCaseCreate(emptyCaseForm({ effortDays: 'mange' }), 'published');
    const fields = checked.ok ? {} : caseFieldErrors(checked.fields, { tags: '' });
    expect(Object.keys(fields).sort()).toEqual([
      'body',
      'caseStatus',
      'effortDays',
      'fromType',
      'supplier',
      'system',
      'title',
      'toComponent',
    ]);
    expect(fields.toComponent).toEqual(['Vælg den komponent eller service, der blev flyttet til']);
  });

  it('puts an end before the start on the end date', () => {
    const checked = checkCaseCreate({ ...filled, startDate: '2024-05-01', endDate: '2024-04-01' }, 'published');
    expect(checked.ok ? {} : caseFieldErrors(checked.fields, { tags: '' })).toEqual({
      endDate: ['Slutdatoen skal være samme dag som eller efter startdatoen'],
    });
  });

  it('puts a step’s problems on that step’s fields', () => {
    const checked = checkCaseCreate({ ...filled, steps: [...filled.steps, { title: 'Test', text: '', who: '' }] }, 'published');
    expect(checked.ok ? {} : caseFieldErrors(checked.fields, { tags: '' })).toEqual({ 'steps.1.text': ['Skriv hvad der blev gjort'] });
  });
});

describe('checkCaseUpdate', () => {
  it('sends the version the editor started from', () => {
    const checked = checkCaseUpdate({ ...filled, expectedVersion: '3' }, { status: undefined });
    expect(checked.ok ? checked.data.expectedVersion : undefined).toBe(3);
  });
});

describe('caseFieldErrors', () => {
  it('moves the API’s nested keys onto the form’s fields', () => {
    expect(
      caseFieldErrors(
        {
          'attributes.to.component': ['Ukendt komponent eller service: sf9999'],
          'attributes.from.type': ['Vælg'],
          'attributes.status': ['Vælg en status'],
          'attributes.steps': ['Beskriv mindst ét trin i en gennemført case'],
          'attributes.requirements.2': ['Skriv kravteksten (mindst 5 tegn)'],
          'tags.1': ['Ugyldigt'],
        },
        { tags: 'udbud, Hot Line!' },
      ),
    ).toEqual({
      toComponent: ['Ukendt komponent eller service: sf9999'],
      fromType: ['Vælg'],
      caseStatus: ['Vælg en status'],
      steps: ['Beskriv mindst ét trin i en gennemført case'],
      'requirements.2': ['Skriv kravteksten (mindst 5 tegn)'],
      tags: ['«Hot»: Ugyldigt'],
    });
  });
});

describe('a case’s history', () => {
  it('names the changed case fields in Danish and shows the steps as text', () => {
    const revision = (attributes: Record<string, unknown>) => ({
      version: 1,
      title: 'T',
      body: 'B',
      tags: [],
      attributes,
      editor: null,
      editedAt: '2024-01-01T00:00:00Z',
      reason: null,
      current: false,
    });
    const changes = compareRevisions(
      revision({ status: 'in_progress', steps: [{ title: 'Afdæk', text: 'a' }] }),
      revision({ status: 'completed', steps: [{ title: 'Afdæk', text: 'a', who: 'supplier' }] }),
    );
    expect(changes.map((change) => change.label)).toEqual(['Status', 'Trin for trin']);
    expect(changes[0]!.parts.map((part) => part.text).join('|')).toBe('I gang|Gennemført');
    expect(changes[1]!.parts.find((part) => part.change === 'added')?.text).toContain('(Leverandøren)');
  });
});
