/**
 * Revocation from CRLs the person supplied (no fetching: certbench is offline). A certificate is
 * checked only when a CRL from its issuer (same name, signature verifies with the issuer's key) is
 * given; a CRL that RFC 5280 forbids relying on (no cRLNumber, an unknown critical extension, an
 * issuer without cRLSign) is reported rather than silently used or ignored.
 */
import { bytesEqual } from '../bytes.ts';
import { CertbenchError, errorMessage, msg } from '../errors.ts';
import { type DerNode, parseDer, UNIVERSAL } from '../der/node.ts';
import { bitStringBytes, isContext, oidValue } from '../der/read.ts';
import type { CertView } from './certificate.ts';
import { nameKey, parseRdns } from './names.ts';
import { verifySignature } from './signature.ts';
import { problem } from './said.ts';
import type { VerifyProblem } from './types.ts';

const OID_CRL_NUMBER = '2.5.29.20';
const UNDERSTOOD_CRL_EXTENSIONS = new Set([OID_CRL_NUMBER, '2.5.29.35' /* AKI */]);

export interface CrlView {
  der: Uint8Array;
  tbs: Uint8Array;
  issuerKey: string;
  sigOid: string;
  sigParams?: DerNode;
  signature: Uint8Array;
  revokedSerials: Uint8Array[];
  extensions: { oid: string; critical: boolean }[];
}

function readCrl(der: Uint8Array, where: string): CrlView {
  try {
    const top = parseDer(der, where);
    const [tbs, sigAlg, sig] = top.children;
    const parts = tbs!.children;
    let i = parts[0]!.tag === 2 && parts[0]!.cls === UNIVERSAL ? 1 : 0;
    const issuer = parts[i + 1]!;
    i += 3; // signature, issuer, thisUpdate
    if (parts[i] && (parts[i]!.tag === 23 || parts[i]!.tag === 24)) i++;
    const revokedSerials: Uint8Array[] = [];
    const extensions: CrlView['extensions'] = [];
    for (const p of parts.slice(i)) {
      if (p.cls === UNIVERSAL && p.tag === 16) {
        for (const entry of p.children) revokedSerials.push(entry.children[0]!.content);
      } else if (isContext(p, 0)) {
        for (const ext of p.children[0]!.children) {
          const f = ext.children;
          extensions.push({ oid: oidValue(f[0]!), critical: f.length === 3 && f[1]!.content[0] !== 0 });
        }
      }
    }
    const sigParts = sigAlg!.children;
    return {
      der, tbs: tbs!.der, issuerKey: nameKey(parseRdns(issuer)), sigOid: oidValue(sigParts[0]!),
      ...(sigParts[1] ? { sigParams: sigParts[1] } : {}), signature: bitStringBytes(sig!).bytes, revokedSerials, extensions,
    };
  } catch (e) {
    throw new CertbenchError('verify.crlUnreadable', { reason: errorMessage(e) }, where);
  }
}

export function readCrls(ders: readonly Uint8Array[]): CrlView[] {
  return ders.map((d, i) => readCrl(d, `CRL ${i + 1}`));
}

/** Revocation problems for every certificate below the anchor whose issuer's CRL was given. */
export async function checkCrls(path: readonly CertView[], crls: readonly CrlView[], at: Date): Promise<VerifyProblem[]> {
  void at;
  const problems: VerifyProblem[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i]!;
    const issuer = path[i + 1]!;
    for (const crl of crls) {
      if (crl.issuerKey !== cert.issuerKey) continue;
      let signed = false;
      try {
        signed = await verifySignature(crl.tbs, crl.signature, crl.sigOid, crl.sigParams, issuer.spki);
      } catch {
        signed = false;
      }
      if (!signed) continue;
      const from = issuer.labelSaid;
      if (issuer.keyUsage && !issuer.keyUsage.usages.has('cRLSign')) {
        problems.push(problem('crl-invalid', i + 1, msg('chain.crlNoCrlSign', { issuer: from })));
        continue;
      }
      const number = crl.extensions.find((e) => e.oid === OID_CRL_NUMBER);
      if (!number) problems.push(problem('crl-invalid', i + 1, msg('chain.crlNoNumber', { issuer: from })));
      else if (number.critical) problems.push(problem('crl-invalid', i + 1, msg('chain.crlNumberCritical', { issuer: from })));
      const unknown = crl.extensions.find((e) => e.critical && !UNDERSTOOD_CRL_EXTENSIONS.has(e.oid));
      if (unknown) problems.push(problem('crl-invalid', i + 1, msg('chain.crlUnknownCritical', { issuer: from, oid: unknown.oid })));
      if (crl.revokedSerials.some((s) => bytesEqual(s, cert.serial))) {
        problems.push(problem('revoked', i, msg('chain.revoked', { label: cert.labelSaid, issuer: from })));
      }
    }
  }
  return problems;
}
