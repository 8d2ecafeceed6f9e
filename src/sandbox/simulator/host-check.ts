/**
 * DNS rebinding guard. The sandbox is unauthenticated because it listens on loopback, but a page on any site
 * can re-point its own name at 127.0.0.1 and then call the sandbox as same-origin; the one thing it cannot
 * change is the Host header, which names the attacker's site. So the simulator answers only requests
 * addressed to the sandbox itself: a loopback name or the address it listens on, with its own port.
 */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The Host values that mean "this sandbox": every loopback spelling and the bound address, on its port. */
export function ownHosts(listening: { address: string; port: number }, publicUrl?: string): ReadonlySet<string> {
  const address = listening.address.includes(':') ? `[${listening.address}]` : listening.address;
  const hosts = [...LOOPBACK_NAMES, address].map((name) => `${name}:${listening.port}`.toLowerCase());
  if (publicUrl) hosts.push(new URL(publicUrl).host.toLowerCase());
  return new Set(hosts);
}

/** True when a request's Host header names this sandbox; a missing header names nobody. */
export function isAddressedToSandbox(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}
