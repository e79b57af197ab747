/** PEM encoding (RFC 7468): the label between the dashes, base64 in 64-column lines. Parsing lives in src/core/input/. */
import { toBase64 } from './bytes.ts';

export function toPem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der);
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}
