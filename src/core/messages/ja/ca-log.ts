/** Japanese: the keys of ../en/ca-log.ts. */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/ca-log.ts';

export default {
  'caLog.notBegunByCreation': '履歴が CA の作成から始まっていません',
  'caLog.secondCreation': '2 つ目の作成エントリーがあります',
  'caLog.issuedTwice': 'シリアル番号 {serial} が 2 回発行されています',
  'caLog.revokedNeverIssued': '発行されていないシリアル番号 {serial} が失効されています',
  'caLog.revokedTwice': 'シリアル番号 {serial} が 2 回失効されています',
  'caLog.revocationOtherCertificate': 'シリアル番号 {serial} の失効が別の証明書を指しています',
  'caLog.crlNumberNotIncreasing': 'CRL 番号 {previous} の後に CRL 番号 {number} があります',
  'caLog.rowNotRevoked': '失効されていないシリアル番号 {serial} の失効を記録しようとしました',
  'caLog.sealParameters': '履歴の封印パラメーターが certbench のものではありません',
} satisfies Messages<typeof en>;
