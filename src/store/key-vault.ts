/**
 * CA keys at rest and in the session. Two protections: a PKCS#8 wrapped with AES-GCM under a
 * PBKDF2-SHA256 key from a passphrase (unlocked into memory as a non-extractable CryptoKey), or a
 * CryptoKey kept by structured clone (non-extractable unless the key is exportable).
 */
import { toArrayBuffer } from '../core/bytes.ts';
import { CertbenchError, errorMessage } from '../core/errors.ts';
import { webCryptoAlgorithm, type KeyAlgorithm } from '../core/keys/key-types.ts';
import type { StateLogSeal } from '../core/ca/state-log.ts';

export const KEY_PBKDF2_ITERATIONS = 600_000;
import { MIN_CA_PASSPHRASE_LENGTH } from '../core/ca/types.ts';

export { MIN_CA_PASSPHRASE_LENGTH };

export interface PassphraseWrap {
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  ciphertext: Uint8Array;
}

export type StoredKey =
  | ({ protection: 'passphrase'; exportable: boolean; algorithm: KeyAlgorithm } & PassphraseWrap)
  | { protection: 'browser-key'; exportable: boolean; algorithm: KeyAlgorithm; key: CryptoKey };

export type KeyProtection = { kind: 'passphrase'; passphrase: string; exportable?: boolean } | { kind: 'browser-key'; exportable?: boolean };

const subtle = () => globalThis.crypto.subtle;
const enc = new TextEncoder();

async function deriveAesKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', toArrayBuffer(enc.encode(passphrase)), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: toArrayBuffer(salt), iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** AES-GCM under PBKDF2-SHA256(passphrase); `context` is bound as additional data (the CA id, or the backup format). */
export async function sealWithPassphrase(plain: Uint8Array, passphrase: string, context: string, iterations = KEY_PBKDF2_ITERATIONS): Promise<PassphraseWrap> {
  if (!passphrase) throw new CertbenchError('store.emptyPassphrase');
  if (iterations < KEY_PBKDF2_ITERATIONS) throw new CertbenchError('store.iterations', { count: KEY_PBKDF2_ITERATIONS });
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveAesKey(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: toArrayBuffer(iv), additionalData: toArrayBuffer(enc.encode(context)) }, key, toArrayBuffer(plain)));
  return { salt, iterations, iv, ciphertext };
}

export async function openWithPassphrase(wrap: PassphraseWrap, passphrase: string, context: string): Promise<Uint8Array> {
  const key = await deriveAesKey(passphrase, wrap.salt, wrap.iterations);
  try {
    return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: toArrayBuffer(wrap.iv), additionalData: toArrayBuffer(enc.encode(context)) }, key, toArrayBuffer(wrap.ciphertext)));
  } catch {
    throw new CertbenchError('store.wrongPassphrase');
  }
}

async function importPkcs8(pkcs8: Uint8Array, algorithm: KeyAlgorithm, extractable: boolean): Promise<CryptoKey> {
  try {
    return await subtle().importKey('pkcs8', toArrayBuffer(pkcs8), webCryptoAlgorithm(algorithm), extractable, ['sign']);
  } catch (e) {
    throw new CertbenchError('store.keyUnloadable', { reason: errorMessage(e) });
  }
}

/** The record to store for a key given as PKCS#8. */
export async function protectKey(caId: string, pkcs8: Uint8Array, algorithm: KeyAlgorithm, protection: KeyProtection): Promise<StoredKey> {
  const exportable = protection.exportable ?? false;
  if (protection.kind === 'passphrase') {
    if ([...protection.passphrase].length < MIN_CA_PASSPHRASE_LENGTH) throw new CertbenchError('store.passphraseTooShort', { count: MIN_CA_PASSPHRASE_LENGTH });
    return { protection: 'passphrase', exportable, algorithm, ...(await sealWithPassphrase(pkcs8, protection.passphrase, `certbench-ca-key:${caId}`)) };
  }
  return { protection: 'browser-key', exportable, algorithm, key: await importPkcs8(pkcs8, algorithm, exportable) };
}

/** The unwrapped key of a passphrase-protected record, as a non-extractable CryptoKey. */
export async function unwrapKey(caId: string, stored: StoredKey & { protection: 'passphrase' }, passphrase: string): Promise<CryptoKey> {
  return importPkcs8(await openWithPassphrase(stored, passphrase, `certbench-ca-key:${caId}`), stored.algorithm, false);
}

/** The key that seals a CA's records (HMAC-SHA256 from the passphrase) and the parameters it was derived with. */
export interface SealKey {
  key: CryptoKey;
  seal: StateLogSeal;
}

/** Unlocked keys of this page's session; they never touch storage. Locked on demand or after idle time. */
export class KeySession {
  private readonly keys = new Map<string, { key: CryptoKey; sealKey?: SealKey; timer?: ReturnType<typeof setTimeout> }>();
  /** Idle time after which an unlocked key is forgotten; 0 = never. Default 15 minutes. */
  idleMs = 15 * 60_000;

  put(caId: string, key: CryptoKey, sealKey?: SealKey): void {
    this.lock(caId);
    this.keys.set(caId, sealKey ? { key, sealKey } : { key });
    this.touch(caId);
  }

  /** The unlocked CA's seal key (passphrase CAs), without restarting the idle timer. */
  sealKey(caId: string): SealKey | undefined {
    return this.keys.get(caId)?.sealKey;
  }

  /** The unlocked key, restarting its idle timer; undefined when locked. */
  use(caId: string): CryptoKey | undefined {
    const hit = this.keys.get(caId);
    if (hit) this.touch(caId);
    return hit?.key;
  }

  isUnlocked(caId: string): boolean {
    return this.keys.has(caId);
  }

  lock(caId: string): void {
    const hit = this.keys.get(caId);
    if (hit?.timer) clearTimeout(hit.timer);
    this.keys.delete(caId);
  }

  lockAll(): void {
    for (const id of [...this.keys.keys()]) this.lock(id);
  }

  private touch(caId: string): void {
    const hit = this.keys.get(caId)!;
    if (hit.timer) clearTimeout(hit.timer);
    if (this.idleMs > 0) {
      hit.timer = setTimeout(() => this.lock(caId), this.idleMs);
      (hit.timer as { unref?: () => void }).unref?.(); // never keep a Node process alive for it
    }
  }
}
