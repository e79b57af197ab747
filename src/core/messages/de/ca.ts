/** German: the keys of ../en/ca.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/ca.ts';

export default {
  'ca.alreadyRevoked': 'bereits am {date} widerrufen ({reason})',
  'ca.badExpiry': 'expiry "{text}" ist keine Dauer wie "8760h"',
  'ca.crlNumber': 'Die CRL-Nummer {crlNumber} muss eine ganze Zahl ≥ 0 sein',
  'ca.csrExtensionsUnreadable': 'das Attribut extensionRequest kann nicht gelesen werden: {reason}',
  'ca.csrKeyUnsupported': 'sein öffentlicher {algorithm}-Schlüssel ist keiner, den certbench zertifiziert (RSA, ECDSA P-256/384/521, Ed25519)',
  'ca.csrSignatureBad': 'seine Signatur lässt sich mit dem eigenen öffentlichen Schlüssel nicht verifizieren: Die Anforderung wurde verändert oder ist beschädigt',
  'ca.csrSignatureUncheckable': 'seine Signatur kann nicht geprüft werden: {reason}',
  'ca.csrUnreadable': 'keine PKCS#10-Zertifikatsanforderung: {reason}',
  'ca.hoursNotPositive': '{hours} Stunden sind keine positive Lebensdauer',
  'ca.issuerPathLenZero': 'die ausstellende CA hat pathlen 0: Sie darf nur Endzertifikate signieren, keine weitere CA',
  'ca.keyMismatch': 'der private Schlüssel gehört nicht zu diesem Zertifikat (seine Signaturen lassen sich mit dem öffentlichen Schlüssel des Zertifikats nicht verifizieren)',
  'ca.keyNotCertifiable': 'sein öffentlicher Schlüssel ist von einer Art, die certbench nicht zertifizieren kann',
  'ca.keyTypeUnsupported': 'der Schlüssel des CA-Zertifikats ist weder RSA noch ECDSA noch Ed25519',
  'ca.noCertificate': 'kein CERTIFICATE gefunden',
  'ca.noCrlSign': 'dem CA-Zertifikat fehlt die Schlüsselverwendung cRLSign, daher würden Prüfer seine CRL ablehnen',
  'ca.noKeyCertSign': 'dieses Zertifikat darf keine Zertifikate signieren: Seinem keyUsage fehlt keyCertSign',
  'ca.noSigning': 'hat keinen Abschnitt "signing"',
  'ca.notCa': 'dieses Zertifikat ist keine CA: Sein basicConstraints sagt nicht CA:TRUE, daher würde nichts, was es signiert, als vertrauenswürdig gelten',
  'ca.notSigningCa': 'dieses Zertifikat ist keine CA, die Zertifikate signieren darf',
  'ca.pathLenTooLong': 'die Pfadlänge {pathLen} muss kleiner sein als die des Ausstellers ({issuerPathLen})',
  'ca.pathLenZero': 'die CA hat pathlen 0: Sie darf keine weitere CA signieren',
  'ca.serialNotIssued': 'kein Zertifikat mit der Seriennummer {serial} wurde von dieser CA ausgestellt',
  'ca.serialOtherCa': 'die Seriennummer {serial} gehört zu einer anderen CA',
  'ca.subjectNeeded': 'eine CA braucht einen Subject (ihr Name ist das, was Zertifikate als ihren Aussteller nennen)',
  'ca.subjectNeededShort': 'eine CA braucht einen Subject',
  'ca.unknownReason': 'unbekannter Widerrufsgrund "{reason}" (einer von {reasons})',
  'ca.unknownUsage': 'unbekannte Verwendung "{usage}"',
  'ca.usagesNotList': '"usages" muss eine Liste von Zeichenketten sein',
} satisfies Messages<typeof en>;
