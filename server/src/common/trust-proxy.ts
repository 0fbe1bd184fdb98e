const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Which hops may say who the client is: always the web on loopback (it forwards the person's address
 * and protocol to the API), plus one TLS-terminating proxy when TRUST_PROXY is set.
 */
export function trustProxy(behindProxy: boolean): (address: string, hop: number) => boolean {
  // Only the direct peer is ever trusted: an address further back in X-Forwarded-For is what it claims to be, never a proxy.
  return (address, hop) => hop === 0 && (LOOPBACK.has(address) || behindProxy);
}
