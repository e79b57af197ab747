/** Where an object came from, in the words of a card's origin line: "block 2 (CERTIFICATE) › certificate 2 of 3". */
export default {
  'place.nthOf': '{noun} {index} of {count}',
  'place.bag': 'bag {index}',
  'place.bagLabelled': 'bag {index} ({label})',
  'place.decrypted': 'decrypted',
  'place.noun.certificate': 'certificate',
  'place.noun.request': 'request',
  'place.noun.crl': 'CRL',
  'place.noun.privateKey': 'private key',
  'place.noun.encryptedKey': 'encrypted private key',
  'place.noun.publicKey': 'public key',
  'place.noun.parameters': 'parameters',
  'place.noun.pkcs7': 'PKCS#7 bundle',
  'place.noun.pkcs12': 'PKCS#12 file',
  'place.noun.object': 'object',
} as const;
