/** The few address sums a cluster PKI needs: the first host of a service CIDR, URL hosts. */
import { CertbenchError } from '../../core/errors.ts';
import { formatIpAddress, parseIpAddress } from '../../core/cert/ip.ts';

export function isIpAddress(text: string): boolean {
  try {
    parseIpAddress(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first usable address of a CIDR ("10.96.0.0/12" → "10.96.0.1"): the API server's ClusterIP,
 * which kubeadm and the Hard Way put in its certificate. With a dual-stack list ("10.96.0.0/12,fd00::/108") the first CIDR counts.
 */
export function firstServiceIp(serviceSubnet: string): string {
  const cidr = serviceSubnet.split(',')[0]!.trim();
  const m = /^([^/]+)\/(\d{1,3})$/.exec(cidr);
  if (!m) throw new CertbenchError('kube.notCidr', { cidr }, 'serviceSubnet');
  let bytes: Uint8Array;
  try {
    bytes = parseIpAddress(m[1]!);
  } catch {
    throw new CertbenchError('kube.notIp', { value: m[1] }, 'serviceSubnet');
  }
  const prefix = Number(m[2]);
  if (prefix > bytes.length * 8 - 2) throw new CertbenchError('kube.prefixNoRoom', { prefix }, 'serviceSubnet');
  const out = bytes.slice();
  for (let bit = prefix; bit < out.length * 8; bit++) out[bit >> 3]! &= ~(0x80 >> (bit & 7));
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = (out[i]! + 1) & 0xff;
    if (out[i] !== 0) break;
  }
  return formatIpAddress(out).toLowerCase().replace(/\b0+(?=[0-9a-f])/g, '');
}

/** https://HOST:PORT with IPv6 hosts bracketed. */
export function httpsUrl(host: string, port: number): string {
  return `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
