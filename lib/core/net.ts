import { isIP } from 'node:net';

const IPV4_CHARACTERS = /^[0-9.]+$/;

/** 4 for an IPv4 address, 6 for IPv6, 0 for anything else (the textual forms the API server accepts). */
/** Whether a value holds only digits and dots, the characters of an IPv4 address (the API server's sloppy forms too). */
export function hasOnlyIpv4Characters(value: string): boolean {
  return IPV4_CHARACTERS.test(value);
}

export function ipFamily(value: string): 0 | 4 | 6 {
  // Host names are checked against this by the thousand, and Node's IPv6 pattern is long. Every IPv6
  // address has a colon, and without one only IPv4 is left, which is digits and dots alone: most names
  // ("app-00001" too, which ends with a digit) need no more than this test.
  if (!value.includes(':') && !hasOnlyIpv4Characters(value)) return 0;
  return isIP(value) as 0 | 4 | 6;
}

export function isIpAddress(value: string): boolean {
  return ipFamily(value) !== 0;
}

/** A CIDR such as `10.0.0.0/8` or `fd00::/64`. */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = isIP(address);
  if (family === 0 || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Addresses that may not be a Service externalIP (the API server rejects them):
 * unspecified, loopback, link-local and link-local multicast.
 */
export function isSpecialPurposeIp(value: string): boolean {
  const family = isIP(value);
  if (family === 4) {
    const [a, b] = value.split('.').map(Number);
    return a === 0 || a === 127 || (a === 169 && b === 254) || (a === 224 && b === 0 && value.split('.')[2] === '0');
  }
  if (family === 6) {
    const v = value.toLowerCase();
    return v === '::' || v === '::1' || v.startsWith('fe8') || v.startsWith('fe9') || v.startsWith('fea') || v.startsWith('feb') || v.startsWith('ff02:');
  }
  return false;
}

/** `host:port` with an IP host (IPv6 in brackets) and a port 1..65535, as kube-proxy's bind addresses. */
export function isIpPort(value: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value);
  if (!match) return false;
  const host = match[1] ?? match[2];
  const port = Number(match[3]);
  return isIP(host) !== 0 && port >= 1 && port <= 65535 && (match[1] === undefined || isIP(host) === 6);
}

/** A TCP/UDP/SCTP port number. */
export function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}
