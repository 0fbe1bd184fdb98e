import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

const TOO_COMMON = /for almindelig/;

describe('passwordProblem', () => {
  it.each(['Korrekt-Hest-Batteri-Klips', 'Grøn cykel over broen ved havnen', 'tre-små-grise-byggede-huse', 'Vi ses i Vejle kl. 14:30!'])(
    'lets the passphrase %j pass',
    (password) => {
      expect(passwordProblem(password)).toBeUndefined();
    },
  );

  it.each(['', 'kort', 'Elleve-tegn'])('asks for at least 12 characters from %j', (password) => {
    expect(passwordProblem(password)).toBe('Adgangskoden skal være på mindst 12 tegn');
  });

  it.each([
    ['password1234', 'on the breach lists'],
    ['qwertyuiopasdf', 'a row of a US keyboard'],
    ['qwertyuiopåasdf', 'a row of a Danish keyboard'],
    ['sommer2024!!!!', 'a Danish word with a year and signs around it'],
    ['Velkommen123!', 'a municipal default password'],
    ['ADGANGSKODE2024', 'the Danish word for password, in capitals'],
    ['123456789012', 'digits only, in a row'],
    ['abcdefghijklmn', 'the alphabet'],
    ['nmlkjihgfedcba', 'the alphabet backwards'],
  ])('refuses %j as too common (%s)', (password) => {
    expect(passwordProblem(password)).toMatch(TOO_COMMON);
  });

  it.each(['passwordpassword', 'abcabcabcabc', 'xxxxxxxxxxxx', 'hej!hej!hej!hej!'])('refuses the repeated pattern %j', (password) => {
    expect(passwordProblem(password)).toMatch(TOO_COMMON);
  });

  it('refuses a password that contains the e-mail address’s local part', () => {
    expect(passwordProblem('mette.hansen-2024-x', { email: 'mette.hansen@gladsaxe.dk' })).toBe(
      'Adgangskoden må ikke indeholde din e-mailadresse',
    );
  });

  it('looks at the e-mail regardless of case', () => {
    expect(passwordProblem('MetteHansen-Er-Her', { email: 'mettehansen@gladsaxe.dk' })).toBe(
      'Adgangskoden må ikke indeholde din e-mailadresse',
    );
  });

  it('ignores a local part too short to matter', () => {
    expect(passwordProblem('Korrekt-Hest-Batteri-Klips', { email: 'kh@gladsaxe.dk' })).toBeUndefined();
  });

  it('refuses the user’s own name with digits around it', () => {
    expect(passwordProblem('2024mortensen2024', { name: 'Anders Mortensen' })).toBe('Adgangskoden må ikke være dit navn');
  });

  it('lets a passphrase that merely contains part of the name pass', () => {
    expect(passwordProblem('Mortensen-Cykler-Til-Arbejde', { name: 'Anders Mortensen' })).toBeUndefined();
  });
});
