/** Simplified Chinese: the keys of ../en/ca-log.ts. */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/ca-log.ts';

export default {
  'caLog.notBegunByCreation': '历史记录不是从创建 CA 开始的',
  'caLog.secondCreation': '出现了第二条创建记录',
  'caLog.issuedTwice': '序列号 {serial} 被签发了两次',
  'caLog.revokedNeverIssued': '吊销了从未签发过的序列号 {serial}',
  'caLog.revokedTwice': '序列号 {serial} 被吊销了两次',
  'caLog.revocationOtherCertificate': '序列号 {serial} 的吊销记录指向另一张证书',
  'caLog.crlNumberNotIncreasing': 'CRL 编号 {previous} 之后出现了 CRL 编号 {number}',
  'caLog.rowNotRevoked': '试图为未被吊销的序列号 {serial} 记录吊销',
  'caLog.sealParameters': '历史记录的封印参数不是 certbench 的',
} satisfies Messages<typeof en>;
