/** The part after the last "@", lower-cased; "" for something that is not an address. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/**
 * Whether an address belongs to one of an organization's mail domains.
 * Sub-domains count ("it.gladsaxe.dk" belongs to "gladsaxe.dk"); look-alikes do not ("evilgladsaxe.dk").
 */
export function emailMatchesDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  return domains.some((d) => {
    const own = d.toLowerCase();
    return domain === own || domain.endsWith('.' + own);
  });
}

/** The organization an address belongs to, if any: used to pre-select the municipality on sign-up. */
export function organizationForEmail<T extends { emailDomains: readonly string[] }>(
  email: string,
  organizations: readonly T[],
): T | undefined {
  return organizations.find((org) => emailMatchesDomains(email, org.emailDomains));
}
