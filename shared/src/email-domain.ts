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
 * Whether an address belongs to one of an organization's mail domains: exact matches only. Sub-domains
 * often carry pupils' or suppliers' mail ("elev.gladsaxe.dk"), and each organization already lists every
 * domain its staff use.
 */
export function emailMatchesDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  return domains.some((d) => domain === d.toLowerCase());
}

/** The organization an address belongs to, if any: used to pre-select the municipality on sign-up. */
export function organizationForEmail<T extends { emailDomains: readonly string[] }>(
  email: string,
  organizations: readonly T[],
): T | undefined {
  return organizations.find((org) => emailMatchesDomains(email, org.emailDomains));
}
