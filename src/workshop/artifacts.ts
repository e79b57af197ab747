/** Reading the lab's text artifacts back with the core: DER from PEM, facts, OpenSSL's text. */
import { derFromInput } from '../core/ca/input.ts';
import { certificateFacts, type CertificateFacts } from '../core/cert/read.ts';
import { CertbenchError, msg } from '../core/errors.ts';
import { detectInput } from '../core/input/detect.ts';
import { exportPrivateKeyPem } from '../core/keys/export.ts';
import { dumpText } from '../core/text/dump.ts';
import type { LabState } from './types.ts';

export function artifact(state: LabState, name: string): string {
  const text = state.artifacts[name];
  if (text === undefined) throw new CertbenchError('workshop.notMadeYet', { name }, msg('where.lab'));
  return text;
}

export function certDer(pem: string, what: string): Uint8Array {
  return derFromInput(pem, ['CERTIFICATE'], what);
}

export function csrDer(pem: string, what: string): Uint8Array {
  return derFromInput(pem, ['CERTIFICATE REQUEST'], what);
}

export function certFactsOf(state: LabState, name: string): CertificateFacts {
  return certificateFacts(certDer(artifact(state, name), name), name);
}

/** `openssl x509|req -noout -text` for the first object of a PEM artifact. */
export function opensslTextOf(pem: string, name: string): string {
  const found = detectInput(pem, name).objects[0];
  if (!found) throw new CertbenchError('workshop.nothingToPrint', undefined, name);
  return dumpText(found);
}

/** The unencrypted PKCS#8 PEM of a lab key (the Secret and the kubeconfig embed it). */
export async function keyPemOf(state: LabState, base: string): Promise<string> {
  const key = state.keys[base];
  if (!key) throw new CertbenchError('workshop.keyNotInLab', { name: base }, msg('where.lab'));
  return exportPrivateKeyPem(key);
}

export function linesOf(value: string | undefined): string[] {
  return (value ?? '').split(/\r?\n|,/).map((l) => l.trim()).filter(Boolean);
}

export function emptyLabState(labId: LabState['labId']): LabState {
  return { labId, done: [], values: {}, artifacts: {}, keys: {}, checks: {}, updatedAt: new Date().toISOString() };
}

/** A name as it appears in the SAN list of a certificate, prefixed like openssl writes it. */
export function sanLabel(n: { type: string; value?: string; display?: string }): string {
  return n.type === 'dns' ? `DNS:${n.value}` : n.type === 'ip' ? `IP:${n.value}` : n.type === 'other' ? (n.display ?? '?') : `${n.type}:${n.value}`;
}
