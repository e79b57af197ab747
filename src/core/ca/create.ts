/** Creating CAs: a self-signed root, or an intermediate signed by a CA certbench holds. */
import { backdatedNotBefore, DAY_MS, wholeSeconds } from '../cert/time.ts';
import { buildCertificate } from '../cert/build.ts';
import type { NameConstraintsSpec } from '../cert/extensions.ts';
import { parseDistinguishedName, type NameAttribute } from '../cert/name.ts';
import { randomSerialHex } from '../cert/serial.ts';
import { keyIdentifierOf, parseSpki } from '../cert/spki.ts';
import { CertbenchError, msg, type CoreMessage } from '../errors.ts';
import { generateKeyPair } from '../keys/generate.ts';
import type { KeyType } from '../keys/key-types.ts';
import { spkiOfPublicKey } from '../keys/spki.ts';
import { caFacts, caIdOf, caKeyIdentifier } from './identity.ts';
import { CA_KEY_USAGE, DEFAULT_CA_DAYS } from './profiles.ts';
import type { CaSigner } from './types.ts';

/** Like kubeadm's cluster CA (`CN=kubernetes`), marked as a CA; editable. */
export const DEFAULT_CA_SUBJECT = 'CN=kubernetes-ca';
export const DEFAULT_CA_KEY_TYPE: KeyType = 'ec-p256';

export interface CaOptions {
  /** Default DEFAULT_CA_SUBJECT. */
  subject?: NameAttribute[] | string;
  /** Default DEFAULT_CA_KEY_TYPE. */
  keyType?: KeyType;
  /** Default 3650. */
  days?: number;
  /** basicConstraints pathLenConstraint; absent means unlimited. */
  pathLen?: number;
  nameConstraints?: NameConstraintsSpec;
  /** Start of validity; default 5 minutes ago (`backdatedNotBefore`, as kubeadm and cfssl). */
  notBefore?: Date;
}

export interface CreatedCa extends CaSigner {
  /** The generated pair; the private key is extractable so a store can wrap it or back it up. */
  keyPair: CryptoKeyPair;
  warnings: CoreMessage[];
}

function subjectOf(options: CaOptions): NameAttribute[] {
  const s = options.subject ?? DEFAULT_CA_SUBJECT;
  const attrs = typeof s === 'string' ? parseDistinguishedName(s) : s;
  if (!attrs.length) throw new CertbenchError('ca.subjectNeeded', undefined, msg('where.subject'));
  return attrs;
}

function validDays(days: number | undefined): number {
  const d = days ?? DEFAULT_CA_DAYS;
  if (!Number.isFinite(d) || d <= 0) throw new CertbenchError('general.daysNotPositive', { days: d }, msg('where.validity'));
  return d;
}

export async function createRootCa(options: CaOptions = {}): Promise<CreatedCa> {
  const subject = subjectOf(options);
  const keyPair = await generateKeyPair(options.keyType ?? DEFAULT_CA_KEY_TYPE, { extractable: true });
  const spki = await spkiOfPublicKey(keyPair.publicKey);
  const ski = await keyIdentifierOf(parseSpki(spki));
  const notBefore = options.notBefore ? wholeSeconds(options.notBefore) : backdatedNotBefore();
  const certificate = await buildCertificate(
    {
      serialHex: randomSerialHex(new Set()),
      subject,
      notBefore,
      notAfter: new Date(notBefore.getTime() + validDays(options.days) * DAY_MS),
      subjectPublicKeyInfo: spki,
      extensions: {
        basicConstraints: { ca: true, ...(options.pathLen !== undefined ? { pathLen: options.pathLen } : {}) },
        keyUsage: CA_KEY_USAGE,
        subjectKeyIdentifier: ski,
        authorityKeyIdentifier: ski,
        ...(options.nameConstraints ? { nameConstraints: options.nameConstraints } : {}),
      },
    },
    keyPair.privateKey,
  );
  return { id: await caIdOf(certificate), certificate, chain: [], key: keyPair.privateKey, keyPair, warnings: [] };
}

/**
 * An intermediate CA signed by `issuer`. `takenSerials` are the serials the issuer already used
 * (its inventory); the new certificate's serial is not among them. Validity is capped at the
 * issuer's notAfter, with a warning.
 */
export async function createIntermediateCa(issuer: CaSigner, takenSerials: ReadonlySet<string>, options: CaOptions = {}): Promise<CreatedCa> {
  const issuerFacts = caFacts(issuer.certificate);
  if (issuerFacts.pathLen === 0) throw new CertbenchError('ca.issuerPathLenZero', undefined, msg('where.intermediateCa'));
  if (options.pathLen !== undefined && issuerFacts.pathLen !== undefined && options.pathLen >= issuerFacts.pathLen) {
    throw new CertbenchError('ca.pathLenTooLong', { pathLen: options.pathLen, issuerPathLen: issuerFacts.pathLen }, msg('where.intermediateCa'));
  }
  const subject = subjectOf(options);
  const keyPair = await generateKeyPair(options.keyType ?? DEFAULT_CA_KEY_TYPE, { extractable: true });
  const spki = await spkiOfPublicKey(keyPair.publicKey);
  const notBefore = options.notBefore ? wholeSeconds(options.notBefore) : backdatedNotBefore();
  let notAfter = new Date(notBefore.getTime() + validDays(options.days) * DAY_MS);
  const warnings: CoreMessage[] = [];
  if (notAfter > issuerFacts.notAfter) {
    notAfter = issuerFacts.notAfter;
    warnings.push(msg('ca.warnValidityCappedIssuer', { date: notAfter.toISOString() }));
  }
  const certificate = await buildCertificate(
    {
      serialHex: randomSerialHex(takenSerials),
      subject,
      issuerName: issuerFacts.subjectDer,
      notBefore,
      notAfter,
      subjectPublicKeyInfo: spki,
      extensions: {
        basicConstraints: { ca: true, ...(options.pathLen !== undefined ? { pathLen: options.pathLen } : {}) },
        keyUsage: CA_KEY_USAGE,
        subjectKeyIdentifier: await keyIdentifierOf(parseSpki(spki)),
        authorityKeyIdentifier: await caKeyIdentifier(issuerFacts),
        ...(options.nameConstraints ? { nameConstraints: options.nameConstraints } : {}),
      },
    },
    issuer.key,
  );
  return {
    id: await caIdOf(certificate),
    certificate,
    chain: [issuer.certificate, ...issuer.chain],
    key: keyPair.privateKey,
    keyPair,
    warnings,
  };
}
