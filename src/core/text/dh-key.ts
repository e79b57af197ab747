/**
 * Diffie-Hellman keys and parameters as OpenSSL 3.0's key text encoder prints them (dh_to_text and
 * ffc_params_to_text in encode_key2text.c): "DH Private-Key" / "DH Public-Key" / "DH Parameters",
 * the numbers, then the domain parameters — or only "GROUP: name" when p and g (and q, if given)
 * are one of the groups OpenSSL knows by name (ossl_dh_cache_named_group). Two encodings:
 *   PKCS#3 dhKeyAgreement (1.2.840.113549.1.3.1): DHParameter ::= SEQUENCE { p, g, privateValueLength OPTIONAL }
 *   X9.42 dhpublicnumber (1.2.840.10046.2.1): DomainParameters ::= SEQUENCE { p, g, q, j OPTIONAL,
 *     validationParms SEQUENCE { seed BIT STRING, pgenCounter INTEGER } OPTIONAL }
 * A private key file holds x alone; OpenSSL computes y = g^x mod p when it loads it, and so does this.
 */
import { CertbenchError } from '../errors.ts';
import { modPow } from '../keymath/modular.ts';
import { type DerNode, parseDer } from '../der/node.ts';
import { bitStringBytes, expectUniversal, integerValue, isUniversal } from '../der/read.ts';
import { TAG } from '../der/tags.ts';
import { NAMED_DH_GROUPS } from './dh-groups.generated.ts';
import { labeledBignumLines, labeledBufferLines } from './key-fields.ts';

export const DH_KEY_AGREEMENT = '1.2.840.113549.1.3.1';
export const DH_PUBLIC_NUMBER = '1.2.840.10046.2.1';

/** FFC_PARAMS as far as a file can fill them. */
interface DhParameters {
  p: bigint;
  g: bigint;
  q?: bigint;
  j?: bigint;
  seed?: Uint8Array;
  pcounter?: bigint;
}

/** The domain parameters of either encoding; `x942` for dhpublicnumber / "X9.42 DH PARAMETERS". */
export function readDhParameters(params: DerNode | undefined, x942: boolean): DhParameters {
  const what = x942 ? 'X9.42 DH parameters' : 'DH parameters';
  const seq = expectUniversal(params, TAG.SEQUENCE, what);
  const ints = seq.children;
  const int = (i: number, name: string): bigint => {
    const node = ints[i];
    if (!isUniversal(node, TAG.INTEGER)) throw new CertbenchError('print.dhNotInteger', { name }, what);
    return integerValue(node, `${what} ${name}`);
  };
  const p = int(0, 'p');
  const g = int(1, 'g');
  if (!x942) {
    // privateValueLength is read but never printed by OpenSSL 3.0's encoder.
    if (ints.length > 3 || (ints[2] && !isUniversal(ints[2], TAG.INTEGER))) throw new CertbenchError('print.dhFieldsAfterG', undefined, what);
    return { p, g };
  }
  const out: DhParameters = { p, g, q: int(2, 'q') };
  let i = 3;
  if (isUniversal(ints[i], TAG.INTEGER)) out.j = int(i++, 'j');
  const validation = ints[i];
  if (validation) {
    const v = expectUniversal(validation, TAG.SEQUENCE, `${what} validation parameters`);
    const [seed, counter] = v.children;
    if (!isUniversal(seed, TAG.BIT_STRING) || !isUniversal(counter, TAG.INTEGER) || v.children.length !== 2) {
      throw new CertbenchError('print.dhValidationParameters', undefined, what);
    }
    out.seed = bitStringBytes(expectUniversal(seed, TAG.BIT_STRING, `${what} seed`)).bytes;
    out.pcounter = integerValue(counter, `${what} pgenCounter`);
    i++;
  }
  if (ints.length > i) throw new CertbenchError('print.dhFieldsAfterValidation', undefined, what);
  return out;
}

/** The name OpenSSL gives these parameters, if they are a named group (q may be absent, else must match). */
function namedGroup(params: DhParameters): string | undefined {
  return NAMED_DH_GROUPS.find((n) => n.p === params.p && n.g === params.g && (params.q === undefined || params.q === n.q))?.name;
}

/** ffc_params_to_text. */
function ffcParameterLines(params: DhParameters, allowNamed = true): string[] {
  const name = allowNamed ? namedGroup(params) : undefined;
  if (name) return [`GROUP: ${name}`];
  const lines = [...labeledBignumLines('P:   ', params.p)];
  if (params.q !== undefined) lines.push(...labeledBignumLines('Q:   ', params.q));
  lines.push(...labeledBignumLines('G:   ', params.g));
  if (params.j !== undefined) lines.push(...labeledBignumLines('J:   ', params.j));
  if (params.seed) lines.push(...labeledBufferLines('SEED:', params.seed));
  if (params.pcounter !== undefined) lines.push(`pcounter: ${params.pcounter}`);
  return lines;
}

const bits = (v: bigint): number => (v <= 0n ? 0 : v.toString(2).length);

/** dh_to_text for parameters alone ("DH Parameters: (2048 bit)"). */
export function dhParameterLines(params: DhParameters): string[] {
  return [`DH Parameters: (${bits(params.p)} bit)`, ...ffcParameterLines(params)];
}

/** dh_to_text for a public key: y from the SPKI's BIT STRING (an INTEGER). */
function dhPublicKeyLines(params: DhParameters, y: bigint): string[] {
  return [`DH Public-Key: (${bits(params.p)} bit)`, ...labeledBignumLines('public-key:', y), ...ffcParameterLines(params)];
}

/** dh_to_text for a private key: x from the PKCS#8 OCTET STRING, y computed as OpenSSL computes it. */
export function dhPrivateKeyLines(params: DhParameters, x: bigint): string[] {
  if (params.p <= 1n) throw new CertbenchError('print.dhBadPrime');
  return [
    `DH Private-Key: (${bits(params.p)} bit)`,
    ...labeledBignumLines('private-key:', x),
    ...labeledBignumLines('public-key:', modPow(params.g, x, params.p)),
    ...ffcParameterLines(params),
  ];
}

/**
 * The key of a SubjectPublicKeyInfo whose algorithm is a DH one, or undefined where OpenSSL could not
 * load it ("Unable to load Public Key"): `paramsDer` the AlgorithmIdentifier's parameters, `key` the
 * BIT STRING's bytes (an INTEGER y).
 */
export function dhSpkiLines(oid: string, paramsDer: Uint8Array | undefined, key: Uint8Array): string[] | undefined {
  if (!paramsDer) return undefined;
  try {
    const params = readDhParameters(parseDer(paramsDer, 'DH parameters'), oid === DH_PUBLIC_NUMBER);
    return dhPublicKeyLines(params, integerValue(expectUniversal(parseDer(key, 'DH public key'), TAG.INTEGER, 'DH public key'), 'DH public key'));
  } catch (e) {
    if (e instanceof CertbenchError) return undefined;
    throw e;
  }
}
