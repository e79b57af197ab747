/** German: the keys of ../en/cert.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/cert.ts';

export default {
  'cert.badValidityDates': 'seine Gültigkeitsdaten sind kein gültiges UTCTime oder GeneralizedTime',
  'cert.crlUnreadable': 'keine lesbare CRL: {reason}',
  'cert.csrUnreadable': 'keine lesbare PKCS#10-Zertifikatsanforderung: {reason}',
  'cert.emptySubjectNoSan': 'ein Zertifikat mit leerem Subject braucht mindestens einen Subject Alternative Name',
  'cert.emptyValue': '{type} hat einen leeren Wert',
  'cert.expiresBeforeStart': 'das Zertifikat würde ablaufen, bevor es gültig wird',
  'cert.extensionUnreadable': 'die Erweiterung {oid} kann nicht gelesen werden: {reason}',
  'cert.keyCannotSign': 'ein {name}-Schlüssel vom Typ {type} kann keine Zertifikate signieren: Verwenden Sie einen privaten RSA-, ECDSA- oder Ed25519-Schlüssel',
  'cert.keyTypeUnsupported': 'der öffentliche Schlüssel ist weder RSA noch ECDSA (P-256/384/521) noch Ed25519',
  'cert.keyUnusable': 'dieser öffentliche {algorithm}-Schlüssel kann nicht verwendet werden: {reason}',
  'cert.notCidr': '"{text}" ist kein Adressbereich in CIDR-Form (10.0.0.0/8, fd00::/8)',
  'cert.notHexSerial': '"{text}" ist keine hexadezimale Seriennummer',
  'cert.notIa5': '"{value}" muss druckbares ASCII sein (IA5String); verwenden Sie Punycode für internationale Namen',
  'cert.notIp': '"{text}" ist keine IPv4- oder IPv6-Adresse',
  'cert.notPrintableString': '"{value}" enthält Zeichen, die ein PrintableString nicht aufnehmen kann',
  'cert.notSpki': 'keine SubjectPublicKeyInfo: {reason}',
  'cert.notTypeValue': '"{part}" ist nicht TYP=Wert',
  'cert.notX509': 'kein X.509-Zertifikat: {reason}',
  'cert.pathLenNotWhole': 'die Pfadlänge {pathLen} muss eine ganze Zahl ≥ 0 sein',
  'cert.prefixTooLong': '"{text}": ein /{prefix}-Präfix ist länger als die Adresse',
  'cert.sanNotSequence': 'die Subject Alternative Names sind keine SEQUENCE',
  'cert.serialRepeats': 'es konnte keine unbenutzte Seriennummer gezogen werden (die Zufallsquelle wiederholt sich)',
  'cert.signRefused': 'der {algorithm}-Schlüssel hat das Signieren verweigert: {reason}',
  'cert.unknownAttributeType': 'unbekannter Attributtyp "{type}" (verwenden Sie CN, O, OU, C, ST, L, emailAddress, DC, serialNumber oder eine OID in Punktnotation)',
} satisfies Messages<typeof en>;
