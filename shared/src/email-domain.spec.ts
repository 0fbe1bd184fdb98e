import { describe, expect, it } from 'vitest';
import { emailDomain, emailMatchesDomains, organizationForEmail } from './email-domain.js';

describe('emailDomain', () => {
  it('is the lower-cased part after the last @', () => {
    expect(emailDomain('Mette.Hansen@Gladsaxe.DK')).toBe('gladsaxe.dk');
  });

  it('is empty for something that is not an address', () => {
    expect(emailDomain('gladsaxe.dk')).toBe('');
  });
});

describe('emailMatchesDomains', () => {
  const gladsaxe = ['gladsaxe.dk'];
  const ballerup = ['ballerup.dk', 'balk.dk'];

  it.each([
    ['mette@gladsaxe.dk', 'the domain itself'],
    ['Mette@GLADSAXE.DK', 'the domain in another case'],
  ])('accepts %s (%s)', (email) => {
    expect(emailMatchesDomains(email, gladsaxe)).toBe(true);
  });

  it.each([
    ['elev@skole.gladsaxe.dk', 'a sub-domain (pupils’ and suppliers’ mail live there)'],
    ['mette@it.gladsaxe.dk', 'another sub-domain'],
    ['mette@skole.it.gladsaxe.dk', 'a sub-domain of a sub-domain'],
    ['mette@evilgladsaxe.dk', 'a look-alike that ends with the same letters'],
    ['mette@gladsaxe.dk.evil.com', 'the domain as a prefix of another'],
    ['mette@gladsaxe.com', 'another top-level domain'],
    ['gladsaxe.dk@gmail.com', 'the domain in the local part'],
    ['mette@', 'no domain'],
    ['gladsaxe.dk', 'no @ at all'],
  ])('rejects %s (%s)', (email) => {
    expect(emailMatchesDomains(email, gladsaxe)).toBe(false);
  });

  it('matches an organization’s domains written in upper case', () => {
    expect(emailMatchesDomains('mette@gladsaxe.dk', ['Gladsaxe.DK'])).toBe(true);
  });

  it.each(['lars@ballerup.dk', 'lars@balk.dk'])('accepts %s for a municipality with two domains', (email) => {
    expect(emailMatchesDomains(email, ballerup)).toBe(true);
  });

  it.each(['lars@ballerupkommune.dk', 'lars@it.balk.dk'])('rejects %s, on neither of the two domains', (email) => {
    expect(emailMatchesDomains(email, ballerup)).toBe(false);
  });

  it('matches nothing when the organization has no domains', () => {
    expect(emailMatchesDomains('someone@gladsaxe.dk', [])).toBe(false);
  });
});

describe('organizationForEmail', () => {
  const organizations = [
    { code: '0159', emailDomains: ['gladsaxe.dk'] },
    { code: '0151', emailDomains: ['ballerup.dk', 'balk.dk'] },
  ];

  it('finds the organization an address belongs to', () => {
    expect(organizationForEmail('lars@balk.dk', organizations)?.code).toBe('0151');
  });

  it('finds none for an address outside every domain', () => {
    expect(organizationForEmail('lars@gmail.com', organizations)).toBeUndefined();
  });

  it('finds none for a sub-domain of an organization’s domain', () => {
    expect(organizationForEmail('elev@skole.gladsaxe.dk', organizations)).toBeUndefined();
  });
});
