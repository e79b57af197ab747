/**
 * Every field the explanations know, by stable id, with the standard that defines it. This table
 * is the list of keys: each language's catalog must explain exactly these ids (a unit test checks).
 * References are language-neutral, so they live here once rather than in every catalog.
 */
const RFC5280 = (s: string) => `RFC 5280 §${s}`;

const NAME_ATTRIBUTES: Record<string, string> = {
  '2.5.4.3': RFC5280('4.1.2.4, Appendix A'), // CN
  '2.5.4.4': 'RFC 4519 §2.32', // SN (surname)
  '2.5.4.5': 'RFC 4519 §2.31', // serialNumber
  '2.5.4.6': RFC5280('4.1.2.4'), // C
  '2.5.4.7': 'RFC 4519 §2.16', // L
  '2.5.4.8': 'RFC 4519 §2.33', // ST
  '2.5.4.9': 'RFC 4519 §2.34', // street
  '2.5.4.10': RFC5280('4.1.2.4'), // O
  '2.5.4.11': RFC5280('4.1.2.4'), // OU
  '2.5.4.12': 'RFC 4519 §2.38', // title
  '2.5.4.13': 'RFC 4519 §2.5', // description
  '2.5.4.15': 'RFC 4519 §2.2', // businessCategory
  '2.5.4.17': 'RFC 4519 §2.23', // postalCode
  '2.5.4.41': RFC5280('Appendix A'), // name
  '2.5.4.42': 'RFC 4519 §2.12', // givenName
  '2.5.4.43': 'RFC 4519 §2.14', // initials
  '2.5.4.44': 'RFC 4519 §2.11', // generationQualifier
  '2.5.4.46': RFC5280('4.1.2.4'), // dnQualifier
  '2.5.4.65': RFC5280('Appendix A'), // pseudonym
  '2.5.4.97': 'ETSI EN 319 412-1 §5.1.4', // organizationIdentifier
  '1.2.840.113549.1.9.1': RFC5280('4.1.2.6'), // emailAddress
  '0.9.2342.19200300.100.1.25': RFC5280('4.1.2.4'), // DC
  '0.9.2342.19200300.100.1.1': 'RFC 4519 §2.39', // UID
  '1.3.6.1.4.1.311.60.2.1.1': 'CA/B Forum EV Guidelines §9.2.4', // jurisdictionL
  '1.3.6.1.4.1.311.60.2.1.2': 'CA/B Forum EV Guidelines §9.2.4', // jurisdictionST
  '1.3.6.1.4.1.311.60.2.1.3': 'CA/B Forum EV Guidelines §9.2.4', // jurisdictionC
};

