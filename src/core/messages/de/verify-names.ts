/** German: the keys of ../en/verify-names.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/verify-names.ts';

export default {
  'names.hostEmpty': 'er ist leer',
  'names.hostTooLong': 'er ist länger als 253 Zeichen',
  'names.badLabel': 'das Label „{label}“ besteht nicht nur aus Buchstaben, Ziffern und inneren Bindestrichen',
  'names.wildcardTooShort': 'auf eine Wildcard müssen mindestens zwei Labels folgen',
  'names.ipNot4or16': 'nicht 4 oder 16 Bytes',
  'names.notMailbox': 'keine E-Mail-Adresse',
  'names.otherName': 'Name vom Typ [{tag}]',
  'names.ipBytes': 'IP:<{count} Bytes>',
  'names.rfc822Name': 'ein rfc822Name',
  'names.dNSName': 'ein dNSName',
  'names.uri': 'eine URI',
  'names.noneOfKind': 'keine Namen dieser Art',
  'names.cnOnly': ' Nur der Subject-CN „{cn}“ passt, und der CN wird nicht für Namen verwendet (Go ≥ 1.15 und Browser lehnen dieses Zertifikat ab).',
  'names.noIpSan': 'das Zertifikat hat keinen IP-Adress-SAN {ip} (IP-SANs: {sans}; ein DNS-SAN oder eine Wildcard passt nie auf eine IP).{cnOnly}',
  'names.noEmailSan': 'das Zertifikat hat keinen E-Mail-SAN {email} (E-Mail-SANs: {sans})',
  'names.invalidHost': '„{host}“ ist kein gültiger Hostname: {reason}',
  'names.noSanExtension': 'das Zertifikat hat keine subjectAltName-Erweiterung.{cnOnly}',
  'names.notAmongDnsSans': '{host} ist nicht unter seinen DNS-SANs ({sans}).{cnOnly}',
  'names.dnsConstraintForm': 'die DNS-Beschränkung „{value}“ muss eine einfache Domain sein (kein führender Punkt, keine Wildcard)',
  'names.dnsConstraintInvalid': 'die DNS-Beschränkung „{value}“ ist keine gültige Domain',
  'names.ipConstraintLength': 'die IP-Beschränkung hat {count} Bytes (es müssen 8 oder 32 sein: Adresse und Maske)',
  'names.ipConstraintMask': 'die Maske der IP-Beschränkung ist kein zusammenhängendes Präfix',
  'names.tooManyChecks': 'zu viele Prüfungen von Namensbeschränkungen (mehr als 1.048.576 Paare aus Name × Beschränkung): als Schutz gegen Denial of Service abgelehnt',
  'names.inExcluded': '{name} liegt im ausgeschlossenen Teilbaum {base}',
  'names.excludedUnchecked': '{name} kann nicht gegen das ausgeschlossene {base} geprüft werden',
  'names.permittedUnchecked': '{name} kann nicht gegen das erlaubte {base} geprüft werden',
  'names.outsidePermitted': '{name} liegt außerhalb der erlaubten Teilbäume ({bases})',
} satisfies Messages<typeof en>;
