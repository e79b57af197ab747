/** Japanese: the keys of ../en/verify-names.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/verify-names.ts';

export default {
  'names.hostEmpty': '空です',
  'names.hostTooLong': '253 文字を超えています',
  'names.badLabel': 'ラベル「{label}」が英字、数字、内側のハイフンだけでできていません',
  'names.wildcardTooShort': 'ワイルドカードの後には少なくとも 2 つのラベルが必要です',
  'names.ipNot4or16': '4 バイトでも 16 バイトでもありません',
  'names.notMailbox': 'メールアドレスではありません',
  'names.otherName': '種類 [{tag}] の名前',
  'names.ipBytes': 'IP:<{count} バイト>',
  'names.rfc822Name': 'rfc822Name',
  'names.dNSName': 'dNSName',
  'names.uri': 'URI',
  'names.noneOfKind': 'その種類の名前はありません',
  'names.cnOnly': '一致するのはサブジェクト CN「{cn}」だけですが、CN は名前の照合に使われません（Go 1.15 以降とブラウザーはこの証明書を拒否します）。',
  'names.noIpSan': '証明書に IP アドレス SAN {ip} がありません（IP SAN：{sans}。DNS SAN やワイルドカードが IP に一致することはありません）。{cnOnly}',
  'names.noEmailSan': '証明書にメール SAN {email} がありません（メール SAN：{sans}）',
  'names.invalidHost': '「{host}」は有効なホスト名ではありません：{reason}',
  'names.noSanExtension': '証明書に subjectAltName 拡張がありません。{cnOnly}',
  'names.notAmongDnsSans': '{host} は DNS SAN（{sans}）に含まれていません。{cnOnly}',
  'names.dnsConstraintForm': 'DNS 制約「{value}」は単純なドメインでなければなりません（先頭のドットやワイルドカードは不可）',
  'names.dnsConstraintInvalid': 'DNS 制約「{value}」は有効なドメインではありません',
  'names.ipConstraintLength': 'IP 制約が {count} バイトです（アドレスとマスクで 8 または 32 バイトでなければなりません）',
  'names.ipConstraintMask': 'IP 制約のマスクが連続したプレフィックスではありません',
  'names.tooManyChecks': '名前制約の確認が多すぎます（名前 × 制約の組が 1,048,576 を超えています）：サービス拒否攻撃への対策として拒否しました',
  'names.inExcluded': '{name} は除外されたサブツリー {base} に含まれています',
  'names.excludedUnchecked': '{name} を除外された {base} と照合できません',
  'names.permittedUnchecked': '{name} を許可された {base} と照合できません',
  'names.outsidePermitted': '{name} は許可されたサブツリー（{bases}）の外にあります',
} satisfies Messages<typeof en>;
