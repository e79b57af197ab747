/** Simplified Chinese: the keys of ../en/ca.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/ca.ts';

export default {
  'ca.alreadyRevoked': '已于 {date} 吊销（{reason}）',
  'ca.badExpiry': 'expiry "{text}" 不是类似 "8760h" 的时长',
  'ca.crlNumber': 'CRL 编号 {crlNumber} 必须是大于等于 0 的整数',
  'ca.csrExtensionsUnreadable': '无法读取 extensionRequest 属性：{reason}',
  'ca.csrKeyUnsupported': '其 {algorithm} 公钥不是 certbench 可以签发证书的类型（RSA、ECDSA P-256/384/521、Ed25519）',
  'ca.csrSignatureBad': '其签名无法用自身的公钥验证：请求已被篡改或已损坏',
  'ca.csrSignatureUncheckable': '无法检查其签名：{reason}',
  'ca.csrUnreadable': '不是 PKCS#10 证书签名请求：{reason}',
  'ca.hoursNotPositive': '{hours} 小时不是正的有效时长',
  'ca.issuerPathLenZero': '签发 CA 的 pathlen 为 0：它只能签发叶证书，不能签发其他 CA',
  'ca.keyMismatch': '私钥不属于此证书（其签名无法用证书的公钥验证）',
  'ca.keyNotCertifiable': '其公钥的类型是 certbench 无法签发证书的',
  'ca.keyTypeUnsupported': 'CA 证书的密钥不是 RSA、ECDSA 或 Ed25519',
  'ca.noCertificate': '未找到 CERTIFICATE',
  'ca.noCrlSign': 'CA 证书缺少 cRLSign 密钥用法，因此验证方会拒绝它的 CRL',
  'ca.noKeyCertSign': '此证书不允许签发证书：其 keyUsage 缺少 keyCertSign',
  'ca.noSigning': '没有 "signing" 部分',
  'ca.notCa': '此证书不是 CA：其基本约束不是 CA:TRUE，因此它签发的任何内容都不会被信任',
  'ca.notSigningCa': '此证书不是可以签发证书的 CA',
  'ca.pathLenTooLong': '路径长度 {pathLen} 必须小于颁发者的 {issuerPathLen}',
  'ca.pathLenZero': '此 CA 的 pathlen 为 0：它不能签发其他 CA',
  'ca.serialNotIssued': '此 CA 没有签发过序列号为 {serial} 的证书',
  'ca.serialOtherCa': '序列号 {serial} 属于另一个 CA',
  'ca.subjectNeeded': 'CA 需要主体（证书把它的名称写作颁发者）',
  'ca.subjectNeededShort': 'CA 需要主体',
  'ca.unknownReason': '未知的吊销原因 "{reason}"（应为 {reasons} 之一）',
  'ca.unknownUsage': '未知的用法 "{usage}"',
  'ca.usagesNotList': '"usages" 必须是字符串列表',
} satisfies Messages<typeof en>;
