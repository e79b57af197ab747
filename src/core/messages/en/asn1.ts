/** The ASN.1 view and key-info reader. */
export default {
  'asn1.cannotDecode': 'cannot decode: {reason}',
  'asn1.noBytes': 'there are no bytes to decode',
  'asn1.notBer': 'not valid BER/DER: {reason}',
  'asn1.pkcs8NoAlgorithm': 'PrivateKeyInfo has no algorithm',
  'asn1.spkiIncomplete': 'SubjectPublicKeyInfo has no algorithm or key',
} as const;
