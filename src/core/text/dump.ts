import type { FoundObject } from '../types.ts';
import { CertbenchError } from '../errors.ts';
import type { DerNode } from '../der/node.ts';
import { printCertificate } from './certificate.ts';
import { printCsr } from './csr.ts';
import { printCrl } from './crl.ts';
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
  return printout(obj, tree, true).text();
}

/** The same as records: each line with the field it shows and its bytes in obj.der (src/core/text/lines.ts). */
export function printLines(obj: FoundObject, tree?: DerNode): TextLine[] {
  return printout(obj, tree, false).lines;
}

/** A printer's output: its records, and its text (certificates, requests and CRLs can make the text alone). */
interface Printout {
  lines: TextLine[];
  text(): string;
}

function records(lines: TextLine[]): Printout {
  return { lines, text: () => renderLines(lines) };
}

function printout(obj: FoundObject, tree: DerNode | undefined, textOnly: boolean): Printout {
  const der = tree ?? obj.der;
  try {
    switch (obj.kind) {
      case 'certificate':
        return printCertificate(der, textOnly);
      case 'csr':
        return printCsr(der, textOnly);
      case 'crl':
        return printCrl(der, textOnly);
      case 'pkcs7':
        return records(printPkcs7Lines(der));
      case 'private-key':
        return records(printPrivateKeyLines(der, 'pkcs8'));
      case 'rsa-private-key':
        return records(printPrivateKeyLines(der, 'pkcs1-rsa'));
      case 'ec-private-key':
        return records(printPrivateKeyLines(der, 'sec1-ec'));
      case 'dsa-private-key':
        return records(printPrivateKeyLines(der, 'openssl-dsa'));
      case 'public-key':
        return records(printPublicKeyLines(der, 0));
      case 'rsa-public-key':
        return records(printRsaPublicKeyLines(der));
      case 'dsa-public-key':
        return records(textLines(printDsaPublicKeyText(obj.der)));
      case 'parameters':
        if (!isParameterLabel(obj.pemLabel)) throw new CertbenchError('print.parametersByLabel');
        return records(textLines(printParametersText(obj.der, obj.pemLabel)));
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