const EXTENSIONS: Record<string, string> = {
  '2.5.29.14': RFC5280('4.2.1.2'),
  '2.5.29.35': RFC5280('4.2.1.1'),
  '2.5.29.15': RFC5280('4.2.1.3'),
  '2.5.29.16': 'RFC 3280 §4.2.1.4',
  '2.5.29.17': RFC5280('4.2.1.6'),
  '2.5.29.18': RFC5280('4.2.1.7'),
  '2.5.29.19': RFC5280('4.2.1.9'),
  '2.5.29.20': RFC5280('5.2.3'),
  '2.5.29.21': RFC5280('5.3.1'),
  '2.5.29.23': 'RFC 3280 §5.3.2',
  '2.5.29.24': RFC5280('5.3.2'),
  '2.5.29.27': RFC5280('5.2.4'),
  '2.5.29.28': RFC5280('5.2.5'),
  '2.5.29.29': RFC5280('5.3.3'),
  '2.5.29.30': RFC5280('4.2.1.10'),
  '2.5.29.31': RFC5280('4.2.1.13'),
  '2.5.29.32': RFC5280('4.2.1.4'),
  '2.5.29.33': RFC5280('4.2.1.5'),
  '2.5.29.36': RFC5280('4.2.1.11'),
  '2.5.29.37': RFC5280('4.2.1.12'),
  '2.5.29.46': RFC5280('4.2.1.15'),
  '2.5.29.54': RFC5280('4.2.1.14'),
  '2.5.29.9': RFC5280('4.2.1.8'),
  '1.3.6.1.5.5.7.1.1': RFC5280('4.2.2.1'),
  '1.3.6.1.5.5.7.1.11': RFC5280('4.2.2.2'),
  '1.3.6.1.5.5.7.1.24': 'RFC 7633 §4',
  '1.3.6.1.5.5.7.1.3': 'RFC 3739 §3.2.6',
  '1.3.6.1.5.5.7.48.1.2': 'RFC 6960 §4.4.1',
  '1.3.6.1.5.5.7.48.1.3': 'RFC 6960 §4.4.2',
  '1.3.6.1.5.5.7.48.1.4': 'RFC 6960 §4.4.3',
  '1.3.6.1.5.5.7.48.1.5': 'RFC 6960 §4.2.2.2.1',
  '1.3.6.1.5.5.7.48.1.6': 'RFC 6960 §4.4.4',
  '1.3.6.1.5.5.7.48.1.7': 'RFC 6960 §4.4.6',
  '1.3.6.1.5.5.7.1.14': 'RFC 3820 §3.8',
  '1.3.6.1.5.5.7.1.7': 'RFC 3779 §2',
  '1.3.6.1.5.5.7.1.8': 'RFC 3779 §3',
  '1.3.101.1.4.1': 'Thawte Strong Extranet (no RFC)',
  '1.3.6.1.4.1.11129.2.4.2': 'RFC 6962 §3.3',
  '1.3.6.1.4.1.11129.2.4.3': 'RFC 6962 §3.1',
  '1.3.6.1.4.1.11129.2.4.5': 'RFC 6962 §3.3',
  '2.16.840.1.113730.1.1': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.2': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.3': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.4': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.7': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.8': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.12': 'Netscape Certificate Extensions (historic)',
  '2.16.840.1.113730.1.13': 'Netscape Certificate Extensions (historic)',
  '1.2.643.100.111': 'Russian Federal Law 63-FZ, FSB order 795',
  '1.2.643.100.112': 'Russian Federal Law 63-FZ, FSB order 795',
  '1.3.36.8.3.3': 'Common PKI (ISIS-MTT) Part 1 §3.5.2',
  '1.3.6.1.4.1.311.21.1': 'Microsoft AD CS (MS-WCCE)',
  '1.3.6.1.4.1.311.21.2': 'Microsoft AD CS (MS-WCCE)',
  '1.3.6.1.4.1.311.20.2': 'Microsoft AD CS (MS-WCCE)',
  '1.3.6.1.4.1.311.21.7': 'Microsoft AD CS (MS-WCCE)',
  '1.3.6.1.4.1.311.21.10': 'Microsoft AD CS (MS-WCCE)',
  '2.23.140.3.1': 'CA/B Forum EV Code Signing Guidelines',
  '2.23.140.1.31': 'CA/B Forum Baseline Requirements Appendix C',
  '1.2.840.113583.1.1.9.1': 'Adobe AATL (no RFC)',
};

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

const EKU: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': RFC5280('4.2.1.12'),
  '1.3.6.1.5.5.7.3.2': RFC5280('4.2.1.12'),
  '1.3.6.1.5.5.7.3.3': RFC5280('4.2.1.12'),
  '1.3.6.1.5.5.7.3.4': RFC5280('4.2.1.12'),
  '1.3.6.1.5.5.7.3.5': 'RFC 4945 §5.1.3.12',
  '1.3.6.1.5.5.7.3.6': 'RFC 4945 §5.1.3.12',
  '1.3.6.1.5.5.7.3.7': 'RFC 4945 §5.1.3.12',
  '1.3.6.1.5.5.7.3.8': RFC5280('4.2.1.12'),
  '1.3.6.1.5.5.7.3.9': RFC5280('4.2.1.12'),
  '1.3.6.1.5.5.7.3.17': 'RFC 4945 §5.1.3.12',
  '2.5.29.37.0': RFC5280('4.2.1.12'),
  '1.3.6.1.4.1.311.20.2.2': 'Microsoft smart card logon (MS-PKCA)',
  '1.3.6.1.4.1.311.10.3.3': 'Microsoft Server Gated Crypto (historic)',
  '2.16.840.1.113730.4.1': 'Netscape Server Gated Crypto (historic)',
  '1.3.6.1.4.1.311.2.1.22': 'Microsoft Authenticode',
  '1.3.6.1.4.1.11129.2.4.4': 'RFC 6962 §3.1',
};

const ACCESS_METHODS: Record<string, string> = {
  '1.3.6.1.5.5.7.48.1': RFC5280('4.2.2.1'),
  '1.3.6.1.5.5.7.48.2': RFC5280('4.2.2.1'),
  '1.3.6.1.5.5.7.48.3': RFC5280('4.2.2.2'),
  '1.3.6.1.5.5.7.48.5': RFC5280('4.2.2.2'),
};

