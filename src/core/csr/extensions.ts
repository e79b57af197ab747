/** The extensions a CSR asks for, in an extensionRequest attribute (PKCS#9, RFC 2985). */
import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes.ts';
import type { KeyAlgorithm } from '../keys/key-types.ts';
import { EXTENDED_KEY_USAGES, type Usage } from './request.ts';
import { encodeGeneralNames, type SanEntry } from './san.ts';

export const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_SAN = '2.5.29.17';
const OID_KEY_USAGE = '2.5.29.15';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_BASIC_CONSTRAINTS = '2.5.29.19';

interface RequestedExtensions {
  sans: SanEntry[];
  usage: Usage;
  algorithm: KeyAlgorithm;
  keyEnciphermentAlways?: boolean;
  /** RFC 5280 4.2.1.6: with an empty subject the SAN extension must be critical. */
  emptySubject: boolean;
}

interface KeyUsageBits {
  digitalSignature: boolean;
  keyEncipherment: boolean;
}

/** RSA keys encipher (TLS RSA key exchange); EC and Ed25519 keys only sign, unless asked otherwise. */
export function keyUsageFor(algorithm: KeyAlgorithm, keyEnciphermentAlways = false): KeyUsageBits {
  return { digitalSignature: true, keyEncipherment: algorithm.family === 'rsa' || keyEnciphermentAlways };
}

/** KeyUsage BIT STRING: bit 0 digitalSignature, bit 2 keyEncipherment; DER drops trailing zero bits. */
function keyUsageDer(ku: KeyUsageBits): Uint8Array {
  const byte = (ku.digitalSignature ? 0x80 : 0) | (ku.keyEncipherment ? 0x20 : 0);
  const unused = ku.keyEncipherment ? 5 : 7;
  return new Uint8Array([0x03, 0x02, unused, byte]);
}

function extension(oid: string, critical: boolean, value: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: oid }),
      ...(critical ? [new asn1js.Boolean({ value: true })] : []),
      new asn1js.OctetString({ valueHex: toArrayBuffer(value) }),
    ],
  });
}

/** The Attribute { extensionRequest, SET { Extensions } } DER. */
export function encodeExtensionRequest(req: RequestedExtensions): Uint8Array {
  const exts: asn1js.Sequence[] = [];
  // CA:FALSE is the DEFAULT, so DER leaves an empty SEQUENCE.
  exts.push(extension(OID_BASIC_CONSTRAINTS, true, new Uint8Array([0x30, 0x00])));
  exts.push(extension(OID_KEY_USAGE, true, keyUsageDer(keyUsageFor(req.algorithm, req.keyEnciphermentAlways))));
  const eku = new asn1js.Sequence({ value: EXTENDED_KEY_USAGES[req.usage].map((u) => new asn1js.ObjectIdentifier({ value: u.oid })) });
  exts.push(extension(OID_EXT_KEY_USAGE, false, new Uint8Array(eku.toBER())));
  if (req.sans.length) exts.push(extension(OID_SAN, req.emptySubject, encodeGeneralNames(req.sans)));
  const attr = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OID_EXTENSION_REQUEST }), new asn1js.Set({ value: [new asn1js.Sequence({ value: exts })] })],
  });
  return new Uint8Array(attr.toBER());
}
