import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from './api-exception.js';

const Schema = z.strictObject({
  email: z.string({ error: 'Skriv din e-mailadresse' }),
  address: z.strictObject({ city: z.string({ error: 'Skriv byen' }) }),
});

const fieldsFor = (input: unknown) => {
  const result = Schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be invalid');
  return fieldErrorsFromZod(result.error);
};

describe('fieldErrorsFromZod', () => {
  it('keys each message by the field’s dotted path', () => {
    expect(fieldsFor({ email: 1, address: {} })).toEqual({ email: ['Skriv din e-mailadresse'], 'address.city': ['Skriv byen'] });
  });

  it('keys a problem with the whole body as _', () => {
    expect(Object.keys(fieldsFor([]))).toEqual(['_']);
  });

  it('names each unknown field on its own', () => {
    expect(fieldsFor({ email: 'a', address: { city: 'b' }, role: 'admin', status: 'active' })).toEqual({
      role: ['Ukendt felt'],
      status: ['Ukendt felt'],
    });
  });

  it('names an unknown field inside a nested object by its full path', () => {
    expect(fieldsFor({ email: 'a', address: { city: 'b', zip: '2860' } })).toEqual({ 'address.zip': ['Ukendt felt'] });
  });

  it.each(['__proto__', 'constructor', 'toString'])('keeps the unknown field %s as a plain key', (key) => {
    const fields = fieldsFor(JSON.parse(`{"email": "a", "address": {"city": "b"}, "${key}": {"x": 1}}`));
    expect(Object.keys(fields)).toEqual([key]);
    expect(Object.getOwnPropertyDescriptor(fields, key)?.value).toEqual(['Ukendt felt']);
  });

  it('does not repeat a message for the same field', () => {
    const fields = fieldErrorsFromZod(z.string().min(3, { error: 'For kort' }).min(2, { error: 'For kort' }).safeParse('a').error!);
    expect(fields).toEqual({ _: ['For kort'] });
  });
});
