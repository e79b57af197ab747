/** IP addresses for SANs and name constraints: text ↔ the 4 or 16 bytes of iPAddress. */
import { CertbenchError } from '../errors.ts';

function parseIpv4(text: string): Uint8Array | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const bytes = m.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? Uint8Array.from(bytes) : undefined;
}

function parseIpv6(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') as [string, string] : [text, undefined];
  const groups = (s: string) => (s ? s.split(':') : []);
  const words = (parts: string[]): number[] | undefined => {
    const out: number[] = [];
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIpv4(p);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const h = words(groups(head));
  const t = tail === undefined ? [] : words(groups(tail));
  if (!h || !t) return undefined;
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...h, ...new Array<number>(tail === undefined ? 0 : missing).fill(0), ...t];
  return Uint8Array.from(all.flatMap((w) => [w >> 8, w & 0xff]));
}

export function parseIpAddress(text: string): Uint8Array {
  const t = text.trim();
  const bytes = parseIpv4(t) ?? parseIpv6(t);
  if (!bytes) throw new CertbenchError('cert.notIp', { text });
  return bytes;
}

/** IPv4 dotted; IPv6 as OpenSSL prints it (uppercase, no `::` compression). */
export function formatIpAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) {
    const words: string[] = [];
    for (let i = 0; i < 16; i += 2) words.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16).toUpperCase());
    return words.join(':');
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

/** "10.0.0.0/8" → address ‖ mask, as name constraints encode an IP range (RFC 5280 §4.2.1.10). */
export function parseCidr(text: string): Uint8Array {
  const [addr, prefixText, extra] = text.trim().split('/');
  if (!addr || prefixText === undefined || extra !== undefined || !/^\d+$/.test(prefixText)) {
    throw new CertbenchError('cert.notCidr', { text });
  }
  const address = parseIpAddress(addr);
  const prefix = Number(prefixText);
  if (prefix > address.length * 8) throw new CertbenchError('cert.prefixTooLong', { text, prefix });
  const mask = new Uint8Array(address.length);
  for (let i = 0; i < prefix; i++) mask[i >> 3]! |= 0x80 >> (i & 7);
  const network = address.map((b, i) => b & mask[i]!);
  const out = new Uint8Array(address.length * 2);
  out.set(network);
  out.set(mask, address.length);
  return out;
}
