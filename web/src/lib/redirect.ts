const BASE = 'http://infraforum.invalid';

/**
 * A `redirectTo` value is followed only when it is a path on this site, so a crafted login link cannot
 * send someone to another site after they log in ("//evil.dk", "/\evil.dk", "https://evil.dk" fall back).
 */
export function safeRedirectPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
}
