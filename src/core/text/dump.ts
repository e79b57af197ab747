import type { FoundObject } from '../types.ts';
import { CertbenchError } from '../errors.ts';
import type { DerNode } from '../der/node.ts';
import { printCertificateLines } from './certificate.ts';
import { printCsrLines } from './csr.ts';
import { printCrlLines } from './crl.ts';
import { printPkcs7Lines } from './pkcs7.ts';
import { printPrivateKeyLines } from './private-key.ts';
import { printPublicKeyLines, printRsaPublicKeyLines } from './public-key.ts';
import { isParameterLabel, printDsaPublicKeyText, printParametersText } from './parameters.ts';
import { renderLines, textLines, type TextLine } from './lines.ts';

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
 * `tree` is obj.der decoded (by detection, see detectInput's onDecoded), if at hand: the printers
 * then read it instead of decoding the bytes again.
 */
export function dumpText(obj: FoundObject, tree?: DerNode): string {
  return renderLines(printLines(obj, tree));
}

/** The same as records: each line with the field it shows and its bytes in obj.der (src/core/text/lines.ts). */
export function printLines(obj: FoundObject, tree?: DerNode): TextLine[] {
  const der = tree ?? obj.der;
  try {
    switch (obj.kind) {
      case 'certificate':
        return printCertificateLines(der);
      case 'csr':
        return printCsrLines(der);
      case 'crl':
        return printCrlLines(der);
      case 'pkcs7':
        return printPkcs7Lines(der);
      case 'private-key':
        return printPrivateKeyLines(der, 'pkcs8');
      case 'rsa-private-key':
        return printPrivateKeyLines(der, 'pkcs1-rsa');
      case 'ec-private-key':
        return printPrivateKeyLines(der, 'sec1-ec');
      case 'dsa-private-key':
        return printPrivateKeyLines(der, 'openssl-dsa');
      case 'public-key':
        return printPublicKeyLines(der, 0);
      case 'rsa-public-key':
        return printRsaPublicKeyLines(der);
      case 'dsa-public-key':
        return textLines(printDsaPublicKeyText(obj.der));
      case 'parameters':
        if (!isParameterLabel(obj.pemLabel)) throw new CertbenchError('print.parametersByLabel');
        return textLines(printParametersText(obj.der, obj.pemLabel));
      case 'encrypted-private-key':
      case 'legacy-encrypted-key':
        throw new CertbenchError('print.keyEncrypted');
      case 'pkcs12':
        throw new CertbenchError('print.p12Encrypted');
      case 'unknown-der':
        throw new CertbenchError('print.notPrintable');
    }
  } catch (e) {
    // A printer names the element ("offset 0x1c"); the object's origin goes in front of it.
    if (e instanceof CertbenchError && e.where) throw CertbenchError.of(e.said, [obj.origin, ...(Array.isArray(e.where) ? e.where : [e.where])]);
    throw CertbenchError.wrap(e, obj.origin);
  }
}
