/**
 * Builds and signs a PKCS#10 CertificationRequest (RFC 2986). The parts (subject, SPKI,
 * extensionRequest) are encoded here and assembled with asn1js: pkijs would make one multi-valued
 * RDN, cannot read Ed25519 keys, and its CertificationRequest round trip (fromBER + toSchema of
 * every part) cost ~3 ms of a P-256 CSR's ~4 ms. Signing is WebCrypto's directly, for every key
 * type alike: pkijs' own sign() defaults to SHA-1, drops RSA's NULL parameters and knows no Ed25519.
 */
import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, createCMSECDSASignature } from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { CertbenchError, errorMessage, msg, render, type CoreMessage } from '../errors.ts';
import { keyAlgorithmOfCryptoKey, signatureHashOf, type KeyAlgorithm } from '../keys/key-types.ts';
import { spkiOfPublicKey } from '../keys/spki.ts';
import { toPem } from '../pem.ts';
import { encodeExtensionRequest } from './extensions.ts';
import type { CsrRequest } from './request.ts';
import { parseSan, type SanEntry } from './san.ts';
import { encodeSubject, subjectAttributeProblem } from './subject.ts';

export interface BuiltCsr {
  der: Uint8Array;
  pem: string;
  /** The SANs as parsed and encoded. */
  sans: SanEntry[];
}

interface RequestProblem {
  /** 'subject.2', 'sans.0', 'request' */
  field: string;
  message: CoreMessage;
}

/** Every problem with a request at once (a form shows each beside its field); empty when it is fine. */
export function csrRequestProblems(request: Pick<CsrRequest, 'subject' | 'sans'>): RequestProblem[] {
  const problems: RequestProblem[] = [];
  request.subject.forEach((a, i) => {
    const message = subjectAttributeProblem(a);
    if (message) problems.push({ field: `subject.${i}`, message });
  });
  request.sans.forEach((s, i) => {
    try {
      parseSan(s);
    } catch (e) {
      problems.push({ field: `sans.${i}`, message: errorMessage(e) });
    }
  });
  if (request.subject.length === 0 && request.sans.length === 0) problems.push({ field: 'request', message: msg('csr.subjectOrSan') });
  const cns = request.subject.filter((a) => a.type === 'CN').length;
  if (cns > 1) problems.push({ field: 'subject', message: msg('csr.manyCns', { count: cns }) });
  return problems;
}

interface SignatureChoice {
  params: AlgorithmIdentifier;
  webCrypto: { name: string; hash?: string };
  /** WebCrypto's signature bytes → the BIT STRING contents X.509 wants. */
  encode: (raw: ArrayBuffer) => ArrayBuffer;
}

const ECDSA_OIDS = { 'SHA-256': '1.2.840.10045.4.3.2', 'SHA-384': '1.2.840.10045.4.3.3', 'SHA-512': '1.2.840.10045.4.3.4' } as const;

function signatureFor(alg: KeyAlgorithm, key: CryptoKey): SignatureChoice {
  if (alg.family === 'rsa') {
    const hash = (key.algorithm as RsaHashedKeyAlgorithm).hash?.name;
    if (hash !== 'SHA-256') throw new CertbenchError('csr.rsaKeyHash', { hash: hash ?? 'no hash' });
    return {
      // RFC 4055: sha256WithRSAEncryption carries NULL parameters.
      params: new AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11', algorithmParams: new asn1js.Null() }),
      webCrypto: { name: 'RSASSA-PKCS1-v1_5' },
      encode: (raw) => raw,
    };
  }
  if (alg.family === 'ec') {
    const hash = signatureHashOf(alg)!;
    return {
      params: new AlgorithmIdentifier({ algorithmId: ECDSA_OIDS[hash] }),
      webCrypto: { name: 'ECDSA', hash },
      // WebCrypto gives r‖s; X.509 wants ECDSA-Sig-Value (a DER SEQUENCE of two INTEGERs).
      encode: createCMSECDSASignature,
    };
  }
  return {
    params: new AlgorithmIdentifier({ algorithmId: '1.3.101.112' }), // RFC 8410: parameters absent
    webCrypto: { name: 'Ed25519' },
    encode: (raw) => raw,
  };
}

/**
 * Builds and signs the CSR with an existing key pair (generate one with generateKeyPair, so
 * key generation and CSR building can be timed apart). Throws CertbenchError listing every problem.
 */
export async function buildCsr(
  request: Pick<CsrRequest, 'subject' | 'sans' | 'usage' | 'keyEnciphermentAlways'>,
  keyPair: CryptoKeyPair,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<BuiltCsr> {
  const problems = csrRequestProblems(request);
  if (problems.length) throw new CertbenchError('csr.problems', { problems: problems.map((p) => render(p.message)).join('; ') }, 'CSR');
  const alg = keyAlgorithmOfCryptoKey(keyPair.privateKey);
  if (!alg) throw new CertbenchError('csr.keyCannotSign', { name: keyPair.privateKey.algorithm.name }, 'CSR');
  const sig = signatureFor(alg, keyPair.privateKey);
  const sans = request.sans.map(parseSan);
  const spki = await spkiOfPublicKey(keyPair.publicKey, subtle);

  const attribute = encodeExtensionRequest({
    sans,
    usage: request.usage,
    algorithm: alg,
    keyEnciphermentAlways: request.keyEnciphermentAlways,
    emptySubject: request.subject.length === 0,
  });
  // Parts already encoded as DER are decoded back into asn1js blocks (asn1js' RawData is not
  // written when nested), which re-encode to the same bytes.
  const raw = (bytes: Uint8Array) => asn1js.fromBER(toArrayBuffer(bytes)).result;
  // CertificationRequestInfo ::= SEQUENCE { version INTEGER (0), subject Name, subjectPKInfo, attributes [0] IMPLICIT SET OF Attribute }
  const tbs = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      raw(encodeSubject(request.subject)),
      raw(spki),
      new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [raw(attribute)] }),
    ],
  }).toBER();
  let signature: ArrayBuffer;
  let verified: boolean;
  try {
    signature = await subtle.sign(sig.webCrypto, keyPair.privateKey, tbs);
    verified = await subtle.verify(sig.webCrypto, keyPair.publicKey, signature, tbs);
  } catch (e) {
    throw new CertbenchError('csr.signingFailed', { reason: errorMessage(e) }, 'CSR');
  }
  if (!verified) throw new CertbenchError('csr.keyPairMismatch', undefined, 'CSR');
  const der = new Uint8Array(
    new asn1js.Sequence({
      value: [raw(new Uint8Array(tbs)), sig.params.toSchema(), new asn1js.BitString({ valueHex: sig.encode(signature) })],
    }).toBER(),
  );
  return { der, pem: toPem('CERTIFICATE REQUEST', der), sans };
}
