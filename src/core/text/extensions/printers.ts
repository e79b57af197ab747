import type { TextLine } from '../lines.ts';
import { printAuthorityKeyIdentifier, printSubjectKeyIdentifier } from './key-identifiers.ts';
import { printKeyUsage, printNetscapeCertType } from './bit-flags.ts';
import { printBasicConstraints } from './basic-constraints.ts';
import { printGeneralNamesExtension } from './alt-names.ts';
import { printExtendedKeyUsage } from './ext-key-usage.ts';
import { printCertificatePolicies } from './certificate-policies.ts';
import { printIntegerValue, printPolicyConstraints, printPolicyMappings } from './policy-constraints.ts';
import { printCrlDistributionPoints, printIssuingDistributionPoint } from './distribution-points.ts';
import { printInfoAccess } from './info-access.ts';
import { printNameConstraints } from './name-constraints.ts';
import { printCtPoison, printSctList } from './sct-list.ts';
import { printAdmissions } from './admissions.ts';
import { printAsIdentifiers, printIpAddrBlocks } from './rfc3779.ts';
import { printOcspCrlId, printOcspNonce, printOcspServiceLocator, printProxyCertInfo, printSxnet } from './ocsp-and-proxy.ts';
import {
  printCrlReason,
  printGeneralizedTime,
  printIa5String,
  printIssuerSignTool,
  printObject,
  printOcspNoCheck,
  printPrivateKeyUsagePeriod,
  printTlsFeature,
  printUtf8String,
} from './simple-values.ts';

/**
 * Body text of an extension value as OpenSSL writes it, as text or as records that say what each
 * line shows (`field` is the extension's explanation id); throws ExtensionParseError to get the raw dump.
 */
export type ExtensionPrinter = (value: Uint8Array, indent: number, field: string) => string | TextLine[];

/** The extensions OpenSSL 3.0 has a printer for (its standard_exts table), by OID. */
export const EXTENSION_PRINTERS: Record<string, ExtensionPrinter> = {
  '2.5.29.14': printSubjectKeyIdentifier,
  '2.5.29.35': printAuthorityKeyIdentifier,
  '2.5.29.15': printKeyUsage,
  '2.5.29.16': printPrivateKeyUsagePeriod,
  '2.5.29.17': printGeneralNamesExtension,
  '2.5.29.18': printGeneralNamesExtension,
  '2.5.29.19': printBasicConstraints,
  '2.5.29.20': printIntegerValue, // CRL Number
  '2.5.29.21': printCrlReason,
  '2.5.29.23': printObject, // Hold Instruction Code
  '2.5.29.24': printGeneralizedTime, // Invalidity Date
  '2.5.29.27': printIntegerValue, // Delta CRL Indicator
  '2.5.29.28': printIssuingDistributionPoint,
  '2.5.29.29': printGeneralNamesExtension, // Certificate Issuer
  '2.5.29.30': printNameConstraints,
  '2.5.29.31': printCrlDistributionPoints,
  '2.5.29.32': printCertificatePolicies,
  '2.5.29.33': printPolicyMappings,
  '2.5.29.36': printPolicyConstraints,
  '2.5.29.37': printExtendedKeyUsage,
  '2.5.29.46': printCrlDistributionPoints, // Freshest CRL
  '2.5.29.54': printIntegerValue, // Inhibit anyPolicy
  '1.3.6.1.5.5.7.1.1': printInfoAccess,
  '1.3.6.1.5.5.7.1.11': printInfoAccess,
  '1.3.6.1.5.5.7.1.24': printTlsFeature,
  '1.3.6.1.5.5.7.48.1.2': printOcspNonce,
  '1.3.6.1.5.5.7.48.1.3': printOcspCrlId,
  '1.3.6.1.5.5.7.48.1.4': printExtendedKeyUsage, // Acceptable OCSP Responses: the same OID list printer
  '1.3.6.1.5.5.7.48.1.5': printOcspNoCheck,
  '1.3.6.1.5.5.7.48.1.6': printGeneralizedTime, // Archive Cutoff
  '1.3.6.1.5.5.7.48.1.7': printOcspServiceLocator,
  '1.3.6.1.5.5.7.1.14': printProxyCertInfo,
  '1.3.6.1.5.5.7.1.7': printIpAddrBlocks,
  '1.3.6.1.5.5.7.1.8': printAsIdentifiers,
  '1.3.101.1.4.1': printSxnet,
  '1.3.6.1.4.1.11129.2.4.2': printSctList,
  '1.3.6.1.4.1.11129.2.4.3': printCtPoison,
  '1.3.6.1.4.1.11129.2.4.5': printSctList,
  '2.16.840.1.113730.1.1': printNetscapeCertType,
  '2.16.840.1.113730.1.2': printIa5String, // Netscape Base Url
  '2.16.840.1.113730.1.3': printIa5String, // Netscape Revocation Url
  '2.16.840.1.113730.1.4': printIa5String, // Netscape CA Revocation Url
  '2.16.840.1.113730.1.7': printIa5String, // Netscape Renewal Url
  '2.16.840.1.113730.1.8': printIa5String, // Netscape CA Policy Url
  '2.16.840.1.113730.1.12': printIa5String, // Netscape SSL Server Name
  '2.16.840.1.113730.1.13': printIa5String, // Netscape Comment
  '1.2.643.100.111': printUtf8String, // Signing Tool of Subject
  '1.2.643.100.112': printIssuerSignTool,
  '1.3.36.8.3.3': printAdmissions,
};
