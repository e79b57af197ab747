import type { AsnType } from 'asn1js';
import type { FoundObject } from '../types.ts';
import { CertbenchError } from '../errors.ts';
import { withDecodedTree } from './der.ts';
import { printCertificateText } from './certificate.ts';
import { printCsrText } from './csr.ts';
import { printCrlText } from './crl.ts';
import { printPkcs7Text } from './pkcs7.ts';
import { printPrivateKeyText } from './private-key.ts';
import { printPublicKeyText, printRsaPublicKeyText } from './public-key.ts';
import { isParameterLabel, printDsaPublicKeyText, printParametersText } from './parameters.ts';

/**
 * The text OpenSSL 3.0 prints for an object, byte for byte, ending in a newline:
 *   certificate          openssl x509 -noout -text
 *   csr                  openssl req -noout -text
 *   crl                  openssl crl -noout -text
 *   *-private-key        openssl pkey -noout -text
 *   public-key           openssl pkey -pubin -noout -text
 *   rsa-public-key       openssl rsa -RSAPublicKey_in -noout -text
 *   dsa-public-key       openssl pkey -pubin -noout -text
 *   parameters           openssl pkeyparam -noout -text (DSA, DH, X9.42 DH or EC, by the PEM label)
 *   pkcs7                openssl pkcs7 -print_certs -text -noout
 * Throws CertbenchError (naming obj.origin) when the object cannot be printed.
 * `tree` is the asn1js tree detection decoded from obj.der (detectInput's onDecoded), if at hand.
 */
export function dumpText(obj: FoundObject, tree?: AsnType): string {
  return withDecodedTree(obj.der, tree, () => printText(obj));
}

function printText(obj: FoundObject): string {
  try {
    switch (obj.kind) {
      case 'certificate':
        return printCertificateText(obj.der);
      case 'csr':
        return printCsrText(obj.der);
      case 'crl':
        return printCrlText(obj.der);
      case 'pkcs7':
        return printPkcs7Text(obj.der);
      case 'private-key':
        return printPrivateKeyText(obj.der, 'pkcs8');
      case 'rsa-private-key':
        return printPrivateKeyText(obj.der, 'pkcs1-rsa');
      case 'ec-private-key':
        return printPrivateKeyText(obj.der, 'sec1-ec');
      case 'dsa-private-key':
        return printPrivateKeyText(obj.der, 'openssl-dsa');
      case 'public-key':
        return printPublicKeyText(obj.der);
      case 'rsa-public-key':
        return printRsaPublicKeyText(obj.der);
      case 'dsa-public-key':
        return printDsaPublicKeyText(obj.der);
      case 'parameters':
        if (!isParameterLabel(obj.pemLabel)) throw new CertbenchError('parameters are read by their PEM label (DSA, DH, X9.42 DH or EC PARAMETERS)');
        return printParametersText(obj.der, obj.pemLabel);
      case 'encrypted-private-key':
      case 'legacy-encrypted-key':
        throw new CertbenchError('this private key is encrypted: enter its passphrase to see it');
      case 'pkcs12':
        throw new CertbenchError('a PKCS#12 file is protected by a passphrase: enter it to see its certificates and keys');
      case 'unknown-der':
        throw new CertbenchError('not a certificate, request, CRL, key or PKCS#7 bundle (see the ASN.1 view)');
    }
  } catch (e) {
    if (e instanceof CertbenchError && e.where) throw e;
    throw new CertbenchError(e instanceof Error ? e.message : String(e), obj.origin);
  }
}
