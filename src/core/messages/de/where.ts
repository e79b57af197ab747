/** German: the keys of ../en/where.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/where.ts';

export default {
  'where.blockLabelled': 'Block {index} ({label})',
  'where.caCertificate': 'CA-Zertifikat',
  'where.caKey': 'CA-Schlüssel',
  'where.encryptedPrivateKey': 'verschlüsselter privater Schlüssel',
  'where.equivalentCommands': 'entsprechende Befehle',
  'where.externalCa': 'externe CA',
  'where.intermediateCa': 'Zwischen-CA',
  'where.keyType': 'Schlüsseltyp',
  'where.lab': 'Übung',
  'where.opensslCommand': 'openssl-Befehl',
  'where.profile': 'Profil {name}',
  'where.opensslConfig': 'openssl-Konfiguration',
  'where.pemBlock': 'PEM-Block {index}',
  'where.pkcs8PrivateKey': 'privater PKCS#8-Schlüssel',
  'where.privateKey': 'privater Schlüssel',
  'where.publicKey': 'öffentlicher Schlüssel',
  'where.san': 'SAN "{entry}"',
  'where.serial': 'Seriennummer {serial}',
  'where.subject': 'Subject',
  'where.subjectAttribute': 'Subject-Attribut {index}',
  'where.validity': 'Gültigkeit',
  'where.backup': 'Sicherung',
  'where.offset': 'Offset {offset}',
  'where.block': 'Block {index}',
  'where.input': 'Eingabe',
} satisfies Messages<typeof en>;
