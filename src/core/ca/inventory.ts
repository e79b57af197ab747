/** Inventory rows from issued certificates, and revocation as a pure change to a row. */
import { distinguishedNameLine } from '../cert/name.ts';
import { certificateFacts } from '../cert/read.ts';
import { normaliseSerialHex } from '../cert/serial.ts';
import { CertbenchError, msg } from '../errors.ts';
import { REVOCATION_REASONS, type IssuedCertificate, type RevocationReason } from './types.ts';

export function inventoryEntryFor(caId: string, der: Uint8Array, profile: string): IssuedCertificate {
  const f = certificateFacts(der);
  return {
    caId,
    serialHex: f.serialHex,
    subject: distinguishedNameLine(f.subject),
    subjectAltNames: f.subjectAltNames,
    profile,
    notBefore: f.notBefore.toISOString(),
    notAfter: f.notAfter.toISOString(),
    status: 'valid',
    der,
  };
}

export function isRevocationReason(text: string): text is RevocationReason {
  return Object.hasOwn(REVOCATION_REASONS, text);
}

/** The row marked revoked. Revoking twice is refused (the first date and reason stand). */
export function revokeEntry(entry: IssuedCertificate, reason: RevocationReason = 'unspecified', when = new Date()): IssuedCertificate {
  if (entry.status === 'revoked') {
    throw new CertbenchError('ca.alreadyRevoked', { date: entry.revokedAt ?? '', reason: entry.revocationReason ?? '' }, msg('where.serial', { serial: entry.serialHex }));
  }
  if (!isRevocationReason(reason)) throw new CertbenchError('ca.unknownReason', { reason, reasons: Object.keys(REVOCATION_REASONS).join(', ') });
  return { ...entry, status: 'revoked', revokedAt: new Date(Math.floor(when.getTime() / 1000) * 1000).toISOString(), revocationReason: reason };
}

/** Finds a row by serial typed in any common hex form. */
export function findBySerial(entries: readonly IssuedCertificate[], serial: string): IssuedCertificate {
  const hex = normaliseSerialHex(serial);
  const hit = entries.find((e) => e.serialHex === hex);
  if (!hit) throw new CertbenchError('ca.serialNotIssued', { serial: hex });
  return hit;
}
