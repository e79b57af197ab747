/**
 * problem-words.ts in words: the checks the chain screen marks on every certificate of the path
 * (`check.<id>`) and what to do about each verify problem code (`fix.<code>`, codes kept as the core names them).
 */
import type { Messages } from '../t.svelte.ts';

export const en = {
  'check.signature': 'Signature',
  'check.validity': 'Valid at the chosen time',
  'check.ca': 'CA role and constraints',
  'check.purpose': 'Purpose (extended key usage)',
  'check.format': 'Well-formed (names, extensions)',
  'fix.bad-signature':
    'This certificate was not signed by the key of the issuer found: put the right issuer in the pile, or reissue the certificate from the CA that should sign it.',
  'fix.weak-signature': 'Reissue it signed with SHA-256 or better.',
  'fix.weak-key': 'Reissue it with RSA 2048+ or an EC P-256/P-384 key.',
  'fix.unsupported-key': 'Reissue it with an RSA, ECDSA P-256/384/521 or Ed25519 key.',
  'fix.expired': 'Renew the certificate (or check the "as of" time and the machine clock).',
  'fix.not-yet-valid': 'Wait until it starts, fix the clock of the machine that issued it, or check the "as of" time.',
  'fix.revoked': 'Issue a new certificate; a revoked one cannot be brought back.',
  'fix.crl-invalid': 'Fetch a current CRL signed by the issuing CA.',
  'fix.not-ca': 'Reissue the intermediate with basicConstraints critical, CA:TRUE (openssl: -extfile with "basicConstraints=critical,CA:TRUE").',
  'fix.no-keycertsign': 'Reissue the CA with keyUsage keyCertSign, cRLSign.',
  'fix.pathlen-exceeded': 'Reissue the CA with a larger pathlen, or remove an intermediate from the chain.',
  'fix.leaf-is-ca': 'Reissue the leaf with basicConstraints CA:FALSE: a CA certificate must not be used as a server or client certificate.',
  'fix.leaf-keycertsign': 'Reissue the leaf without keyCertSign in keyUsage.',
  'fix.path-too-long': 'Use a shorter chain: fewer intermediates between the leaf and the root.',
  'fix.bad-name-constraints': 'Reissue the CA with well-formed nameConstraints.',
  'fix.name-constraints':
    'The leaf names something the CA may not vouch for: reissue the leaf with allowed names, or use a CA whose nameConstraints permit them.',
  'fix.leaf-name-constraints': 'Reissue the leaf without nameConstraints.',
  'fix.no-issuer': 'Add the missing intermediate or root to the pile, or choose the CA that issued it as the trust anchor.',
  'fix.wrong-eku': 'Reissue it with the extendedKeyUsage for this purpose (serverAuth for servers, clientAuth for clients), or choose another purpose.',
  'fix.missing-eku': 'Reissue the leaf with extendedKeyUsage serverAuth and/or clientAuth, or check with the RFC 5280 profile if only Go and openssl clients will see it.',
  'fix.root-eku': 'Choose a root without an extendedKeyUsage that excludes this purpose.',
  'fix.too-many-paths': 'Remove unrelated certificates from the pile.',
  'fix.name-mismatch': 'Reissue the certificate with the name in its subjectAltName.',
  'fix.missing-ski': 'Reissue the CA with subjectKeyIdentifier=hash.',
  'fix.missing-aki': 'Reissue with authorityKeyIdentifier=keyid.',
  'fix.bad-san': 'Reissue the certificate with valid subjectAltName entries (DNS names, IP addresses).',
  'fix.cn-spelling': 'Put every host name in subjectAltName; the CN is not used for names.',
  'fix.other': 'Reissue the certificate with this field corrected.',
} as const;

export const de = {
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
