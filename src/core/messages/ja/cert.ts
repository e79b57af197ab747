/** Japanese: the keys of ../en/cert.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/cert.ts';

export default {
  'cert.badValidityDates': '有効期間の日時が有効な UTCTime または GeneralizedTime ではありません',
  'cert.crlUnreadable': '読み取れる CRL ではありません：{reason}',
  'cert.csrUnreadable': '読み取れる PKCS#10 証明書署名要求ではありません：{reason}',
  'cert.emptySubjectNoSan': 'サブジェクトが空の証明書には、サブジェクト代替名が少なくとも 1 つ必要です',
  'cert.emptyValue': '{type} の値が空です',
  'cert.expiresBeforeStart': 'この証明書は有効になる前に期限切れになります',
  'cert.extensionUnreadable': '拡張 {oid} を読み取れません：{reason}',
  'cert.keyCannotSign': '{name} の {type} 鍵では証明書に署名できません：RSA、ECDSA、Ed25519 の秘密鍵を使ってください',
  'cert.keyTypeUnsupported': '公開鍵が RSA、ECDSA（P-256/384/521）、Ed25519 のいずれでもありません',
  'cert.keyUnusable': 'この {algorithm} 公開鍵は使用できません：{reason}',
  'cert.notCidr': '"{text}" は CIDR 形式のアドレス範囲（10.0.0.0/8、fd00::/8）ではありません',
  'cert.notHexSerial': '"{text}" は 16 進数のシリアル番号ではありません',
  'cert.notIa5': '"{value}" は印字可能な ASCII（IA5String）でなければなりません。国際化ドメイン名には punycode を使ってください',
  'cert.notIp': '"{text}" は IPv4 または IPv6 アドレスではありません',
  'cert.notPrintableString': '"{value}" には PrintableString に入らない文字が含まれています',
  'cert.notSpki': 'SubjectPublicKeyInfo ではありません：{reason}',
  'cert.notTypeValue': '"{part}" は TYPE=value の形ではありません',
  'cert.notX509': 'X.509 証明書ではありません：{reason}',
  'cert.pathLenNotWhole': 'パス長 {pathLen} は 0 以上の整数でなければなりません',
  'cert.prefixTooLong': '"{text}"：/{prefix} のプレフィックスはアドレスより長くなっています',
  'cert.sanNotSequence': 'サブジェクト代替名が SEQUENCE ではありません',
  'cert.serialRepeats': '未使用のシリアル番号を生成できませんでした（乱数源が同じ値を繰り返しています）',
  'cert.signRefused': '{algorithm} 鍵が署名を拒否しました：{reason}',
  'cert.unknownAttributeType': '不明な属性タイプ "{type}"（CN、O、OU、C、ST、L、emailAddress、DC、serialNumber、またはドット区切りの OID を使ってください）',
} satisfies Messages<typeof en>;
