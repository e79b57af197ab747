/** CRL v2 for a CA (RFC 5280 §5): CRL number, AKI, thisUpdate/nextUpdate, reason codes. */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes.ts';
import { OID } from '../cert/extensions.ts';
import { pkijsName } from '../cert/name.ts';
import { serialInteger } from '../cert/serial.ts';
import { signatureAlgorithmOf, signingKeyAlgorithm, signToBeSigned } from '../cert/signature.ts';
import { DAY_MS, wholeSeconds, x509Time } from '../cert/time.ts';
import { CertbenchError } from '../errors.ts';
import { toPem } from '../pem.ts';
import { caFacts, caKeyIdentifier } from './identity.ts';
import { REVOCATION_REASONS, type CaSigner, type IssuedCertificate } from './types.ts';

/** pkijs declares encodeTBS protected on CRLs; it is the documented way to get the bytes to sign. */
interface TbsEncoder {
  encodeTBS(): asn1js.Sequence;
}

export interface CrlOptions {
  /** Monotonic per CA: the store keeps the last one used. */
  crlNumber: number;
  /** Days until nextUpdate; default 30. */
  days?: number;
  thisUpdate?: Date;
}

export interface BuiltCrl {
  der: Uint8Array;
  pem: string;
  crlNumber: number;
  revokedSerials: string[];
}

function ext(id: string, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID: id, critical: false, extnValue: value.toBER() });
}

/** Signs a CRL listing every revoked certificate among `issued` (rows of other CAs are refused). */
export async function buildCrl(ca: CaSigner, issued: readonly IssuedCertificate[], options: CrlOptions): Promise<BuiltCrl> {
  if (!Number.isInteger(options.crlNumber) || options.crlNumber < 0) throw new CertbenchError('ca.crlNumber', { crlNumber: options.crlNumber }, 'CRL');
  const days = options.days ?? 30;
  if (!(days > 0)) throw new CertbenchError('general.daysNotPositive', { days }, 'CRL nextUpdate');
  const facts = caFacts(ca.certificate);
  if (facts.keyUsage && !facts.keyUsage.includes('cRLSign')) throw new CertbenchError('ca.noCrlSign', undefined, 'CRL');
  const algorithm = signatureAlgorithmOf(signingKeyAlgorithm(ca.key));
  const thisUpdate = wholeSeconds(options.thisUpdate ?? new Date());
  const revoked = issued.filter((e) => e.status === 'revoked');
  for (const e of revoked) if (e.caId !== ca.id) throw new CertbenchError('ca.serialOtherCa', { serial: e.serialHex }, 'CRL');
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    signature: algorithm,
    issuer: pkijsName(facts.subjectDer),
    thisUpdate: x509Time(thisUpdate),
    nextUpdate: x509Time(new Date(thisUpdate.getTime() + days * DAY_MS)),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        ext(OID.authorityKeyIdentifier, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(await caKeyIdentifier(facts)) }) }).toSchema()),
        ext(OID.cRLNumber, new asn1js.Integer({ value: options.crlNumber })),
      ],
    }),
  });
  if (revoked.length) {
    crl.revokedCertificates = revoked.map((e) => {
      const reason = e.revocationReason ?? 'unspecified';
      return new pkijs.RevokedCertificate({
        userCertificate: serialInteger(e.serialHex),
        revocationDate: x509Time(new Date(e.revokedAt ?? thisUpdate)),
        // RFC 5280 §5.3.1: the reason code is omitted rather than written as unspecified.
        ...(reason !== 'unspecified'
          ? { crlEntryExtensions: new pkijs.Extensions({ extensions: [ext(OID.cRLReason, new asn1js.Enumerated({ value: REVOCATION_REASONS[reason] }))] }) }
          : {}),
      });
    });
  }
  const der = await signToBeSigned(new Uint8Array((crl as unknown as TbsEncoder).encodeTBS().toBER()), algorithm, ca.key);
  return { der, pem: toPem('X509 CRL', der), crlNumber: options.crlNumber, revokedSerials: revoked.map((e) => e.serialHex) };
}
