/** Japanese: the keys of ../en/ca.ts, each in Japanese (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/ca.ts';

export default {
  'ca.alreadyRevoked': '{date} にすでに失効しています（{reason}）',
  'ca.badExpiry': 'expiry "{text}" は "8760h" のような期間ではありません',
  'ca.crlNumber': 'CRL 番号 {crlNumber} は 0 以上の整数でなければなりません',
  'ca.csrExtensionsUnreadable': 'extensionRequest 属性を読み取れません：{reason}',
  'ca.csrKeyUnsupported': 'この {algorithm} 公開鍵は certbench が証明書を発行できる種類ではありません（RSA、ECDSA P-256/384/521、Ed25519）',
  'ca.csrSignatureBad': '署名が自身の公開鍵で検証できません：リクエストが改変されたか壊れています',
  'ca.csrSignatureUncheckable': '署名を検証できません：{reason}',
  'ca.csrUnreadable': 'PKCS#10 証明書署名要求ではありません：{reason}',
  'ca.hoursNotPositive': '{hours} 時間は正の有効期間ではありません',
  'ca.issuerPathLenZero': '発行元 CA の pathlen が 0 です：リーフ証明書にしか署名できず、別の CA には署名できません',
  'ca.keyMismatch': '秘密鍵はこの証明書のものではありません（その署名が証明書の公開鍵で検証できません）',
  'ca.keyNotCertifiable': 'この公開鍵は certbench が証明書を発行できない種類です',
  'ca.keyTypeUnsupported': 'CA 証明書の鍵が RSA、ECDSA、Ed25519 のいずれでもありません',
  'ca.noCertificate': 'CERTIFICATE が見つかりません',
  'ca.noCrlSign': 'CA 証明書に鍵用途 cRLSign がないため、検証側はこの CA の CRL を拒否します',
  'ca.noKeyCertSign': 'この証明書は証明書に署名できません：keyUsage に keyCertSign がありません',
  'ca.noSigning': '"signing" セクションがありません',
  'ca.notCa': 'この証明書は CA ではありません：basicConstraints が CA:TRUE ではないため、これが署名したものは信頼されません',
  'ca.notSigningCa': 'この証明書は証明書に署名できる CA ではありません',
  'ca.pathLenTooLong': 'パス長 {pathLen} は発行者のパス長 {issuerPathLen} より小さくなければなりません',
  'ca.pathLenZero': 'この CA の pathlen は 0 です：別の CA には署名できません',
  'ca.serialNotIssued': 'シリアル番号 {serial} の証明書はこの CA から発行されていません',
  'ca.serialOtherCa': 'シリアル番号 {serial} は別の CA のものです',
  'ca.subjectNeeded': 'CA にはサブジェクトが必要です（その名前が、証明書に発行者として記載されます）',
  'ca.subjectNeededShort': 'CA にはサブジェクトが必要です',
  'ca.unknownReason': '不明な失効理由 "{reason}"（{reasons} のいずれか）',
  'ca.unknownUsage': '不明な用途 "{usage}"',
  'ca.usagesNotList': '"usages" は文字列のリストでなければなりません',
} satisfies Messages<typeof en>;
