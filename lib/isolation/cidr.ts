/**
 * IP addresses and CIDR blocks for NetworkPolicy `ipBlock` peers, IPv4 and
 * IPv6. An IPv4 address never falls in an IPv6 block and the other way round
 * (an IPv4-mapped IPv6 block is not special-cased: NetworkPolicy
 * implementations do not agree on it).
 */

interface ParsedAddress {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

/** The address as a number, or undefined when it is not an IP address. */
export function parseIp(text: string): ParsedAddress | undefined {
  if (typeof text !== 'string') return undefined;
  if (text.includes(':')) return parseIpv6(text);
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return { bits: 32, value };
}

function parseIpv6(text: string): ParsedAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  // A trailing dotted quad (::ffff:10.0.0.1) counts as two groups.
  const last = tail.length > 0 ? tail : head;
  if (last.length > 0 && last[last.length - 1].includes('.')) {
    const v4 = parseIp(last.pop()!);
    if (!v4 || v4.bits !== 32) return undefined;
    last.push((v4.value >> 16n).toString(16), (v4.value & 0xffffn).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return { bits: 128, value };
}

/** A parsed CIDR block: the network bits and the prefix length. */
export interface ParsedCidr {
  readonly bits: 32 | 128;
  readonly network: bigint;
  readonly prefix: number;
}

/** Parses `10.0.0.0/8` or `2001:db8::/32`; undefined when it is not a CIDR. */
export function parseCidr(text: string): ParsedCidr | undefined {
  if (typeof text !== 'string') return undefined;
  const [address, prefixText, extra] = text.split('/');
  if (extra !== undefined || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const ip = parseIp(address);
  const prefix = Number(prefixText);
  if (!ip || prefix > ip.bits) return undefined;
  return { bits: ip.bits, network: ip.value >> BigInt(ip.bits - prefix), prefix };
}

/** Whether the address lies inside the block; false for unparsable input or mixed families. */
export function ipInCidr(ip: string, cidr: string | ParsedCidr): boolean {
  const block = typeof cidr === 'string' ? parseCidr(cidr) : cidr;
  const address = parseIp(ip);
  if (!block || !address || block.bits !== address.bits) return false;
  return address.value >> BigInt(block.bits - block.prefix) === block.network;
}
