/** Simplified Chinese: the keys of ../en/verify-names.ts, each in Chinese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/verify-names.ts';

export default {
  'names.hostEmpty': '它为空',
  'names.hostTooLong': '它超过 253 个字符',
  'names.badLabel': '标签“{label}”不是仅由字母、数字和中间的连字符组成',
  'names.wildcardTooShort': '通配符后面必须至少有两个标签',
  'names.ipNot4or16': '既不是 4 字节也不是 16 字节',
  'names.notMailbox': '不是电子邮件地址',
  'names.otherName': '类型为 [{tag}] 的名称',
  'names.ipBytes': 'IP:<{count} 字节>',
  'names.rfc822Name': 'rfc822Name',
  'names.dNSName': 'dNSName',
  'names.uri': 'URI',
  'names.noneOfKind': '没有该类型的名称',
  'names.cnOnly': '只有主题 CN“{cn}”匹配，而 CN 不用于名称匹配（Go 1.15 及以上版本和浏览器会拒绝此证书）。',
  'names.noIpSan': '证书中没有 IP 地址 SAN {ip}（IP SAN：{sans}；DNS SAN 或通配符永远不会匹配 IP）。{cnOnly}',
  'names.noEmailSan': '证书中没有电子邮件 SAN {email}（电子邮件 SAN：{sans}）',
  'names.invalidHost': '“{host}”不是有效的主机名：{reason}',
  'names.noSanExtension': '证书没有 subjectAltName 扩展。{cnOnly}',
  'names.notAmongDnsSans': '{host} 不在其 DNS SAN（{sans}）之中。{cnOnly}',
  'names.dnsConstraintForm': 'DNS 约束“{value}”必须是普通域名（不能以点开头，也不能含通配符）',
  'names.dnsConstraintInvalid': 'DNS 约束“{value}”不是有效的域名',
  'names.ipConstraintLength': 'IP 约束有 {count} 字节（必须是 8 或 32 字节：地址加掩码）',
  'names.ipConstraintMask': 'IP 约束的掩码不是连续的前缀',
  'names.tooManyChecks': '名称约束检查过多（名称 × 约束的组合超过 1,048,576 对）：为防止拒绝服务攻击而拒绝',
  'names.inExcluded': '{name} 位于被排除的子树 {base} 中',
  'names.excludedUnchecked': '无法将 {name} 与被排除的 {base} 进行比对',
  'names.permittedUnchecked': '无法将 {name} 与允许的 {base} 进行比对',
  'names.outsidePermitted': '{name} 不在允许的子树（{bases}）之内',
} satisfies Messages<typeof en>;