const POLICIES: Record<string, string> = {
  '2.5.29.32.0': RFC5280('4.2.1.4'),
  '2.23.140.1.1': 'CA/B Forum EV Guidelines §9.3.2',
  '2.23.140.1.2.1': 'CA/B Forum Baseline Requirements §7.1.6.1',
  '2.23.140.1.2.2': 'CA/B Forum Baseline Requirements §7.1.6.1',
  '2.23.140.1.2.3': 'CA/B Forum Baseline Requirements §7.1.6.1',
};

const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

const GENERAL_NAMES = ['dns', 'ip', 'email', 'uri', 'dirName', 'otherName', 'rid', 'x400', 'ediParty'];

const KUBE_AUTH = 'Kubernetes docs: Authenticating, X509 client certificates';
const KUBE_PKI = 'Kubernetes docs: PKI certificates and requirements';

export const FIELD_REFERENCES: Record<string, string> = {
  'cert.certificate': RFC5280('4.1'),
  'cert.data': RFC5280('4.1.1.1'),
  'cert.version': RFC5280('4.1.2.1'),
  'cert.serial': RFC5280('4.1.2.2'),
  'cert.tbsSignature': RFC5280('4.1.2.3'),
  'cert.issuer': RFC5280('4.1.2.4'),
  'cert.validity': RFC5280('4.1.2.5'),
  'cert.notBefore': RFC5280('4.1.2.5'),
  'cert.notAfter': RFC5280('4.1.2.5'),
  'cert.subject': RFC5280('4.1.2.6'),
  'cert.issuerUniqueId': RFC5280('4.1.2.8'),
  'cert.subjectUniqueId': RFC5280('4.1.2.8'),
  'cert.extensions': RFC5280('4.1.2.9'),
  'sig.algorithm': RFC5280('4.1.1.2'),
  'sig.value': RFC5280('4.1.1.3'),
  'sig.pssParams': 'RFC 4055 §3.1',
  'alg.rsa': 'RFC 8017 §8.2, RFC 4055',
  'alg.rsaPss': 'RFC 4055 §3',
  'alg.ecdsa': 'RFC 5480, RFC 5758 §3.2',
  'alg.eddsa': 'RFC 8410',
  'alg.xdh': 'RFC 8410',
  'alg.dsa': 'RFC 3279 §2.2.2',
  'alg.weakHash': 'RFC 6194, RFC 6151',
  spki: RFC5280('4.1.2.7'),
  'spki.algorithm': 'RFC 5280 §4.1.1.2, RFC 3279 §2.3',
  'key.publicHeader': 'RFC 5280 §4.1.2.7',
  'key.privateHeader': 'RFC 5208 §5, RFC 5958 §2',
  'key.rsa.modulus': 'RFC 8017 §3.1',
  'key.rsa.publicExponent': 'RFC 8017 §3.1',
  'key.rsa.privateExponent': 'RFC 8017 §3.2',
  'key.rsa.primes': 'RFC 8017 §3.2',
  'key.rsa.crtValues': 'RFC 8017 §3.2',
  'key.rsaPss.restrictions': 'RFC 4055 §3.1',
  'key.ec.pub': 'RFC 5480 §2.2',
  'key.ec.priv': 'RFC 5915 §3',
  'key.ec.curve': 'RFC 5480 §2.1.1.1',
  'key.ec.nistCurve': 'FIPS 186-4 Appendix D, RFC 5480 §2.1.1.1',
  'key.ec.explicitParams': 'RFC 3279 §2.3.5',
  'key.ecx.pub': 'RFC 8410 §4',
  'key.ecx.priv': 'RFC 8410 §7',
  'key.dsa.pub': 'RFC 3279 §2.3.2',
  'key.dsa.priv': 'FIPS 186-4 §4.1',
  'key.dsa.params': 'RFC 3279 §2.3.2',
  ...Object.fromEntries(Object.entries(NAME_ATTRIBUTES).map(([oid, ref]) => [`name.attr.${oid}`, ref])),
  'name.attr.other': RFC5280('4.1.2.4'),
  'kube.systemMasters': KUBE_AUTH,
  'kube.nodeIdentity': 'Kubernetes docs: Using Node Authorization',
  'kube.apiserverNames': KUBE_PKI,
  ...Object.fromEntries(Object.entries(EXTENSIONS).map(([oid, ref]) => [`ext.${oid}`, ref])),
  'ext.unknown': RFC5280('4.2'),
  'ext.critical': RFC5280('4.2'),
  ...Object.fromEntries(KEY_USAGE_BITS.map((b) => [`ext.keyUsage.${b}`, RFC5280('4.2.1.3')])),
  'ext.basicConstraints.ca': RFC5280('4.2.1.9'),
  'ext.basicConstraints.pathlen': RFC5280('4.2.1.9'),
  ...Object.fromEntries(Object.entries(EKU).map(([oid, ref]) => [`eku.${oid}`, ref])),
  'eku.other': RFC5280('4.2.1.12'),
  ...Object.fromEntries(GENERAL_NAMES.map((g) => [`gn.${g}`, RFC5280('4.2.1.6')])),
  'ext.aki.keyId': RFC5280('4.2.1.1'),
  'ext.aki.issuer': RFC5280('4.2.1.1'),
  'ext.aki.serial': RFC5280('4.2.1.1'),
  'ext.crlDp.fullName': RFC5280('4.2.1.13'),
  'ext.crlDp.relativeName': RFC5280('4.2.1.13'),
  'ext.crlDp.reasons': RFC5280('4.2.1.13'),
  'ext.crlDp.crlIssuer': RFC5280('4.2.1.13'),
  ...Object.fromEntries(Object.entries(ACCESS_METHODS).map(([oid, ref]) => [`ad.${oid}`, ref])),
  'ad.other': RFC5280('4.2.2.1'),
  ...Object.fromEntries(Object.entries(POLICIES).map(([oid, ref]) => [`policy.${oid}`, ref])),
  'policy.other': RFC5280('4.2.1.4'),
  'policy.cps': RFC5280('4.2.1.4'),
  'policy.userNotice': RFC5280('4.2.1.4'),
  'ext.nameConstraints.permitted': RFC5280('4.2.1.10'),
  'ext.nameConstraints.excluded': RFC5280('4.2.1.10'),
  'sct.entry': 'RFC 6962 §3.2',
  'sct.version': 'RFC 6962 §3.2',
  'sct.logId': 'RFC 6962 §3.2',
  'sct.timestamp': 'RFC 6962 §3.2',
  'sct.extensions': 'RFC 6962 §3.2',
  'sct.signature': 'RFC 6962 §3.2',
  'crl.root': RFC5280('5.1'),
  'crl.version': RFC5280('5.1.2.1'),
  'crl.tbsSignature': RFC5280('5.1.2.2'),
  'crl.issuer': RFC5280('5.1.2.3'),
  'crl.lastUpdate': RFC5280('5.1.2.4'),
  'crl.nextUpdate': RFC5280('5.1.2.5'),
  'crl.extensions': RFC5280('5.1.2.7'),
  'crl.revoked': RFC5280('5.1.2.6'),
  'crl.noRevoked': RFC5280('5.1.2.6'),
  'crl.entry.serial': RFC5280('5.1.2.6'),
  'crl.entry.date': RFC5280('5.1.2.6'),
  'crl.entry.extensions': RFC5280('5.3'),
  ...Object.fromEntries(REASONS.map((r) => [`crlReason.${r}`, RFC5280('5.3.1')])),
  'csr.root': 'RFC 2986 §4',
  'csr.data': 'RFC 2986 §4.1',
  'csr.version': 'RFC 2986 §4.1',
  'csr.subject': 'RFC 2986 §4.1',
  'csr.attributes': 'RFC 2986 §4.1',
  'csr.noAttributes': 'RFC 2986 §4.1',
  'csr.attr.1.2.840.113549.1.9.7': 'RFC 2985 §5.4.1',
  'csr.attr.1.2.840.113549.1.9.2': 'RFC 2985 §5.4.2',
  'csr.attr.1.2.840.113549.1.9.14': 'RFC 2985 §5.4.2',
  'csr.attr.other': 'RFC 2986 §4.1',
  'generic.line': 'RFC 5280',
};

/** Ids that only say "some part of this object": counted as non-specific in coverage. */
export const GENERIC_FIELD_IDS: ReadonlySet<string> = new Set(['generic.line', 'ext.unknown', 'eku.other', 'ad.other', 'policy.other', 'name.attr.other', 'csr.attr.other']);

export function isKnownField(id: string): boolean {
  return Object.hasOwn(FIELD_REFERENCES, id);
}
