import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may POST (SSRF policy). A destination is refused when its host is a loopback, private, link-local
 * (cloud metadata: 169.254.169.254), carrier-grade NAT, unique-local IPv6 (fd00:ec2::254), unspecified, broadcast,
 * multicast, reserved or IPv4-embedding address, IPv4-mapped IPv6 included, or a well-known internal name; only
 * public unicast addresses pass, unless the operator's allow-list (`WEBHOOK_ALLOW_HOSTS`) names the host or a
 * range holding the address. The same verdict applies at registration and before every delivery, to every
 * address the name resolves to.
 */

/** The operator's exceptions for on-premises receivers: exact host names, `*.suffix` names, and CIDR ranges. */
export interface WebhookAllowList {
  hosts: string[];
  suffixes: string[];
  /** Every range in IPv6 form (an IPv4 range as its IPv4-mapped range), so one comparison covers both families. */
  ranges: [ipaddr.IPv6, number][];
}

export const EMPTY_ALLOW_LIST: WebhookAllowList = { hosts: [], suffixes: [], ranges: [] };

export type DestinationRefusal = 'internal_name' | 'internal_address' | 'no_address';
export type DestinationVerdict = { allowed: true } | { allowed: false; reason: DestinationRefusal };

// Names that reach the machine itself or a cloud's metadata service whatever the DNS says.
const INTERNAL_NAMES = new Set(['localhost', 'metadata', 'metadata.google.internal', 'metadata.goog']);
const INTERNAL_SUFFIXES = ['.localhost', '.internal'];
// Even an allow-listed host name may not lead here; only an explicit CIDR entry can open them.
const NEVER_BY_NAME = new Set(['unspecified', 'broadcast', 'multicast', 'linkLocal']);
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Lower-case, no brackets around an IPv6 literal, no trailing dot: the form every comparison uses. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/**
 * Parses `WEBHOOK_ALLOW_HOSTS` (comma-separated host names, `*.suffix` names, IP addresses and CIDR ranges).
 * Answers the allow-list, or the entries that are none of these.
 */
export function parseWebhookAllowList(text: string | undefined): { list: WebhookAllowList; invalid: string[] } {
  const list: WebhookAllowList = { hosts: [], suffixes: [], ranges: [] };
  const invalid: string[] = [];
  for (const raw of (text ?? '').split(',')) {
    const entry = normalizeHost(raw);
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) list.ranges.push(asIPv6Range(...ipaddr.parseCIDR(entry)));
    else if (ipaddr.isValid(entry)) list.ranges.push(asIPv6Range(ipaddr.parse(entry), 128));
    else if (entry.startsWith('*.') && HOST_NAME.test(entry.slice(2))) list.suffixes.push(entry.slice(1));
    else if (HOST_NAME.test(entry)) list.hosts.push(entry);
    else invalid.push(raw.trim());
  }
  return { list, invalid };
}

/** The range name of an address (ipaddr.js classification), an IPv4-mapped IPv6 address classified as IPv4. */
export function addressRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return null;
  return ipaddr.process(address).range();
}

function asIPv6(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv6 {
  return address instanceof ipaddr.IPv4 ? address.toIPv4MappedAddress() : address;
}

function asIPv6Range(network: ipaddr.IPv4 | ipaddr.IPv6, bits: number): [ipaddr.IPv6, number] {
  // A single IPv4 address comes in as /128 and stays one address; an IPv4 prefix moves past the 96 mapped bits.
  if (network instanceof ipaddr.IPv6) return [network, bits];
  return [network.toIPv4MappedAddress(), Math.min(128, bits + 96)];
}

function inAllowedRange(address: string, list: WebhookAllowList): boolean {
  const candidate = asIPv6(ipaddr.parse(address));
  return list.ranges.some(([network, bits]) => candidate.match(network, bits));
}

function hostAllowed(host: string, list: WebhookAllowList): boolean {
  return list.hosts.includes(host) || list.suffixes.some((suffix) => host.endsWith(suffix));
}

/** Whether one resolved address of `host` may be connected to. */
export function addressAllowed(host: string, address: string, list: WebhookAllowList): boolean {
  const range = addressRange(address);
  if (range === null) return false;
  if (inAllowedRange(address, list)) return true;
  if (range === 'unicast') return true;
  return hostAllowed(normalizeHost(host), list) && !NEVER_BY_NAME.has(range);
}

/** A name refused before any lookup (localhost, cloud metadata names), unless the allow-list names it. */
export function hostNameRefused(host: string, list: WebhookAllowList): boolean {
  const name = normalizeHost(host);
  if (ipaddr.isValid(name) || hostAllowed(name, list)) return false;
  return INTERNAL_NAMES.has(name) || INTERNAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** The verdict on a host and every address it resolved to: one refused address refuses the destination. */
export function destinationVerdict(host: string, addresses: string[], list: WebhookAllowList): DestinationVerdict {
  if (hostNameRefused(host, list)) return { allowed: false, reason: 'internal_name' };
  if (addresses.length === 0) return { allowed: false, reason: 'no_address' };
  if (!addresses.every((address) => addressAllowed(host, address, list)))
    return { allowed: false, reason: 'internal_address' };
  return { allowed: true };
}
