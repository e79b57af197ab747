/** Simplified Chinese: the keys of ../en/cert.ts, each in Simplified Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/cert.ts';

export default {
  'cert.badValidityDates': '其有效期日期不是有效的 UTCTime 或 GeneralizedTime',
  'cert.crlUnreadable': '不是可读取的 CRL：{reason}',
  'cert.csrUnreadable': '不是可读取的 PKCS#10 证书签名请求：{reason}',
  'cert.emptySubjectNoSan': '主体为空的证书至少需要一个主体备用名称',
  'cert.emptyValue': '{type} 的值为空',
  'cert.expiresBeforeStart': '该证书会在生效之前到期',
  'cert.extensionUnreadable': '无法读取扩展 {oid}：{reason}',
  'cert.keyCannotSign': '{name} {type} 密钥不能签发证书：请使用 RSA、ECDSA 或 Ed25519 私钥',
  'cert.keyTypeUnsupported': '公钥既不是 RSA、ECDSA（P-256/384/521），也不是 Ed25519',
  'cert.keyUnusable': '无法使用此 {algorithm} 公钥：{reason}',
  'cert.notCidr': '"{text}" 不是 CIDR 形式的地址范围（10.0.0.0/8、fd00::/8）',
  'cert.notHexSerial': '"{text}" 不是十六进制序列号',
  'cert.notIa5': '"{value}" 必须是可打印 ASCII（IA5String）；国际化名称请使用 punycode',
  'cert.notIp': '"{text}" 不是 IPv4 或 IPv6 地址',
  'cert.notPrintableString': '"{value}" 含有 PrintableString 无法容纳的字符',
  'cert.notSpki': '不是 SubjectPublicKeyInfo：{reason}',
  'cert.notTypeValue': '"{part}" 不是 TYPE=value 形式',
  'cert.notX509': '不是 X.509 证书：{reason}',
  'cert.pathLenNotWhole': '路径长度 {pathLen} 必须是大于等于 0 的整数',
  'cert.prefixTooLong': '"{text}"：/{prefix} 前缀比地址还长',
  'cert.sanNotSequence': '主体备用名称不是 SEQUENCE',
  'cert.serialRepeats': '无法生成未使用的序列号（随机源在重复自身）',
  'cert.signRefused': '{algorithm} 密钥拒绝签名：{reason}',
  'cert.unknownAttributeType': '未知的属性类型 "{type}"（请使用 CN、O、OU、C、ST、L、emailAddress、DC、serialNumber 或点分 OID）',
} satisfies Messages<typeof en>;
