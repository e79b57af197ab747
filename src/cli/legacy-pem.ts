import { createDecipheriv, createHash } from 'node:crypto';
import type { FoundObject } from '../core/types.ts';
import { CertbenchError } from '../core/errors.ts';
import { classifyDecryptedKey, legacyPemMessage } from '../core/input/decrypt.ts';

/** Key and IV sizes of the DEK-Info ciphers OpenSSL writes. */
const CIPHERS: Record<string, { key: number; iv: number }> = {
  'DES-EDE3-CBC': { key: 24, iv: 8 },
  'AES-128-CBC': { key: 16, iv: 16 },
  'AES-192-CBC': { key: 24, iv: 16 },
  'AES-256-CBC': { key: 32, iv: 16 },
};

/**
 * Opens a `Proc-Type: 4,ENCRYPTED` PEM key with Node's OpenSSL (the browser core cannot: no MD5
 * or 3DES in WebCrypto). The key is OpenSSL's EVP_BytesToKey with MD5, one round, the IV's first
 * 8 bytes as salt.
 */
export function decryptLegacyPem(obj: FoundObject, passphrase: string): FoundObject {
  const [cipher = '', ivHex = ''] = (obj.pemHeaders?.['DEK-Info'] ?? '').split(',').map((s) => s.trim());
  const spec = CIPHERS[cipher.toUpperCase()];
  if (!spec || !/^[0-9A-Fa-f]+$/.test(ivHex) || ivHex.length !== spec.iv * 2) throw CertbenchError.of(legacyPemMessage(obj), obj.origin);
  const iv = Buffer.from(ivHex, 'hex');
  const pass = Buffer.from(passphrase, 'utf8');
  const salt = iv.subarray(0, 8);
  const parts: Buffer[] = [];
  let prev = Buffer.alloc(0);
  while (Buffer.concat(parts).length < spec.key) {
    prev = createHash('md5').update(Buffer.concat([prev, pass, salt])).digest();
    parts.push(prev);
  }
  const key = Buffer.concat(parts).subarray(0, spec.key);
  let plain: Buffer;
  try {
    const d = createDecipheriv(cipher.toLowerCase(), key, iv);
    plain = Buffer.concat([d.update(obj.der), d.final()]);
  } catch {
    throw new CertbenchError('input.wrongPassphrase', undefined, obj.origin);
  }
  return classifyDecryptedKey(new Uint8Array(plain), obj);
}
