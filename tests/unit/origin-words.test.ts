// A card's origin is shown from its words (originSaid, in the reader's language) and printed by the CLI from its
// English text (origin): in English the two must be the same, for every way an object can be found.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { detectInput } from '../../src/core/input/detect.ts';
import { renderWhere } from '../../src/core/errors.ts';
import { b64, CERT_A as A, CERT_B as B, corpusText, openssl, pemDer } from './detect-helpers.ts';

const CERT_A = corpusText(A);
const CERT_B = corpusText(B);
const key = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']).toString();
const secret = (data: Record<string, string>) => stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });

const inputs: Array<[string, string | Uint8Array, string?]> = [
  ['one PEM block', CERT_A],
  ['two PEM blocks and a key', CERT_A + CERT_B + key, 'bundle.pem'],
  ['base64 of DER', b64(pemDer(CERT_A))],
  ['hex of DER', Buffer.from(pemDer(CERT_A)).toString('hex')],
  ['DER bytes', pemDer(CERT_A), 'a.der'],
  ['two DER elements', new Uint8Array([...pemDer(CERT_A), ...pemDer(CERT_B)])],
  ['a Secret: a chain in tls.crt and the key in tls.key', secret({ 'tls.crt': b64(CERT_A + CERT_B), 'tls.key': b64(key) })],
  ['a Secret: one certificate and the key', secret({ 'tls.crt': b64(CERT_A), 'tls.key': b64(key) })],
];

describe('origins in words and in English agree', () => {
  it.each(inputs)('%s', (_name, input, sourceName) => {
    const { objects } = detectInput(input, sourceName);
    expect(objects.length).toBeGreaterThan(0);
    for (const o of objects) if (o.originSaid !== undefined) expect(renderWhere(o.originSaid)).toBe(o.origin);
  });
});
