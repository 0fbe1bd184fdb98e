import { describe, expect, it } from 'vitest';
import { UpdateProfileSchema } from './accounts.js';
import { LoginSchema, RegisterSchema } from './auth.js';

const valid = { email: 'mette@gladsaxe.dk', password: 'Grøn-Cykel-Over-Broen-7', name: 'Mette Hansen', organizationCode: '0159' };

/** The messages zod gives, keyed by field, as the API sends them. */
function messages(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (fields[issue.path.join('.')] ??= []).push(issue.message);
  return fields;
}

describe('RegisterSchema', () => {
  it('accepts a complete sign-up', () => {
    expect(RegisterSchema.safeParse(valid).success).toBe(true);
  });

  it('trims and lower-cases the e-mail address', () => {
    expect(RegisterSchema.parse({ ...valid, email: '  Mette.Hansen@Gladsaxe.DK ' }).email).toBe('mette.hansen@gladsaxe.dk');
  });

  it('trims the name', () => {
    expect(RegisterSchema.parse({ ...valid, name: '  Mette Hansen  ' }).name).toBe('Mette Hansen');
  });

  it.each([
    ['159', '0159'],
    ['0159', '0159'],
    [' 101 ', '0101'],
    ['KOMBIT', 'KOMBIT'],
  ])('reads the organization code %j as %j', (organizationCode, expected) => {
    expect(RegisterSchema.parse({ ...valid, organizationCode }).organizationCode).toBe(expected);
  });

  it.each(['15', '01590', 'kombit', 'ABC', ''])('rejects the organization code %j', (organizationCode) => {
    expect(messages(RegisterSchema.safeParse({ ...valid, organizationCode }))).toEqual({
      organizationCode: ['Vælg en kommune fra listen'],
    });
  });

  it.each([
    [{ email: 'not-an-address' }, 'email', 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk'],
    [{ password: 'kort' }, 'password', 'Adgangskoden skal være på mindst 12 tegn'],
    [{ password: 'x'.repeat(257) }, 'password', 'Adgangskoden må højst være på 256 tegn'],
    [{ name: 'M' }, 'name', 'Skriv dit fulde navn'],
    [{ name: 'x'.repeat(121) }, 'name', 'Navnet må højst være på 120 tegn'],
    [{ name: 'Mette <b>Hansen</b>' }, 'name', 'Navnet må ikke indeholde tegnene < > { } \\'],
  ])('explains in Danish what is wrong with %j', (change, field, message) => {
    expect(messages(RegisterSchema.safeParse({ ...valid, ...change }))).toEqual({ [field]: [message] });
  });

  it('names each missing field with a Danish message', () => {
    expect(messages(RegisterSchema.safeParse({}))).toEqual({
      email: ['Skriv din e-mailadresse'],
      password: ['Vælg en adgangskode'],
      name: ['Skriv dit navn'],
      organizationCode: ['Vælg en kommune'],
    });
  });

  it('rejects unknown fields, so a client cannot choose its own role', () => {
    const result = RegisterSchema.safeParse({ ...valid, role: 'admin' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['role'] });
  });
});

describe('LoginSchema', () => {
  it('lower-cases the e-mail so login is case-insensitive', () => {
    expect(LoginSchema.parse({ email: 'METTE@gladsaxe.dk', password: 'x' }).email).toBe('mette@gladsaxe.dk');
  });

  it('asks for the password in Danish when it is empty', () => {
    expect(messages(LoginSchema.safeParse({ email: 'mette@gladsaxe.dk', password: '' }))).toEqual({ password: ['Skriv din adgangskode'] });
  });
});

describe('UpdateProfileSchema', () => {
  const profile = { name: 'Mette Hansen', title: 'IT-arkitekt', phone: '+45 12 34 56 78', showContactDetails: true };

  it('accepts a complete profile', () => {
    expect(UpdateProfileSchema.parse(profile)).toEqual(profile);
  });

  it('trims the text fields', () => {
    expect(UpdateProfileSchema.parse({ ...profile, name: ' Mette Hansen ', title: ' IT-arkitekt ', phone: ' 12345678 ' })).toMatchObject({
      name: 'Mette Hansen',
      title: 'IT-arkitekt',
      phone: '12345678',
    });
  });

  it('stores an empty title or phone as null', () => {
    expect(UpdateProfileSchema.parse({ ...profile, title: '   ', phone: '' })).toMatchObject({ title: null, phone: null });
  });

  it.each([
    [{ name: '<script>alert(1)</script>' }, 'name', 'Navnet må ikke indeholde tegnene < > { } \\'],
    [{ title: 'Chef {admin}' }, 'title', 'Feltet må ikke indeholde tegnene < > { } \\'],
    [{ title: 'x'.repeat(101) }, 'title', 'Titlen må højst være på 100 tegn'],
    [{ phone: '12 34' }, 'phone', 'Skriv et telefonnummer med 8 cifre, evt. med landekode, fx +45 12 34 56 78'],
    [{ phone: 'ring til mig' }, 'phone', 'Skriv et telefonnummer med 8 cifre, evt. med landekode, fx +45 12 34 56 78'],
    [{ showContactDetails: 'ja' }, 'showContactDetails', 'Vælg om dine kontaktoplysninger må vises'],
  ])('explains in Danish what is wrong with %j', (change, field, message) => {
    expect(messages(UpdateProfileSchema.safeParse({ ...profile, ...change }))).toEqual({ [field]: [message] });
  });
});
