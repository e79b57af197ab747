/**
 * What acknowledging a passphrase CA's problems writes: either the records put back to what its
 * sealed log records (the log is intact), or the records sealed as they are under a new log (the
 * log cannot be trusted, or there was none). Both return the changes; ca-store.ts writes them in
 * one transaction.
 */
import { signedBy } from '../core/ca/identity.ts';
import { inventoryEntryFor } from '../core/ca/inventory.ts';
import { appendStateEntry, replayStateLog, sha256Hex } from '../core/ca/state-log.ts';
import { CertbenchError } from '../core/errors.ts';
import type { IssuedCertificate } from '../core/ca/types.ts';
import { fingerprint, type CaProblem } from './ca-integrity.ts';
import { issuedKey, type CaRecord } from './ca-records.ts';
import { appendToLog, readLog, sealHead, trustedHead, type StoredLog } from './ca-sealed-log.ts';
import type { SealKey } from './key-vault.ts';

interface RepairChanges {
  puts: [string, unknown][];
  deletes: string[];
  log: StoredLog;
  crlNumber: number;
}

function withRevocation(row: IssuedCertificate, revoked: { at: string; reason: IssuedCertificate['revocationReason'] } | undefined): IssuedCertificate {
  return revoked ? { ...row, status: 'revoked', revokedAt: revoked.at, revocationReason: revoked.reason ?? 'unspecified' } : row;
}

/**
 * Puts back what the sealed log records (the log is intact; only the records differ): revocations,
 * CRL number and row fields as logged; a row the log does not know is kept (and logged) only when
 * this CA signed its certificate, else removed; a row whose certificate is gone or replaced cannot be
 * put back, so its absence is acknowledged (a logged revocation of it stays in every CRL).
 */
export async function restoreFromLog(record: CaRecord, rows: readonly IssuedCertificate[], log: StoredLog, problems: readonly CaProblem[], sealKey: SealKey): Promise<RepairChanges> {
  const id = record.id;
  const replayed = replayStateLog(log.entries);
  const bySerial = new Map(rows.map((r) => [r.serialHex, r]));
  const puts = new Map<string, unknown>();
  const deletes: string[] = [];
  const acknowledged = new Set(log.head.acknowledged);
  const facts: Parameters<typeof appendStateEntry>[1][] = [];
  let crlNumber = record.crlNumber;
  for (const p of problems) {
    switch (p.kind) {
      case 'crl-number':
        crlNumber = p.recorded;
        break;
      case 'unrevoked':
      case 'revocation-added':
      case 'revocation-changed':
      case 'row-fields': {
        const row = bySerial.get(p.serial)!;
        const logged = replayed.certificates.get(p.serial)!;
        puts.set(issuedKey(id, p.serial), withRevocation(inventoryEntryFor(id, row.der, logged.profile), logged.revoked));
        break;
      }
      case 'row-certificate':
        deletes.push(issuedKey(id, p.serial));
        acknowledged.add(fingerprint({ kind: 'row-removed', serial: p.serial }));
        break;
      case 'row-removed':
        acknowledged.add(fingerprint(p));
        break;
      case 'row-added': {
        const row = bySerial.get(p.serial);
        if (row && !replayed.certificates.has(p.serial) && (await signedBy(row.der, record.certificate))) {
          const kept = withRevocation(inventoryEntryFor(id, row.der, row.profile), row.status === 'revoked' ? { at: row.revokedAt!, reason: row.revocationReason } : undefined);
          if (kept.serialHex !== p.serial) {
            deletes.push(issuedKey(id, p.serial));
            break;
          }
          puts.set(issuedKey(id, p.serial), kept);
          facts.push({ op: 'issue', entry: kept });
          if (kept.status === 'revoked') facts.push({ op: 'revoke', entry: kept });
        } else deletes.push(issuedKey(id, p.serial));
        break;
      }
      default:
        throw new CertbenchError('store.notRepairable', { kind: p.kind });
    }
  }
  const appended = await appendToLog(log, facts, sealKey);
  const head = await sealHead(appended.entries, log.head, [...acknowledged], sealKey.key);
  return { puts: [...puts], deletes, log: { ...appended, head }, crlNumber };
}

/**
 * A new sealed log for the records as they are (the old log cannot be trusted, or there was none).
 * Rows this CA did not sign are removed. Nothing is lowered on the way: a revocation or CRL number
 * that the old head (when its seal still verifies) or the old, unverifiable log shows is kept, since
 * keeping one can only add to what CRLs list.
 */
export async function resealRecords(record: CaRecord, rows: readonly IssuedCertificate[], rawLog: unknown, sealKey: SealKey): Promise<RepairChanges> {
  const id = record.id;
  const old = readLog(rawLog);
  const previous = old ? replayStateLog(old.entries) : undefined;
  const head = await trustedHead(old, sealKey);
  const entries = [await appendStateEntry([], { op: 'init', certificate: record.certificate, chain: record.chain }, sealKey.key)];
  const puts: [string, unknown][] = [];
  const deletes: string[] = [];
  const sorted = [...rows].sort((a, b) => a.notBefore.localeCompare(b.notBefore) || a.serialHex.localeCompare(b.serialHex));
  for (const row of sorted) {
    // A row this CA did not sign, that cannot be read, or whose serial is not its certificate's, goes.
    let kept: IssuedCertificate | undefined;
    try {
      if (await signedBy(row.der, record.certificate)) kept = inventoryEntryFor(id, row.der, row.profile);
    } catch {
      kept = undefined;
    }
    if (!kept || kept.serialHex !== row.serialHex) {
      deletes.push(issuedKey(id, row.serialHex));
      continue;
    }
    const logged = previous?.certificates.get(row.serialHex);
    const sealed = head?.revoked.find((r) => r.serial === row.serialHex);
    if (row.status === 'revoked') kept = withRevocation(kept, { at: row.revokedAt!, reason: row.revocationReason });
    else if (sealed) kept = withRevocation(kept, sealed);
    else if (logged?.revoked && logged.sha256 === (await sha256Hex(row.der))) kept = withRevocation(kept, logged.revoked);
    puts.push([issuedKey(id, row.serialHex), kept]);
    entries.push(await appendStateEntry(entries, { op: 'issue', entry: kept }, sealKey.key));
    if (kept.status === 'revoked') entries.push(await appendStateEntry(entries, { op: 'revoke', entry: kept }, sealKey.key));
  }
  const crlNumber = Math.max(record.crlNumber, previous?.crlNumber ?? 0, head?.crlNumber ?? 0);
  // The last CRL itself is not at hand: the entry records its number (over no bytes).
  if (crlNumber > 0) entries.push(await appendStateEntry(entries, { op: 'crl', number: crlNumber, der: new Uint8Array(0) }, sealKey.key));
  // The sealed revocations of rows that are gone are carried over: CRLs keep listing them.
  const carried = head ? { crlNumber, revoked: head.revoked.filter((r) => !rows.some((x) => x.serialHex === r.serial)) } : undefined;
  return { puts, deletes, log: { seal: sealKey.seal, entries, head: await sealHead(entries, carried, [], sealKey.key) }, crlNumber };
}
