/** German: the keys of ../en/ca-log.ts. */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/ca-log.ts';

export default {
  'caLog.notBegunByCreation': 'die Historie beginnt nicht mit dem Anlegen der CA',
  'caLog.secondCreation': 'ein zweiter Eintrag über das Anlegen der CA',
  'caLog.issuedTwice': 'Seriennummer {serial} zweimal ausgestellt',
  'caLog.revokedNeverIssued': 'Widerruf der Seriennummer {serial}, die nie ausgestellt wurde',
  'caLog.revokedTwice': 'Seriennummer {serial} zweimal widerrufen',
  'caLog.revocationOtherCertificate': 'der Widerruf der Seriennummer {serial} nennt ein anderes Zertifikat',
  'caLog.crlNumberNotIncreasing': 'CRL-Nummer {number} nach {previous}',
  'caLog.rowNotRevoked': 'für Seriennummer {serial} sollte ein Widerruf festgehalten werden, sie ist aber nicht widerrufen',
  'caLog.sealParameters': 'die Siegelparameter der Historie sind nicht die von certbench',
} satisfies Messages<typeof en>;
