/** German: the keys of ../en/verify-problems.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../t.svelte.ts';
import type en from '../en/verify-problems.ts';

export default {
  'check.signature': 'Signatur',
  'check.validity': 'Gültig zum gewählten Zeitpunkt',
  'check.ca': 'CA-Rolle und Beschränkungen',
  'check.purpose': 'Zweck (Extended Key Usage)',
  'check.format': 'Wohlgeformt (Namen, Erweiterungen)',
  'fix.bad-signature':
    'Dieses Zertifikat wurde nicht mit dem Schlüssel des gefundenen Ausstellers signiert: Legen Sie den richtigen Aussteller in die Eingabe oder stellen Sie das Zertifikat von der CA neu aus, die es signieren soll.',
  'fix.weak-signature': 'Stellen Sie es neu aus, signiert mit SHA-256 oder besser.',
  'fix.weak-key': 'Stellen Sie es mit einem RSA-Schlüssel ab 2048 Bit oder einem EC-Schlüssel P-256/P-384 neu aus.',
  'fix.unsupported-key': 'Stellen Sie es mit einem RSA-, ECDSA-P-256/384/521- oder Ed25519-Schlüssel neu aus.',
  'fix.expired': 'Erneuern Sie das Zertifikat (oder prüfen Sie den gewählten Zeitpunkt und die Uhr des Rechners).',
  'fix.not-yet-valid': 'Warten Sie, bis es gültig wird, korrigieren Sie die Uhr des ausstellenden Rechners oder prüfen Sie den gewählten Zeitpunkt.',
  'fix.revoked': 'Stellen Sie ein neues Zertifikat aus; ein widerrufenes lässt sich nicht zurückholen.',
  'fix.crl-invalid': 'Holen Sie eine aktuelle, von der ausstellenden CA signierte Sperrliste (CRL).',
  'fix.not-ca': 'Stellen Sie das Zwischenzertifikat mit basicConstraints critical, CA:TRUE neu aus (openssl: -extfile mit "basicConstraints=critical,CA:TRUE").',
  'fix.no-keycertsign': 'Stellen Sie die CA mit keyUsage keyCertSign, cRLSign neu aus.',
  'fix.pathlen-exceeded': 'Stellen Sie die CA mit größerem pathlen neu aus oder entfernen Sie ein Zwischenzertifikat aus der Kette.',
  'fix.leaf-is-ca': 'Stellen Sie das Endzertifikat mit basicConstraints CA:FALSE neu aus: Ein CA-Zertifikat darf nicht als Server- oder Client-Zertifikat verwendet werden.',
  'fix.leaf-keycertsign': 'Stellen Sie das Endzertifikat ohne keyCertSign in keyUsage neu aus.',
  'fix.path-too-long': 'Verwenden Sie eine kürzere Kette: weniger Zwischenzertifikate zwischen Endzertifikat und Root.',
  'fix.bad-name-constraints': 'Stellen Sie die CA mit wohlgeformten nameConstraints neu aus.',
  'fix.name-constraints':
    'Das Endzertifikat nennt etwas, für das die CA nicht bürgen darf: Stellen Sie es mit erlaubten Namen neu aus oder verwenden Sie eine CA, deren nameConstraints diese Namen zulassen.',
  'fix.leaf-name-constraints': 'Stellen Sie das Endzertifikat ohne nameConstraints neu aus.',
  'fix.no-issuer': 'Fügen Sie das fehlende Zwischen- oder Root-Zertifikat der Eingabe hinzu oder wählen Sie die ausstellende CA als Vertrauensanker.',
  'fix.wrong-eku':
    'Stellen Sie es mit der extendedKeyUsage für diesen Zweck neu aus (serverAuth für Server, clientAuth für Clients) oder wählen Sie einen anderen Zweck.',
  'fix.missing-eku': 'Stellen Sie das Endzertifikat mit extendedKeyUsage serverAuth und/oder clientAuth neu aus, oder prüfen Sie mit dem RFC-5280-Profil, wenn nur Go- und openssl-Clients es sehen.',
  'fix.root-eku': 'Wählen Sie ein Root-Zertifikat ohne eine extendedKeyUsage, die diesen Zweck ausschließt.',
  'fix.too-many-paths': 'Entfernen Sie nicht zugehörige Zertifikate aus der Eingabe.',
  'fix.name-mismatch': 'Stellen Sie das Zertifikat mit dem Namen in seinem subjectAltName neu aus.',
  'fix.missing-ski': 'Stellen Sie die CA mit subjectKeyIdentifier=hash neu aus.',
  'fix.missing-aki': 'Stellen Sie es mit authorityKeyIdentifier=keyid neu aus.',
  'fix.bad-san': 'Stellen Sie das Zertifikat mit gültigen subjectAltName-Einträgen (DNS-Namen, IP-Adressen) neu aus.',
  'fix.cn-spelling': 'Tragen Sie jeden Hostnamen in subjectAltName ein; der CN wird nicht für Namen verwendet.',
  'fix.other': 'Stellen Sie das Zertifikat mit korrigiertem Feld neu aus.',
} as const satisfies Messages<typeof en>;
